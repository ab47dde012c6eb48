package io.acktr.runtime.cluster;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.suite.PlannedRun;
import java.util.ArrayList;
import java.util.List;

/**
 * One hand-out of a run: its place in the suite, its attempt number, where it trains, the rows
 * it sent (after those of the checkpoint it resumes from, if any) and its latest checkpoint.
 */
final class RunAttempt {
    final int index;
    final PlannedRun run;
    final int number;
    /** The checkpoint this attempt resumes from; null for one from scratch. */
    final RunCheckpoint resumeFrom;
    String nodeId;
    final List<UpdateMetrics> rows;
    boolean rowsBroken;
    RunCheckpoint latest;

    RunAttempt(int index, PlannedRun run, int number) {
        this(index, run, number, null, List.of());
    }

    RunAttempt(int index, PlannedRun run, int number, RunCheckpoint resumeFrom, List<UpdateMetrics> rowsBefore) {
        this.index = index;
        this.run = run;
        this.number = number;
        this.resumeFrom = resumeFrom;
        this.rows = new ArrayList<>(rowsBefore);
        this.latest = resumeFrom;
    }

    /** The next attempt of this run: from this one's latest checkpoint, or from scratch. */
    RunAttempt next(int number, boolean fromCheckpoint) {
        RunCheckpoint from = fromCheckpoint && !rowsBroken ? latest : resumeFrom;
        return from == null ? new RunAttempt(index, run, number)
                : new RunAttempt(index, run, number, from, rows.subList(0, Math.toIntExact(from.updates())));
    }
}
