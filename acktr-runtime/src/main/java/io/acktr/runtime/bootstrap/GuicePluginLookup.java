package io.acktr.runtime.bootstrap;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.training.TrainingListener;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import java.util.List;
import java.util.Set;

/** A {@link PluginLookup} over the plugin modules ServiceLoader finds: one injector per run. */
public final class GuicePluginLookup implements PluginLookup {
    private final ClassLoader classLoader;

    public GuicePluginLookup(ClassLoader classLoader) {
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    @Override
    public RunPlugins forRun(Config config) {
        Injector injector = AcktrInjector.create(config, AcktrInjector.discoverModules(classLoader));
        PluginRegistry registry = Plugins.registry(injector);
        return new RunPlugins() {
            @Override
            public PolicyFactory policy() {
                return registry.policy(config);
            }

            @Override
            public CurvatureEstimatorFactory curvatureEstimator() {
                return registry.curvatureEstimator(config);
            }

            @Override
            public StepSizeRuleFactory stepSizeRule() {
                return registry.stepSizeRule(config);
            }

            @Override
            public List<TrainingListener> trainingListeners() {
                return List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { })));
            }
        };
    }
}
