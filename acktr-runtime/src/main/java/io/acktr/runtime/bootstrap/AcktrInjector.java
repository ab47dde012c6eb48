package io.acktr.runtime.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.training.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Builds the Guice injector from the configuration and every plugin module found by ServiceLoader. */
public final class AcktrInjector {
    private AcktrInjector() {
    }

    /** The plugin modules listed in {@code META-INF/services/com.google.inject.Module} on the class path. */
    public static List<Module> discoverModules(ClassLoader classLoader) {
        List<Module> modules = new ArrayList<>();
        for (Module module : ServiceLoader.load(Module.class, classLoader)) {
            modules.add(module);
        }
        return modules;
    }

    public static Injector create(Config config, List<Module> pluginModules) {
        List<Module> modules = new ArrayList<>(pluginModules);
        modules.add(new CoreModule(config));
        return Guice.createInjector(modules);
    }

    /**
     * Binds the configuration and declares the plugin registries and the set of training listeners
     * (plugins add to it with {@code Multibinder.newSetBinder(binder(), TrainingListener.class)}),
     * so that an empty one is still injectable.
     */
    private static final class CoreModule extends AbstractModule {
        private final Config config;

        CoreModule(Config config) {
            this.config = config;
        }

        @Override
        protected void configure() {
            bind(Config.class).toInstance(config);
            MapBinder.newMapBinder(binder(), String.class, CurvatureEstimatorFactory.class);
            MapBinder.newMapBinder(binder(), String.class, StepSizeRuleFactory.class);
            MapBinder.newMapBinder(binder(), String.class, PolicyFactory.class);
            Multibinder.newSetBinder(binder(), TrainingListener.class);
        }
    }
}
