package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run on the board: what it is, and its rows of progress. A live run keeps the rows it was
 * sent (thinned past {@code maxRows}); a stored run reads its {@code progress.csv} when asked. A
 * run of a cluster's suite trains on a node, in attempts: a new attempt may start on another node,
 * after the rows of the checkpoint it resumes from. Thread-safe: rows arrive on the run's thread
 * (or the coordinator's), and are read on the server's.
 */
final class BoardRun {
    /**
     * How far the run is: running (rows arrive), queued (its attempt ended with its node; it waits
     * for a slot), finished, failed, or stored (read from its folder).
     */
    enum State { RUNNING, QUEUED, FINISHED, FAILED, STORED }

    private final String id;
    private final String name;
    private final String group;
    private final String environmentId;
    private final long seed;
    private final long totalSteps;
    private final Path directory;
    private final int maxRows;
    private final String configuration;
    private final List<double[]> rows = new ArrayList<>();
    private State state;
    private String node;
    private int attempt = 1;

    BoardRun(String id, String name, String group, String environmentId, long seed, long totalSteps, String node,
             Path directory, State state, int maxRows, String configuration) {
        this.id = requireNonNull(id, "id is null");
        this.name = requireNonNull(name, "name is null");
        this.group = requireNonNull(group, "group is null");
        this.environmentId = requireNonNull(environmentId, "environmentId is null");
        this.seed = seed;
        this.totalSteps = totalSteps;
        this.node = requireNonNull(node, "node is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.state = requireNonNull(state, "state is null");
        this.maxRows = maxRows;
        this.configuration = configuration;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String group() {
        return group;
    }

    String environmentId() {
        return environmentId;
    }

    long seed() {
        return seed;
    }

    long totalSteps() {
        return totalSteps;
    }

    synchronized String node() {
        return node;
    }

    /** Which hand-out of the run to a node this is, from 1; always 1 for a run of this process. */
    synchronized int attempt() {
        return attempt;
    }

    Path directory() {
        return directory;
    }

    /** Its {@code config.conf} as it was sent (a run on a node of a cluster), for while its folder has none. */
    Optional<String> configuration() {
        return Optional.ofNullable(configuration);
    }

    synchronized State state() {
        return state;
    }

    synchronized void end(boolean failed) {
        state = failed ? State.FAILED : State.FINISHED;
    }

    /** Its attempt is over without an end: it waits for a slot. */
    synchronized void queue() {
        state = State.QUEUED;
    }

    /** Attempt {@code number} starts on {@code onNode}: its rows so far are {@code rowsBefore}, no others. */
    synchronized void restart(String onNode, int number, List<double[]> rowsBefore) {
        node = requireNonNull(onNode, "onNode is null");
        attempt = number;
        state = State.RUNNING;
        rows.clear();
        rowsBefore.forEach(this::add);
    }

    /** Adds a row; past {@code maxRows}, every second row is dropped first. */
    synchronized void add(double[] row) {
        if (rows.size() >= maxRows) {
            int kept = 0;
            for (int i = 0; i < rows.size(); i += 2) {
                rows.set(kept++, rows.get(i));
            }
            rows.subList(kept, rows.size()).clear();
        }
        rows.add(row);
    }

    /** The latest row, or {@code null} before the first. */
    double[] lastRow() {
        synchronized (this) {
            if (state != State.STORED) {
                return rows.isEmpty() ? null : rows.get(rows.size() - 1);
            }
        }
        List<double[]> stored = rows();
        return stored.isEmpty() ? null : stored.get(stored.size() - 1);
    }

    /** Its rows so far: those kept in memory, or, for a stored run, those of its {@code progress.csv} now. */
    List<double[]> rows() {
        synchronized (this) {
            if (state != State.STORED) {
                return List.copyOf(rows);
            }
        }
        return ProgressRows.read(directory.resolve(io.acktr.runtime.lifecycle.ProgressCsvWriter.FILE_NAME));
    }
}
