package io.acktr.runtime.learner;

import io.acktr.runtime.bus.ParameterSnapshot;
import io.acktr.runtime.bus.RolloutPart;
import io.acktr.api.state.SavedState;
import java.util.List;

/**
 * The rollout workers of a run as the learner sees them: hand them the parameters, get back every
 * worker's part of the batch in worker order. Where the workers live (verticles of the run's own
 * Vert.x, or on other nodes of a cluster) is the business of the implementation, and so is what
 * happens when one of them is lost.
 */
public interface RolloutWorkers extends AutoCloseable {
    /** The number of workers, and of parts {@link #collect} returns. */
    int count();

    /**
     * Every worker's rollout with these parameters, in worker order; waits for all of them.
     *
     * @throws RolloutFailedException when a worker's environments failed, or no worker can be reached
     */
    List<RolloutPart> collect(ParameterSnapshot snapshot);

    /**
     * Every worker's slice state between two rollouts, merged by environment index
     * ({@link io.acktr.runtime.worker.RolloutCollector#saveState()}), for a checkpoint a run can
     * resume from. The default has none: a resumed run's environments then start new episodes.
     */
    default SavedState state() {
        return SavedState.empty();
    }

    /** Lets the workers go; the learner no longer asks them. */
    @Override
    void close();
}
