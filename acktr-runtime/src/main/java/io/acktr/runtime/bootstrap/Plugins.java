package io.acktr.runtime.bootstrap;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.typesafe.config.ConfigException;

/** Obtains the plugin registry, surfacing a plugin's settings error as the configuration error it is. */
public final class Plugins {
    private Plugins() {
    }

    public static PluginRegistry registry(Injector injector) {
        try {
            return injector.getInstance(PluginRegistry.class);
        } catch (ProvisionException | ConfigurationException e) {
            Throwable cause = e;
            while (cause != null) {
                if (cause instanceof ConfigException config) {
                    throw config;
                }
                cause = cause.getCause();
            }
            throw e;
        }
    }
}
