package io.acktr.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.learner.TrainingSummary;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MessageCodecsTest {
    private static final UpdateMetrics ROW = new UpdateMetrics(160, 1, 3, 21.5, 0.69, 0.25, -0.01, Double.NaN, 1e-3, 0.25,
            1234.5, 0, 300L << 20, 0.75, 0.875);

    private static <T> Object overTheWire(MessageCodecs.RecordCodec<T> codec, T message) {
        Buffer buffer = Buffer.buffer();
        buffer.appendString("frame header");
        int start = buffer.length();
        codec.encodeToWire(buffer, message);
        return codec.decodeFromWire(start, buffer);
    }

    @Test
    void everyMessageCrossesTheWireUnchanged() {
        NodeHeartbeat heartbeat = new NodeHeartbeat("10.0.0.5-42-beef", "10.0.0.5", 2, 1,
                List.of("cartpole/kfac/seed-1"));
        assertThat(overTheWire(MessageCodecs.heartbeat(), heartbeat)).isEqualTo(heartbeat);
        SuiteAnnouncement announcement = new SuiteAnnouncement("s-1", "Curvature ablation", "10.0.0.4");
        assertThat(overTheWire(MessageCodecs.announcement(), announcement)).isEqualTo(announcement);
        assertThat(overTheWire(MessageCodecs.reply(), Reply.refused("no free slot"))).isEqualTo(Reply.refused("no free slot"));
        RunAssignment assignment = new RunAssignment("s-1", "cartpole/kfac/seed-1", 2, "{\"acktr\":{\"seed\":1}}", 475);
        assertThat(overTheWire(MessageCodecs.assignment(), assignment)).isEqualTo(assignment);
        RunProgress progress = new RunProgress("s-1", "cartpole/kfac/seed-1", 2, "n", 40, List.of(ROW, ROW));
        assertThat(overTheWire(MessageCodecs.progress(), progress)).isEqualTo(progress);
        RunFailed failed = new RunFailed("s-1", "cartpole/kfac/seed-1", 2, "n", "diverged", false);
        assertThat(overTheWire(MessageCodecs.failed(), failed)).isEqualTo(failed);
    }

    @Test
    void aFinishedRunCarriesItsSummaryAndItsCheckpointFiles() {
        TrainingSummary summary = new TrainingSummary(4800, 30, 200, 25.5, 0, OptionalLong.of(3200), 0.9, 2.5);
        RunFinished finished = new RunFinished("s-1", "cartpole/a2c/seed-2", 1, "n", summary, 30,
                Map.of("parameters.bin", new byte[] {1, 2, 3}, "checkpoint.conf", "updates = 30".getBytes()));

        RunFinished received = (RunFinished) overTheWire(MessageCodecs.finished(), finished);

        assertThat(received.summary()).isEqualTo(summary);
        assertThat(received.rows()).isEqualTo(30);
        assertThat(received.checkpoint()).containsOnlyKeys("parameters.bin", "checkpoint.conf");
        assertThat(received.checkpoint().get("parameters.bin")).containsExactly(1, 2, 3);
    }

    @Test
    void aResumedAssignmentAndACheckpointCarryTheirRowsAndFiles() {
        RunAssignment assignment = new RunAssignment("s-1", "cartpole/kfac/seed-1", 3, "{}", 475, List.of(ROW, ROW),
                Map.of("state.bin", new byte[] {7, 8}, "checkpoint.conf", "updates = 2".getBytes()));
        RunCheckpoint checkpoint = new RunCheckpoint("s-1", "cartpole/kfac/seed-1", 2, "n", 40,
                Map.of("parameters.bin", new byte[] {4, 5, 6}));

        RunAssignment sent = (RunAssignment) overTheWire(MessageCodecs.assignment(), assignment);
        RunCheckpoint received = (RunCheckpoint) overTheWire(MessageCodecs.checkpoint(), checkpoint);

        assertThat(sent.resumes()).isTrue();
        assertThat(sent.rows()).containsExactly(ROW, ROW);
        assertThat(sent.checkpoint()).containsOnlyKeys("state.bin", "checkpoint.conf");
        assertThat(sent.checkpoint().get("state.bin")).containsExactly(7, 8);
        assertThat(new RunAssignment("s-1", "r", 1, "{}", 1).resumes()).isFalse();
        assertThat(received.updates()).isEqualTo(40);
        assertThat(received.attempt()).isEqualTo(2);
        assertThat(received.files().get("parameters.bin")).containsExactly(4, 5, 6);
    }

    @Test
    void theRolloutHostingAndRollCallMessagesCrossTheWireUnchanged() {
        RolloutHosting hosting = new RolloutHosting("run-1", 1, 2, 4, 4, 1 + 2 * 1_000_003L, "{\"acktr\":{}}");
        assertThat(overTheWire(MessageCodecs.hosting(), hosting)).isEqualTo(hosting);
        assertThat(overTheWire(MessageCodecs.release(), new RolloutRelease("run-1"))).isEqualTo(new RolloutRelease("run-1"));
        assertThat(overTheWire(MessageCodecs.rollCall(), new RollCall("suite-1"))).isEqualTo(new RollCall("suite-1"));
    }

    @Test
    void aProgressRowTakesFifteenNumbersOnTheWire() {
        Buffer one = Buffer.buffer();
        MessageCodecs.progress().encodeToWire(one, new RunProgress("s", "r", 1, "n", 0, List.of(ROW)));
        Buffer two = Buffer.buffer();
        MessageCodecs.progress().encodeToWire(two, new RunProgress("s", "r", 1, "n", 0, List.of(ROW, ROW)));

        assertThat(two.length() - one.length()).isEqualTo(15 * 8);
    }

    @Test
    void aMessageOfAnotherProtocolVersionIsNotReadButNamed() {
        RunAssignment assignment = new RunAssignment("s-1", "cartpole/kfac/seed-1", 1, "{}", 475);
        Buffer buffer = Buffer.buffer();
        MessageCodecs.assignment(ClusterProtocol.VERSION + 1).encodeToWire(buffer, assignment);

        assertThat(MessageCodecs.assignment().decodeFromWire(0, buffer))
                .isEqualTo(new UnknownProtocolMessage(ClusterProtocol.VERSION + 1, "acktr.run-assignment"));
    }
}
