package io.acktr.curvature.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** The settings records of the six step-size rules. */
class StepSizeSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void defaultsComeFromReferenceConf() {
        assertThat(TrustRegionSettings.from(REFERENCE))
                .isEqualTo(new TrustRegionSettings(0.25, 0.001, 0.9, TrustRegionScope.PER_GROUP, false, false));
        assertThat(LineSearchSettings.from(REFERENCE)).isEqualTo(new LineSearchSettings(0.01, 0.5, 10, 0.1));
        assertThat(FixedStepSettings.from(REFERENCE)).isEqualTo(new FixedStepSettings(0.01, 0));
        assertThat(RmsPropSettings.from(REFERENCE)).isEqualTo(new RmsPropSettings(7e-4, 0.99, 1e-5, 0.5));
        assertThat(AdaptiveKlSettings.from(REFERENCE)).isEqualTo(new AdaptiveKlSettings(0.01, 0.002, 1e-6, 1.0));
        assertThat(AdamSettings.from(REFERENCE)).isEqualTo(new AdamSettings(7e-4, 0.9, 0.999, 1e-8, 0.5));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("""
                acktr.step-size.trust-region { max-step-size = 1.5, kl-radius = 0.01, momentum = 0, scope = joint,
                  kl-feedback = true, schedule = linear, quadratic-form = exact }
                acktr.step-size.line-search { kl-radius = 0.02, shrink-factor = 0.8, max-backtracks = 4, accept-ratio = 0 }
                acktr.step-size.fixed { learning-rate = 0.5, momentum = 0.25 }
                acktr.step-size.rmsprop { learning-rate = 0.1, decay = 0.5, epsilon = 0.001, max-gradient-norm = 2 }
                acktr.step-size.adaptive-kl { initial-step-size = 0.1, target-kl = 0.01, min-step-size = 0.001, max-step-size = 2 }
                acktr.step-size.adam { learning-rate = 0.2, beta1 = 0.5, beta2 = 0.75, epsilon = 0.01, max-gradient-norm = 3 }
                """).withFallback(REFERENCE);
        assertThat(TrustRegionSettings.from(c)).isEqualTo(new TrustRegionSettings(1.5, 0.01, 0, TrustRegionScope.JOINT, true, true, true));
        assertThat(LineSearchSettings.from(c)).isEqualTo(new LineSearchSettings(0.02, 0.8, 4, 0));
        assertThat(FixedStepSettings.from(c)).isEqualTo(new FixedStepSettings(0.5, 0.25));
        assertThat(RmsPropSettings.from(c)).isEqualTo(new RmsPropSettings(0.1, 0.5, 0.001, 2));
        assertThat(AdaptiveKlSettings.from(c)).isEqualTo(new AdaptiveKlSettings(0.1, 0.01, 0.001, 2));
        assertThat(AdamSettings.from(c)).isEqualTo(new AdamSettings(0.2, 0.5, 0.75, 0.01, 3));
    }

    @Test
    void invalidValuesInConfigNameThePathTheValueAndTheRule() {
        Config momentum = ConfigFactory.parseString("acktr.step-size.trust-region.momentum = 1").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(momentum)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.step-size.trust-region.momentum': 1.0: must be in [0.0, 1.0)");
        Config schedule = ConfigFactory.parseString("acktr.step-size.trust-region.schedule = cosine").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(schedule))
                .hasMessageContaining("acktr.step-size.trust-region.schedule").hasMessageContaining("constant, linear");
        Config form = ConfigFactory.parseString("acktr.step-size.trust-region.quadratic-form = true").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(form))
                .hasMessageContaining("acktr.step-size.trust-region.quadratic-form").hasMessageContaining("approximate, exact");
        Config rate = ConfigFactory.parseString("acktr.step-size.adam.learning-rate = fast").withFallback(REFERENCE);
        assertThatThrownBy(() -> AdamSettings.from(rate))
                .hasMessageContaining("Invalid value at 'acktr.step-size.adam.learning-rate': \"fast\": must be a number");
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new TrustRegionSettings(0, 0.001, 0, TrustRegionScope.JOINT, false, false))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.step-size.trust-region.max-step-size': 0.0: must be > 0");
        assertThatThrownBy(() -> new TrustRegionSettings(0.1, -1, 0, TrustRegionScope.JOINT, false, false))
                .hasMessageContaining("acktr.step-size.trust-region.kl-radius");
        assertThatThrownBy(() -> new LineSearchSettings(0.01, 1, 10, 0.1)).hasMessageContaining("acktr.step-size.line-search.shrink-factor");
        assertThatThrownBy(() -> new LineSearchSettings(0.01, 0.5, -1, 0.1)).hasMessageContaining("acktr.step-size.line-search.max-backtracks");
        assertThatThrownBy(() -> new LineSearchSettings(0.01, 0.5, 1, 1)).hasMessageContaining("acktr.step-size.line-search.accept-ratio");
        assertThatThrownBy(() -> new FixedStepSettings(-0.1, 0)).hasMessageContaining("acktr.step-size.fixed.learning-rate");
        assertThatThrownBy(() -> new FixedStepSettings(0.1, 1)).hasMessageContaining("acktr.step-size.fixed.momentum");
        assertThatThrownBy(() -> new RmsPropSettings(0.1, 0.9, 0, 1)).hasMessageContaining("acktr.step-size.rmsprop.epsilon");
        assertThatThrownBy(() -> new RmsPropSettings(0.1, 0.9, 1e-5, 0)).hasMessageContaining("acktr.step-size.rmsprop.max-gradient-norm");
        assertThatThrownBy(() -> new AdaptiveKlSettings(0.1, 0, 1e-6, 1)).hasMessageContaining("acktr.step-size.adaptive-kl.target-kl");
        assertThatThrownBy(() -> new AdaptiveKlSettings(0.1, 0.01, 2, 1))
                .hasMessageContaining("Invalid value at 'acktr.step-size.adaptive-kl.min-step-size': 2.0: must be <= "
                        + "acktr.step-size.adaptive-kl.max-step-size = 1.0");
        assertThatThrownBy(() -> new AdamSettings(0.1, 1, 0.9, 1e-8, 1)).hasMessageContaining("acktr.step-size.adam.beta1");
        assertThatThrownBy(() -> new AdamSettings(0.1, 0.9, -0.1, 1e-8, 1)).hasMessageContaining("acktr.step-size.adam.beta2");
    }

    @Test
    void infinitiesAreRefusedNamingThePath() {
        Config c = ConfigFactory.parseString("acktr.step-size { fixed.learning-rate = Infinity,"
                + " trust-region { kl-radius = Infinity, max-step-size = Infinity } }").withFallback(REFERENCE);
        assertThatThrownBy(() -> FixedStepSettings.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.step-size.fixed.learning-rate").hasMessageContaining("finite");
        assertThatThrownBy(() -> TrustRegionSettings.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.step-size.trust-region").hasMessageContaining("finite");
    }
}
