package io.acktr.runtime.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.wrappers.RunningStatistics;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecsTest {
    /** Encodes after some bytes already in the buffer, as Vert.x does, and decodes from there. */
    private static <T> T overTheWire(BinaryCodec<T> codec, T message) {
        Buffer buffer = Buffer.buffer().appendString("header");
        codec.encodeToWire(buffer, message);
        return codec.decodeFromWire(6, buffer);
    }

    @Test
    void withinOneJvmAMessageIsDeliveredItselfNotACopy() {
        ParameterSnapshot snapshot = new ParameterSnapshot(3, new float[] {1, 2}, null, List.of());
        for (BinaryCodec<?> codec : Codecs.ALL) {
            assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
        }
        assertThat(Codecs.PARAMETER_SNAPSHOT.transform(snapshot)).isSameAs(snapshot);
    }

    @Test
    void aParameterSnapshotCrossesTheWireWithItsArraysAndStatistics() {
        RunningStatistics statistics = new RunningStatistics(12.5, new double[] {0.25, -1e-300}, new double[] {2, Double.MIN_VALUE});
        ParameterSnapshot floats = new ParameterSnapshot(7, new float[] {1.5f, -0f, Float.MAX_VALUE}, null,
                List.of(statistics, statistics));
        ParameterSnapshot decoded = overTheWire(Codecs.PARAMETER_SNAPSHOT, floats);
        assertThat(decoded.version()).isEqualTo(7);
        assertThat(decoded.floatParameters()).containsExactly(1.5f, -0f, Float.MAX_VALUE);
        assertThat(decoded.doubleParameters()).isNull();
        assertThat(decoded.wrapperStatistics()).containsExactly(statistics, statistics);

        ParameterSnapshot doubles = overTheWire(Codecs.PARAMETER_SNAPSHOT,
                new ParameterSnapshot(8, null, new double[] {Math.PI, -1e-310}, List.of()));
        assertThat(doubles.floatParameters()).isNull();
        assertThat(doubles.doubleParameters()).containsExactly(Math.PI, -1e-310);
        assertThat(doubles.wrapperStatistics()).isEmpty();
    }

    @Test
    void aRolloutPartCrossesTheWireWithEveryArray() {
        RolloutPart part = new RolloutPart(4, 2, 2, 2, 3, 1, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                new double[] {0, 1, 1, 0}, new double[] {0.5, -0.5, 1e-9, 3}, new double[] {1, 2, 3, 4},
                new FinishedEpisodes(new int[] {1}, new int[] {3}, new double[] {42.5}, new long[] {17}),
                new double[][] {{1, 2, 3}, {}, {4.5}, {6, 7}});
        RolloutPart decoded = overTheWire(Codecs.ROLLOUT_PART, part);
        assertThat(decoded.version()).isEqualTo(4);
        assertThat(List.of(decoded.firstEnvironment(), decoded.environments(), decoded.steps(), decoded.observationSize(),
                decoded.actionWidth())).containsExactly(2, 2, 2, 3, 1);
        assertThat(decoded.observations()).containsExactly(part.observations());
        assertThat(decoded.actions()).containsExactly(part.actions());
        assertThat(decoded.advantages()).containsExactly(part.advantages());
        assertThat(decoded.returns()).containsExactly(part.returns());
        assertThat(decoded.episodes().steps()).containsExactly(1);
        assertThat(decoded.episodes().environments()).containsExactly(3);
        assertThat(decoded.episodes().returns()).containsExactly(42.5);
        assertThat(decoded.episodes().lengths()).containsExactly(17L);
        assertThat(decoded.normalizerSamples()).isDeepEqualTo(part.normalizerSamples());
    }

    @Test
    void metricsAndRunEventsCrossTheWireUnchanged() {
        UpdateMetrics metrics = new UpdateMetrics(1600, 10, 33, 21.5, 0.69, 1.25, -0.01, Double.NaN, 1e-3, 0.25, 812.5, 1,
                123456789L);
        assertThat(overTheWire(Codecs.UPDATE_METRICS, metrics)).isEqualTo(metrics);
        UpdateMetrics measured = new UpdateMetrics(1600, 10, 33, 21.5, 0.69, 1.25, -0.01, 2e-3, 1e-3, 0.25, 812.5, 1,
                123456789L, 0.875, 0.9375);
        assertThat(overTheWire(Codecs.UPDATE_METRICS, measured)).isEqualTo(measured);
        assertThat(overTheWire(Codecs.EPISODE_ENDED, new EpisodeEnded(-120.5, 200))).isEqualTo(new EpisodeEnded(-120.5, 200));
        assertThat(overTheWire(Codecs.RUN_ENDED, new RunEnded(10, true))).isEqualTo(new RunEnded(10, true));
        ListenersDone done = new ListenersDone(10, false, Optional.of("ProgressCsvWriter failed: disk full, é"));
        assertThat(overTheWire(Codecs.LISTENERS_DONE, done)).isEqualTo(done);
        assertThat(overTheWire(Codecs.LISTENERS_DONE, new ListenersDone(3, true, Optional.empty())))
                .isEqualTo(new ListenersDone(3, true, Optional.empty()));
    }
}
