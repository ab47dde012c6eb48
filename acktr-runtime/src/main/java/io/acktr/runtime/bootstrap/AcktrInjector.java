package io.acktr.runtime.bootstrap;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;
import io.acktr.api.training.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Guice injector of a run from the configuration and the {@link io.acktr.api.AcktrPlugin}s
 * that ServiceLoader finds. The injector provides the {@link Config}, the {@link PluginRegistry}
 * and the set of {@link TrainingListener}s the plugins contribute.
 */
public final class AcktrInjector {
    private AcktrInjector() {
    }

    /**
     * The module that registers every {@link io.acktr.api.AcktrPlugin} visible to
     * {@code classLoader}; a plugin that fails to load is skipped with a warning (see {@link PluginDiscovery}).
     */
    public static List<Module> discoverModules(ClassLoader classLoader) {
        return List.of(new DiscoveredPluginsModule(PluginDiscovery.load(classLoader)));
    }

    public static Injector create(Config config, List<Module> pluginModules) {
        List<Module> modules = new ArrayList<>(pluginModules);
        modules.add(new CoreModule(config));
        return Guice.createInjector(modules);
    }

    /** Binds the configuration and declares the set of training listeners, so that an empty one is still injectable. */
    private static final class CoreModule extends AbstractModule {
        private final Config config;

        CoreModule(Config config) {
            this.config = requireNonNull(config, "config is null");
        }

        @Override
        protected void configure() {
            bind(Config.class).toInstance(config);
            Multibinder.newSetBinder(binder(), TrainingListener.class);
        }
    }

    /** Binds what the discovered plugins contribute: their registrations, read into the registry, and their listeners. */
    private static final class DiscoveredPluginsModule extends AbstractModule {
        private final PluginDiscovery discovery;

        DiscoveredPluginsModule(PluginDiscovery discovery) {
            this.discovery = discovery;
        }

        @Override
        protected void configure() {
            bind(PluginDiscovery.class).toInstance(discovery);
            bind(PluginRegistry.class).in(Singleton.class);
            Multibinder<TrainingListener> listeners = Multibinder.newSetBinder(binder(), TrainingListener.class);
            discovery.trainingListeners().forEach(listener -> listeners.addBinding().toInstance(listener));
        }
    }
}
