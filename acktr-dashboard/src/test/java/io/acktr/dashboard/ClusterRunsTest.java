package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.StartedRun;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A coordinator's reports, as the board keeps them: a lost node stays, lost; a re-dispatched run is one run. */
class ClusterRunsTest {
    static final String RUN = "cartpole/kfac/seed-1";
    private static final String CONFIGURATION = "# resolved configuration of this run\nacktr { seed = 1 }\n";

    private final RunBoard board = new RunBoard(4000);
    private final ClusterRuns cluster = new ClusterRuns(board);

    @Test
    void aRunReDispatchedAfterItsNodeIsLostIsOneRunOnItsNewNodeResumingAfterTheCheckpointsRows() {
        cluster.nodeChanged(new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), false));
        cluster.nodeChanged(new NodeStatus("b", "10.0.0.2", 1, 0, List.of(), false));
        cluster.attemptStarted(started("a"), 1, CONFIGURATION, List.of());
        cluster.nodeChanged(new NodeStatus("a", "10.0.0.1", 2, 1, List.of(RUN), false));
        cluster.rowsArrived(RUN, rows(1, 5));

        BoardRun run = board.runs().get(0);
        assertThat(run.state()).isEqualTo(BoardRun.State.RUNNING);
        assertThat(run.rows()).hasSize(5);

        cluster.nodeChanged(new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), true));
        cluster.runQueued(RUN);

        assertThat(run.state()).isEqualTo(BoardRun.State.QUEUED);

        cluster.attemptStarted(started("b"), 2, CONFIGURATION, rows(1, 4)); // the checkpoint of update 4
        cluster.rowsArrived(RUN, rows(5, 6));
        cluster.runEnded(RUN, false);

        assertThat(board.runs()).singleElement().isSameAs(run);
        JsonObject summary = DashboardVerticle.summary(run);
        assertThat(summary.getString("name")).isEqualTo(RUN);
        assertThat(summary.getString("group")).isEqualTo("kfac");
        assertThat(summary.getString("node")).isEqualTo("b");
        assertThat(summary.getInteger("attempt")).isEqualTo(2);
        assertThat(summary.getString("state")).isEqualTo("finished");
        assertThat(run.rows()).extracting(row -> (long) row[ProgressRows.UPDATES]).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(run.configuration()).contains(CONFIGURATION);
        assertThat(board.nodes()).extracting(DashboardVerticle::node).extracting(JsonObject::encode).containsExactly(
                "{\"id\":\"a\",\"host\":\"10.0.0.1\",\"slots\":2,\"busy\":0,\"runs\":[],\"lost\":true}",
                "{\"id\":\"b\",\"host\":\"10.0.0.2\",\"slots\":1,\"busy\":0,\"runs\":[],\"lost\":false}");
    }

    @Test
    void theBoardTellsOfANodeOnlyWhenItChangesAndDropsReportsOfRunsItWasNotToldOf() {
        List<String> told = new java.util.ArrayList<>();
        board.listen(new RunBoard.Listener() {
            @Override
            public void runChanged(BoardRun run) {
                told.add("run " + run.name() + " " + run.state());
            }

            @Override
            public void rowAdded(BoardRun run, double[] row) {
                told.add("row");
            }

            @Override
            public void nodeChanged(NodeStatus node) {
                told.add("node " + node.nodeId() + " busy " + node.busy());
            }
        });
        NodeStatus idle = new NodeStatus("a", "10.0.0.1", 2, 0, List.of(), false);
        cluster.nodeChanged(idle);
        cluster.nodeChanged(idle);
        cluster.rowsArrived(RUN, rows(1, 2));
        cluster.runQueued(RUN);
        cluster.runEnded(RUN, true);
        cluster.nodeChanged(new NodeStatus("a", "10.0.0.1", 2, 1, List.of(RUN), false));

        assertThat(told).containsExactly("node a busy 0", "node a busy 1");
        assertThat(board.runs()).isEmpty();
    }

    static StartedRun started(String node) {
        return new StartedRun(RUN, RUN, Path.of("out/runs/cartpole/kfac/seed-1"), "CartPole-v1", "kfac", 1, 1600, node);
    }

    /** Rows of updates {@code first..last}, 160 env steps each. */
    static List<UpdateMetrics> rows(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(u -> new UpdateMetrics(160 * u, u, u, 10.0 + u, 0.6, 1, 0, 1e-3,
                1e-3, 0.25, 800, 0, 1 << 20)).toList();
    }
}
