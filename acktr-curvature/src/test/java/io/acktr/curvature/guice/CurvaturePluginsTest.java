package io.acktr.curvature.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.curvature.kfac.DampingForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CurvaturePluginsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void serviceLoaderFindsEveryModuleAndGuiceRegistersThemByName() {
        List<Module> modules = new ArrayList<>();
        ServiceLoader.load(Module.class).forEach(modules::add);
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Config.class).toInstance(REFERENCE);
            }
        });
        Injector injector = Guice.createInjector(modules);
        Map<String, CurvatureEstimatorFactory> curvature = injector.getInstance(
                Key.get(new TypeLiteral<Map<String, CurvatureEstimatorFactory>>() { }));
        Map<String, StepSizeRuleFactory> steps = injector.getInstance(Key.get(new TypeLiteral<Map<String, StepSizeRuleFactory>>() { }));
        assertThat(curvature).containsOnlyKeys("kfac", "ekfac", "diagonal", "explicit", "identity");
        assertThat(steps).containsOnlyKeys("trust-region", "fixed", "rmsprop", "adam", "adaptive-kl");
        curvature.forEach((name, factory) -> assertThat(factory.create().name()).isEqualTo(name));
        steps.forEach((name, factory) -> assertThat(factory.create().name()).isEqualTo(name));
    }

    @Test
    void referenceDefaultsAreTheDocumentedOnes() {
        assertThat(KfacSettings.from(REFERENCE)).isEqualTo(new KfacSettings(0.01, DampingForm.EIGEN, 0.99, 10, 10, 0));
        assertThat(TrustRegionSettings.from(REFERENCE)).isEqualTo(new TrustRegionSettings(0.25, 0.001, 0.9, io.acktr.curvature.step.TrustRegionScope.PER_GROUP, false, false));
        assertThat(FixedStepSettings.from(REFERENCE)).isEqualTo(new FixedStepSettings(0.01, 0));
        assertThat(RmsPropSettings.from(REFERENCE)).isEqualTo(new RmsPropSettings(7e-4, 0.99, 1e-5, 0.5));
        assertThat(AdaptiveKlSettings.from(REFERENCE)).isEqualTo(new AdaptiveKlSettings(0.01, 0.002, 1e-6, 1.0));
        assertThat(AdamSettings.from(REFERENCE)).isEqualTo(new AdamSettings(7e-4, 0.9, 0.999, 1e-8, 0.5));
        assertThat(EkfacSettings.from(REFERENCE)).isEqualTo(new EkfacSettings(0.01, 0.99, 10, 10));
        assertThat(ExplicitFisherSettings.from(REFERENCE)).isEqualTo(new ExplicitFisherSettings(0.01, 2000));
        assertThat(DiagonalSettings.from(REFERENCE)).isEqualTo(new DiagonalSettings(0.01, 0.99));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("""
                acktr.curvature.kfac { damping = 0.2, damping-form = factored-tikhonov, stats-decay = 0.5,
                  inverse-interval = 3, warmup-updates = 0, eigenvalue-floor = 1e-6 }
                acktr.step-size.trust-region { max-step-size = 1.5, kl-radius = 0.01, momentum = 0, scope = joint,
                  kl-feedback = true, schedule = linear }
                acktr.step-size.fixed { learning-rate = 0.5, momentum = 0.25 }
                acktr.step-size.rmsprop { learning-rate = 0.1, decay = 0.5, epsilon = 0.001, max-gradient-norm = 2 }
                acktr.step-size.adam { learning-rate = 0.2, beta1 = 0.5, beta2 = 0.75, epsilon = 0.01, max-gradient-norm = 3 }
                acktr.curvature.diagonal { damping = 0.3, stats-decay = 0.25 }
                """).withFallback(REFERENCE);
        assertThat(KfacSettings.from(c)).isEqualTo(new KfacSettings(0.2, DampingForm.FACTORED_TIKHONOV, 0.5, 3, 0, 1e-6));
        assertThat(TrustRegionSettings.from(c)).isEqualTo(
                new TrustRegionSettings(1.5, 0.01, 0, io.acktr.curvature.step.TrustRegionScope.JOINT, true, true));
        assertThat(FixedStepSettings.from(c)).isEqualTo(new FixedStepSettings(0.5, 0.25));
        assertThat(RmsPropSettings.from(c)).isEqualTo(new RmsPropSettings(0.1, 0.5, 0.001, 2));
        assertThat(AdamSettings.from(c)).isEqualTo(new AdamSettings(0.2, 0.5, 0.75, 0.01, 3));
        assertThat(DiagonalSettings.from(c)).isEqualTo(new DiagonalSettings(0.3, 0.25));
    }

    @Test
    void invalidValuesNameThePathTheValueAndTheRule() {
        Config negative = ConfigFactory.parseString("acktr.curvature.kfac.damping = -1").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(negative)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.curvature.kfac.damping").hasMessageContaining("-1").hasMessageContaining("> 0");
        Config form = ConfigFactory.parseString("acktr.curvature.kfac.damping-form = magic").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(form))
                .hasMessageContaining("acktr.curvature.kfac.damping-form").hasMessageContaining("eigen, factored-tikhonov");
        Config momentum = ConfigFactory.parseString("acktr.step-size.trust-region.momentum = 1").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(momentum)).hasMessageContaining("acktr.step-size.trust-region.momentum");
        Config schedule = ConfigFactory.parseString("acktr.step-size.trust-region.schedule = cosine").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(schedule))
                .hasMessageContaining("acktr.step-size.trust-region.schedule").hasMessageContaining("constant, linear");
    }
}
