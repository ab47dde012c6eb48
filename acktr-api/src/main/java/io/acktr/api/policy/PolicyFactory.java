package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import com.typesafe.config.Config;
import io.acktr.api.env.Space;
import io.acktr.api.plugin.Registration;
import java.util.function.Function;

/**
 * Builds a policy for the given spaces, from settings read once at start-up. Plugins register one
 * with {@link #of(String, Function, Constructor)}.
 */
@ExtensionPoint
public interface PolicyFactory {
    /** The value of {@code acktr.policy.type} that selects this policy. */
    String name();

    /** A freshly initialised policy; {@code seed} fixes the initial weights. */
    Policy create(Space observationSpace, Space actionSpace, long seed);

    /**
     * Registers {@code constructor} under {@code name}: at start-up {@code settings} (a settings
     * record's {@code from(Config)}) reads the policy's settings, and each {@link #create} calls
     * {@code constructor} with them.
     */
    static <S> Registration<PolicyFactory> of(String name, Function<Config, ? extends S> settings,
                                              Constructor<? super S> constructor) {
        return Registration.of(name, settings, read -> new PolicyFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Policy create(Space observationSpace, Space actionSpace, long seed) {
                return constructor.create(read, observationSpace, actionSpace, seed);
            }
        });
    }

    /** Builds a policy from its settings, the spaces and a seed. */
    @FunctionalInterface
    interface Constructor<S> {
        Policy create(S settings, Space observationSpace, Space actionSpace, long seed);
    }
}
