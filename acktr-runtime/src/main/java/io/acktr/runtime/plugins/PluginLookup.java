package io.acktr.runtime.plugins;

import com.typesafe.config.Config;

/**
 * Finds and builds the plugins for a run. The sessions, the suite runner and the benchmarks take
 * one, so that they stay below the command line and the plugin discovery that implement it
 * ({@code runtime.bootstrap}).
 */
@FunctionalInterface
public interface PluginLookup {
    /**
     * The plugins of a run with this validated configuration. Builds every plugin's settings, so
     * that a bad value of any plugin, selected or not, fails here as the
     * {@link com.typesafe.config.ConfigException} it is.
     */
    RunPlugins forRun(Config config);
}
