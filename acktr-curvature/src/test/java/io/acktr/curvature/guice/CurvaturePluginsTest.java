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
import io.acktr.api.curvature.FisherTargets;
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
        assertThat(curvature).containsOnlyKeys("kfac", "ekfac", "diagonal", "cg-fisher", "explicit", "identity");
        assertThat(steps).containsOnlyKeys("trust-region", "line-search", "fixed", "rmsprop", "adam", "adaptive-kl");
        curvature.forEach((name, factory) -> assertThat(factory.create().name()).isEqualTo(name));
        steps.forEach((name, factory) -> assertThat(factory.create().name()).isEqualTo(name));
    }

    @Test
    void referenceDefaultsAreTheDocumentedOnes() {
        assertThat(KfacSettings.from(REFERENCE)).isEqualTo(new KfacSettings(0.01, DampingForm.EIGEN, 0.99, 10, 1, 10, 1e-6,
                false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(false, 0.95, 1e-5, 10)));
        assertThat(TrustRegionSettings.from(REFERENCE)).isEqualTo(new TrustRegionSettings(0.25, 0.001, 0.9, io.acktr.curvature.step.TrustRegionScope.PER_GROUP, false, false));
        assertThat(FixedStepSettings.from(REFERENCE)).isEqualTo(new FixedStepSettings(0.01, 0));
        assertThat(RmsPropSettings.from(REFERENCE)).isEqualTo(new RmsPropSettings(7e-4, 0.99, 1e-5, 0.5));
        assertThat(AdaptiveKlSettings.from(REFERENCE)).isEqualTo(new AdaptiveKlSettings(0.01, 0.002, 1e-6, 1.0));
        assertThat(AdamSettings.from(REFERENCE)).isEqualTo(new AdamSettings(7e-4, 0.9, 0.999, 1e-8, 0.5));
        assertThat(EkfacSettings.from(REFERENCE)).isEqualTo(new EkfacSettings(0.01, 0.99, 10, 10, 1e-6, false,
                FisherTargets.SAMPLED, new LevenbergMarquardtSettings(false, 0.95, 1e-5, 10)));
        assertThat(ConjugateGradientSettings.from(REFERENCE)).isEqualTo(new ConjugateGradientSettings(0.01, 10, 1e-10));
        assertThat(LineSearchSettings.from(REFERENCE)).isEqualTo(new LineSearchSettings(0.01, 0.5, 10, 0.1));
        assertThat(ExplicitFisherSettings.from(REFERENCE)).isEqualTo(new ExplicitFisherSettings(0.01, 2000));
        assertThat(DiagonalSettings.from(REFERENCE)).isEqualTo(new DiagonalSettings(0.01, 0.99));
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
                acktr.curvature.cg-fisher { damping = 0.001, max-iterations = 25, tolerance = 1e-6 }
                acktr.step-size.line-search { kl-radius = 0.02, shrink-factor = 0.8, max-backtracks = 4, accept-ratio = 0 }
                acktr.step-size.trust-region { max-step-size = 1.5, kl-radius = 0.01, momentum = 0, scope = joint,
                  kl-feedback = true, schedule = linear }
                acktr.step-size.fixed { learning-rate = 0.5, momentum = 0.25 }
                acktr.step-size.rmsprop { learning-rate = 0.1, decay = 0.5, epsilon = 0.001, max-gradient-norm = 2 }
                acktr.step-size.adam { learning-rate = 0.2, beta1 = 0.5, beta2 = 0.75, epsilon = 0.01, max-gradient-norm = 3 }
                acktr.curvature.diagonal { damping = 0.3, stats-decay = 0.25 }
                """).withFallback(REFERENCE);
        assertThat(KfacSettings.from(c)).isEqualTo(new KfacSettings(0.2, DampingForm.FACTORED_TIKHONOV, 0.5, 3, 7, 0, 1e-3,
                true, FisherTargets.EMPIRICAL, new LevenbergMarquardtSettings(true, 0.5, 0.001, 2)));
        assertThat(EkfacSettings.from(c)).isEqualTo(new EkfacSettings(0.3, 0.5, 4, 1, 0, true, FisherTargets.EMPIRICAL,
                new LevenbergMarquardtSettings(true, 0.25, 0.01, 3)));
        assertThat(ConjugateGradientSettings.from(c)).isEqualTo(new ConjugateGradientSettings(0.001, 25, 1e-6));
        assertThat(LineSearchSettings.from(c)).isEqualTo(new LineSearchSettings(0.02, 0.8, 4, 0));
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
        Config interval = ConfigFactory.parseString("acktr.curvature.kfac.statistics-interval = 0").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(interval))
                .hasMessageContaining("acktr.curvature.kfac.statistics-interval").hasMessageContaining(">= 1");
        Config momentum = ConfigFactory.parseString("acktr.step-size.trust-region.momentum = 1").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(momentum)).hasMessageContaining("acktr.step-size.trust-region.momentum");
        Config schedule = ConfigFactory.parseString("acktr.step-size.trust-region.schedule = cosine").withFallback(REFERENCE);
        assertThatThrownBy(() -> TrustRegionSettings.from(schedule))
                .hasMessageContaining("acktr.step-size.trust-region.schedule").hasMessageContaining("constant, linear");
        Config fisher = ConfigFactory.parseString("acktr.curvature.kfac.fisher = guessed").withFallback(REFERENCE);
        assertThatThrownBy(() -> KfacSettings.from(fisher))
                .hasMessageContaining("acktr.curvature.kfac.fisher").hasMessageContaining("sampled, empirical");
        Config lm = ConfigFactory.parseString("acktr.curvature.ekfac.levenberg-marquardt { min-damping = 1, max-damping = 0.5 }")
                .withFallback(REFERENCE);
        assertThatThrownBy(() -> EkfacSettings.from(lm))
                .hasMessageContaining("acktr.curvature.ekfac.levenberg-marquardt.max-damping").hasMessageContaining(">= ");
    }
}
