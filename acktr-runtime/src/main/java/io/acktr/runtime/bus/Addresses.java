package io.acktr.runtime.bus;

/**
 * The event-bus addresses of a run; {@code runId} is the name of the run directory, so two runs
 * on one bus never share an address.
 *
 * <ul>
 *   <li>{@link #metrics}: published by the learner, in order: an {@link EpisodeEnded} per finished
 *       episode, then the update's {@link io.acktr.api.training.UpdateMetrics}; {@link RunEnded}
 *       last. Anyone may subscribe.</li>
 *   <li>{@link #listenersDone}: the run's own listeners ({@link ListenerSubscriber}) tell the
 *       learner there that they handled an update, so it never runs ahead of its checkpoints.</li>
 *   <li>{@link #rolloutWorker}: request {@link ParameterSnapshot}, reply {@link RolloutPart}.</li>
 * </ul>
 */
public final class Addresses {
    private Addresses() {
    }

    /** {@code acktr.metrics.<run-id>}. */
    public static String metrics(String runId) {
        return "acktr.metrics." + runId;
    }

    /** {@code acktr.learner.<run-id>.listeners-done}. */
    public static String listenersDone(String runId) {
        return "acktr.learner." + runId + ".listeners-done";
    }

    /** {@code acktr.rollout.<run-id>.worker.<index>}. */
    public static String rolloutWorker(String runId, int worker) {
        return "acktr.rollout." + runId + ".worker." + worker;
    }

    /** {@code acktr.rollout.<run-id>.worker.<index>.state}: asks a rollout worker, between two rollouts, for its slice's state. */
    public static String rolloutWorkerState(String runId, int worker) {
        return rolloutWorker(runId, worker) + ".state";
    }
}
