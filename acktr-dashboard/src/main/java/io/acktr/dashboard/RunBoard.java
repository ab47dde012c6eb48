package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runs a dashboard shows, in the order they came, each under an id of the board's own
 * ({@code r1}, {@code r2}...): URLs never carry a path. Tells its listeners (the event stream) of
 * every new run, row and end, on the thread that brought it. Thread-safe.
 */
final class RunBoard {
    /** Hears what changes on the board; must return at once. */
    interface Listener {
        void runChanged(BoardRun run);

        void rowAdded(BoardRun run, double[] row);
    }

    private final int maxRowsPerRun;
    private final Map<String, BoardRun> runs = new LinkedHashMap<>();
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
        BoardRun run;
        synchronized (runs) {
            run = new BoardRun("r" + (runs.size() + 1), name, group, environmentId, seed, totalSteps, node, directory, state,
                    maxRowsPerRun);
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
