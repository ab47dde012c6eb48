package io.acktr.curvature.kfac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.curvature.FisherTargets;
import org.junit.jupiter.api.Test;

/** {@link KfacSettings}, {@link EkfacSettings} and their {@link LevenbergMarquardtSettings}. */
class KroneckerSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();
    private static final String KFAC_LM = "acktr.curvature.kfac.levenberg-marquardt";
    private static final String EKFAC_LM = "acktr.curvature.ekfac.levenberg-marquardt";

    @Test
    void defaultsComeFromReferenceConf() {
        assertThat(KfacSettings.from(REFERENCE)).isEqualTo(new KfacSettings(0.01, DampingForm.EIGEN, 0.99, 10, 1, 10, 1e-6,
                false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KFAC_LM, false, 0.95, 1e-5, 10)));
        assertThat(EkfacSettings.from(REFERENCE)).isEqualTo(new EkfacSettings(0.01, 0.99, 10, 10, 1e-6, false,
                FisherTargets.SAMPLED, new LevenbergMarquardtSettings(EKFAC_LM, false, 0.95, 1e-5, 10)));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("""
                acktr.curvature.kfac { damping = 0.2, damping-form = factored-tikhonov, stats-decay = 0.5,
                  inverse-interval = 3, statistics-interval = 7, warmup-updates = 0, eigenvalue-floor = 1e-3, async = true,
                  fisher = empirical,
                  levenberg-marquardt { enabled = true, factor = 0.5, min-damping = 0.001, max-damping = 2 } }
                acktr.curvature.ekfac { damping = 0.3, stats-decay = 0.5, inverse-interval = 4, warmup-updates = 1,
                  eigenvalue-floor = 0, async = true, fisher = empirical,
                  levenberg-marquardt { enabled = true, factor = 0.25, min-damping = 0.01, max-damping = 3 } }
                """).withFallback(REFERENCE);
        assertThat(KfacSettings.from(c)).isEqualTo(new KfacSettings(0.2, DampingForm.FACTORED_TIKHONOV, 0.5, 3, 7, 0, 1e-3,
                true, FisherTargets.EMPIRICAL, new LevenbergMarquardtSettings(KFAC_LM, true, 0.5, 0.001, 2)));
        assertThat(EkfacSettings.from(c)).isEqualTo(new EkfacSettings(0.3, 0.5, 4, 1, 0, true, FisherTargets.EMPIRICAL,
                new LevenbergMarquardtSettings(EKFAC_LM, true, 0.25, 0.01, 3)));
    }

    @Test
    void invalidValuesInConfigNameThePathTheValueAndTheRule() {
        Config negative = ConfigFactory.parseString("acktr.curvature.kfac.damping = -1").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(negative)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.curvature.kfac.damping': -1.0: must be > 0");
        Config form = ConfigFactory.parseString("acktr.curvature.kfac.damping-form = magic").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(form))
                .hasMessageContaining("acktr.curvature.kfac.damping-form").hasMessageContaining("eigen, factored-tikhonov");
        Config interval = ConfigFactory.parseString("acktr.curvature.kfac.statistics-interval = 0").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(interval))
                .hasMessageContaining("Invalid value at 'acktr.curvature.kfac.statistics-interval': 0: must be >= 1");
        Config fisher = ConfigFactory.parseString("acktr.curvature.kfac.fisher = guessed").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(fisher))
                .hasMessageContaining("acktr.curvature.kfac.fisher").hasMessageContaining("sampled, empirical");
        Config lm = ConfigFactory.parseString("acktr.curvature.ekfac.levenberg-marquardt { min-damping = 1, max-damping = 0.5 }")
                .withFallback(REFERENCE);
        assertThatThrownBy(() -> EkfacSettings.from(lm)).hasMessageContaining("Invalid value at '" + EKFAC_LM
                + ".max-damping': 0.5: must be >= " + EKFAC_LM + ".min-damping = 1.0");
        Config async = ConfigFactory.parseString("acktr.curvature.kfac.async = sometimes").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(async))
                .hasMessageContaining("acktr.curvature.kfac.async").hasMessageContaining("must be true or false");
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        LevenbergMarquardtSettings lm = new LevenbergMarquardtSettings(KFAC_LM, false, 0.95, 1e-5, 10);
        assertThatThrownBy(() -> new KfacSettings(0.01, DampingForm.EIGEN, 1.0, 10, 1, 10, 0, false, FisherTargets.SAMPLED, lm))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.curvature.kfac.stats-decay': 1.0: must be in [0.0, 1.0)");
        assertThatThrownBy(() -> new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 0, 1, 10, 0, false, FisherTargets.SAMPLED, lm))
                .hasMessageContaining("acktr.curvature.kfac.inverse-interval");
        assertThatThrownBy(() -> new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 1, 1, -1, 0, false, FisherTargets.SAMPLED, lm))
                .hasMessageContaining("acktr.curvature.kfac.warmup-updates");
        assertThatThrownBy(() -> new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 1, 1, 0, -1e-6, false, FisherTargets.SAMPLED, lm))
                .hasMessageContaining("acktr.curvature.kfac.eigenvalue-floor");
        assertThatThrownBy(() -> new EkfacSettings(0, 0.9, 1, 0, 0, false, FisherTargets.SAMPLED, lm))
                .hasMessageContaining("Invalid value at 'acktr.curvature.ekfac.damping': 0.0: must be > 0");
        assertThatThrownBy(() -> new LevenbergMarquardtSettings(KFAC_LM, true, 1.0, 1e-5, 10))
                .hasMessageContaining("Invalid value at '" + KFAC_LM + ".factor': 1.0: must be in [0.0, 1.0)");
        assertThatThrownBy(() -> new LevenbergMarquardtSettings(KFAC_LM, true, 0.5, 0, 10))
                .hasMessageContaining(KFAC_LM + ".min-damping");
    }

    @Test
    void anInfiniteDampingIsRefusedNamingThePath() {
        Config c = ConfigFactory.parseString("acktr.curvature.kfac.damping = Infinity").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.curvature.kfac.damping").hasMessageContaining("finite");
    }
}
