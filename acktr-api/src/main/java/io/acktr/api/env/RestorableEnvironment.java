package io.acktr.api.env;

import io.acktr.api.plugin.ExtensionPoint;
import io.acktr.api.state.Stateful;

/**
 * An environment that can save its state mid-episode (its simulation, its random generators, its
 * step counters) and return to it, so that a resumed run continues its episodes as the
 * uninterrupted run would have, bit for bit. {@link #saveState()} is asked between two steps,
 * after {@link #reset(long)}; {@link #restoreState} is given to a new environment of the same id
 * instead of its first reset. An environment that cannot do this starts a fresh episode when its
 * run resumes.
 */
@ExtensionPoint
public interface RestorableEnvironment extends Environment, Stateful {
}
