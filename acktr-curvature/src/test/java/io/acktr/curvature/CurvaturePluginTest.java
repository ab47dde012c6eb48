package io.acktr.curvature;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.step.StepSizeRuleFactory;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CurvaturePluginTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference();

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(AcktrPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(CurvaturePlugin.class);
    }

    @Test
    void everyEstimatorIsRegisteredByTheNameItReports() {
        assertThat(new CurvaturePlugin().curvatureEstimators()).extracting(Registration::name)
                .containsExactly("kfac", "ekfac", "diagonal", "cg-fisher", "explicit", "identity");
        for (Registration<CurvatureEstimatorFactory> registration : new CurvaturePlugin().curvatureEstimators()) {
            CurvatureEstimatorFactory factory = registration.configure(REFERENCE);
            assertThat(factory.name()).isEqualTo(registration.name());
            assertThat(factory.create().name()).isEqualTo(registration.name());
        }
    }

    @Test
    void everyStepRuleIsRegisteredByTheNameItReports() {
        assertThat(new CurvaturePlugin().stepSizeRules()).extracting(Registration::name)
                .containsExactly("trust-region", "line-search", "fixed", "rmsprop", "adaptive-kl", "adam");
        for (Registration<StepSizeRuleFactory> registration : new CurvaturePlugin().stepSizeRules()) {
            StepSizeRuleFactory factory = registration.configure(REFERENCE);
            assertThat(factory.name()).isEqualTo(registration.name());
            assertThat(factory.create().name()).isEqualTo(registration.name());
        }
    }

    @Test
    void eachRunGetsAFreshInstance() {
        for (Registration<CurvatureEstimatorFactory> registration : new CurvaturePlugin().curvatureEstimators()) {
            CurvatureEstimatorFactory factory = registration.configure(REFERENCE);
            assertThat(factory.create()).isNotSameAs(factory.create());
        }
        for (Registration<StepSizeRuleFactory> registration : new CurvaturePlugin().stepSizeRules()) {
            StepSizeRuleFactory factory = registration.configure(REFERENCE);
            assertThat(factory.create()).isNotSameAs(factory.create());
        }
    }
}
