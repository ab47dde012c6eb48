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
 *   <li>{@link #rolloutWorker}: request {@link ParameterSnapshot}, reply {@link RolloutPart}; a
 *       worker on another node of a cluster listens on the address of its generation (a worker
 *       re-created after its node was lost gets a new one, so no request reaches the lost one).</li>
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

    /** {@code acktr.rollout.<run-id>.worker.<index>.state}: asks a local rollout worker, between two rollouts, for its slice's state. */
    public static String rolloutWorkerState(String runId, int worker) {
        return workerState(rolloutWorker(runId, worker));
    }

    /** {@code <address>.state}: where the rollout worker at {@code address} answers with its slice's state. */
    public static String workerState(String address) {
        return address + ".state";
    }

    /** {@code acktr.rollout.<run-id>.worker.<index>.g<generation>}: a worker hosted by a node of a cluster. */
    public static String rolloutWorker(String runId, int worker, int generation) {
        return rolloutWorker(runId, worker) + ".g" + generation;
    }
}
