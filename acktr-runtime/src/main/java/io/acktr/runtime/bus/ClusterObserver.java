package io.acktr.runtime.bus;

import io.acktr.api.training.UpdateMetrics;
import java.util.List;

/**
 * Watches a suite that a coordinator runs on the nodes of a cluster (the dashboard): the nodes,
 * and each run of the suite as its attempts start on them, its progress rows arrive and it ends.
 * The coordinator calls it on its own thread, in the order things happen there; it must return at
 * once, since the coordinator never waits for it. A passive member's watch on the nodes'
 * heartbeats ({@code NodeWatch}) tells it only of the nodes. Runs are named by their suite id,
 * {@code <task>/<variant>/seed-<n>}, whatever the attempt.
 *
 * <pre>{@code
 * nodeChanged(a)                           node a joined (and at each change of its slots, busy slots or runs)
 * attemptStarted(run on a, 1, conf, [])    run handed to a, from scratch
 * rowsArrived(run, rows)...                its rows, as they come
 * nodeChanged(a, lost)  runQueued(run)     a is lost; the run waits for a free slot
 * attemptStarted(run on b, 2, conf, rows)  it resumes on b after the rows of its last checkpoint
 * rowsArrived(run, rows)... runEnded(run, false)
 * }</pre>
 */
public interface ClusterObserver {
    /** Watches nothing. */
    ClusterObserver NONE = new ClusterObserver() {
        @Override
        public void nodeChanged(NodeStatus node) {
        }

        @Override
        public void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore) {
        }

        @Override
        public void rowsArrived(String runId, List<UpdateMetrics> rows) {
        }

        @Override
        public void runQueued(String runId) {
        }

        @Override
        public void runEnded(String runId, boolean failed) {
        }
    };

    /** A node as it is now: joined, changed, or lost (then for good, unless it joins again). */
    void nodeChanged(NodeStatus node);

    /**
     * Attempt {@code attempt} of {@code run} starts on node {@link StartedRun#node()}; its rows
     * start after {@code rowsBefore}, those up to the checkpoint it resumes from (empty when it
     * starts from scratch). An earlier attempt's rows after them no longer count.
     * {@code configuration} is the run's {@code config.conf}, which its directory gets only once
     * the run has finished.
     */
    void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore);

    /** The next rows of the run's current attempt, in order. */
    void rowsArrived(String runId, List<UpdateMetrics> rows);

    /** The run's attempt is over without an end (its node was lost, or did not take it): it waits for a slot. */
    void runQueued(String runId);

    /** The run ended: normally, or, when {@code failed}, not (the suite stops). */
    void runEnded(String runId, boolean failed);
}
