package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bus.NodeStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runs a dashboard shows, in the order they came, each under an id of the board's own
 * ({@code r1}, {@code r2}...): URLs never carry a path; and the nodes of a cluster, when it watches
 * one, by their ids. Tells its listeners (the event stream) of every new run, row, end and node
 * change, on the thread that brought it. Thread-safe.
 */
final class RunBoard {
    /** Hears what changes on the board; must return at once. */
    interface Listener {
        void runChanged(BoardRun run);

        void rowAdded(BoardRun run, double[] row);

        void nodeChanged(NodeStatus node);
    }

    private final int maxRowsPerRun;
    private final Map<String, BoardRun> runs = new LinkedHashMap<>();
    private final Map<String, NodeStatus> nodes = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    RunBoard(int maxRowsPerRun) {
        this.maxRowsPerRun = maxRowsPerRun;
    }

    void listen(Listener listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** A new run, with the next id. */
    BoardRun add(String name, String group, String environmentId, long seed, long totalSteps, String node, Path directory,
                 BoardRun.State state) {
        return add(name, group, environmentId, seed, totalSteps, node, directory, state, null);
    }

    /** A new run, with the next id, whose {@code config.conf} is {@code configuration} until its folder has one (may be null). */
    BoardRun add(String name, String group, String environmentId, long seed, long totalSteps, String node, Path directory,
                 BoardRun.State state, String configuration) {
        BoardRun run;
        synchronized (runs) {
            run = new BoardRun("r" + (runs.size() + 1), name, group, environmentId, seed, totalSteps, node, directory, state,
                    maxRowsPerRun, configuration);
            runs.put(run.id(), run);
        }
        listeners.forEach(l -> l.runChanged(run));
        return run;
    }

    void addRow(BoardRun run, double[] row) {
        run.add(row);
        listeners.forEach(l -> l.rowAdded(run, row));
    }

    void end(BoardRun run, boolean failed) {
        run.end(failed);
        listeners.forEach(l -> l.runChanged(run));
    }

    /** A new attempt of {@code run} starts on {@code node} after {@code rowsBefore}. */
    void restart(BoardRun run, String node, int attempt, List<double[]> rowsBefore) {
        run.restart(node, attempt, rowsBefore);
        listeners.forEach(l -> l.runChanged(run));
    }

    void queue(BoardRun run) {
        run.queue();
        listeners.forEach(l -> l.runChanged(run));
    }

    /** Puts the node on the board, or replaces what it said of it; tells the listeners when that changed anything. */
    void putNode(NodeStatus node) {
        synchronized (nodes) {
            if (node.equals(nodes.put(node.nodeId(), node))) {
                return;
            }
        }
        listeners.forEach(l -> l.nodeChanged(node));
    }

    /** The nodes, in the order they first came. */
    List<NodeStatus> nodes() {
        synchronized (nodes) {
            return new ArrayList<>(nodes.values());
        }
    }

    List<BoardRun> runs() {
        synchronized (runs) {
            return new ArrayList<>(runs.values());
        }
    }

    Optional<BoardRun> run(String id) {
        synchronized (runs) {
            return Optional.ofNullable(runs.get(id));
        }
    }

    int maxRowsPerRun() {
        return maxRowsPerRun;
    }
}
