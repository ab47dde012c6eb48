package io.acktr.api.policy;

import io.acktr.api.plugin.ExtensionPoint;

/**
 * A policy that can also act on plain arrays: the act step of a rollout, once per environment
 * step on a handful of observations, where the per-call cost of a tensor {@link #forward} pass
 * dwarfs a small network's arithmetic. A rollout uses {@link #actor()} when the policy offers it
 * and {@link #forward} otherwise; the two give the same values and action distributions up to the
 * rounding of the parameters' data type.
 *
 * <pre>{@code
 * Actor actor = policy.actor();                    // the parameters as they are now
 * for (int t = 0; t < steps; t++) {
 *     actor.act(observations, rows, streams, actions, values);
 *     ...                                           // step the environments
 * }
 * }</pre>
 */
@ExtensionPoint
public interface ActingPolicy extends Policy {
    /**
     * An actor with a copy of the parameters as they are now: a later update of the policy does not
     * reach it, so take a new one for each rollout. The policy may be used on other threads meanwhile.
     */
    Actor actor();
}
