package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;
import io.acktr.api.env.Space;

/** Builds a policy for the given spaces; registered by {@link #name()}. */
@ExtensionPoint
public interface PolicyFactory {
    String name();

    /** A freshly initialised policy; {@code seed} fixes the initial weights. */
    Policy create(Space observationSpace, Space actionSpace, long seed);
}
