package io.acktr.api.env;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * The service-provider interface through which environments are found. Implementations are
 * listed in {@code META-INF/services/io.acktr.api.env.EnvironmentProvider} of their jar and
 * loaded with {@link java.util.ServiceLoader}; they need a public no-argument constructor and must
 * do no work in it.
 */
@ExtensionPoint
public interface EnvironmentProvider {
    /** The Gymnasium id, e.g. {@code CartPole-v1}; unique across all providers. */
    String id();

    /** One line for {@code acktr envs}. */
    default String description() {
        return "";
    }

    /** A new, independent environment, wrapped as the reference registers it (e.g. with its time limit). */
    Environment create();
}
