package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.StartedRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a coordinator tells of its cluster's suite, put on a board: its nodes, lost ones included;
 * and each run once, by its suite id, whatever its attempt: a new attempt moves the run to its node
 * and its curve back to the rows it resumes after. A run's configuration is shown from what the
 * coordinator sent until its folder has its {@code config.conf}. Reports of a run it was not told
 * of are dropped.
 */
final class ClusterRuns implements ClusterObserver {
    private final RunBoard board;
    private final Map<String, BoardRun> runs = new ConcurrentHashMap<>();

    ClusterRuns(RunBoard board) {
        this.board = requireNonNull(board, "board is null");
    }

    @Override
    public void nodeChanged(NodeStatus node) {
        board.putNode(node);
    }

    @Override
    public void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore) {
        List<double[]> rows = rowsBefore.stream().map(ProgressRows::of).toList();
        BoardRun known = runs.get(run.runId());
        if (known == null && attempt == 1 && rows.isEmpty()) {
            BoardRun added = board.add(run.name(), run.group(), run.environmentId(), run.seed(), run.totalSteps(),
                    run.node(), run.directory(), BoardRun.State.RUNNING, configuration);
            runs.put(run.runId(), added);
            return;
        }
        if (known == null) {
            known = board.add(run.name(), run.group(), run.environmentId(), run.seed(), run.totalSteps(), run.node(),
                    run.directory(), BoardRun.State.QUEUED, configuration);
            runs.put(run.runId(), known);
        }
        board.restart(known, run.node(), attempt, rows);
    }

    @Override
    public void rowsArrived(String runId, List<UpdateMetrics> rows) {
        BoardRun run = runs.get(runId);
        if (run != null) {
            rows.forEach(row -> board.addRow(run, ProgressRows.of(row)));
        }
    }

    @Override
    public void runQueued(String runId) {
        BoardRun run = runs.get(runId);
        if (run != null) {
            board.queue(run);
        }
    }

    @Override
    public void runEnded(String runId, boolean failed) {
        BoardRun run = runs.get(runId);
        if (run != null) {
            board.end(run, failed);
        }
    }
}
