package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** A run keeps its latest checkpoints, the current one and {@code keep - 1} before it, and no more. */
class CheckpointHistoryTest {
    private static Checkpoint at(long updates) {
        return new Checkpoint("test", updates * 10, updates,
                List.of(new Checkpoint.Block("w", Nd4j.createFromArray(new double[] {updates, -updates}))), ConfigFactory.empty());
    }

    @Test
    void keepingThreeLeavesTheCurrentCheckpointAndTheTwoBeforeIt(@TempDir Path dir) {
        CheckpointStore store = CheckpointStore.keeping(dir, 3);
        for (long updates = 1; updates <= 5; updates++) {
            assertThat(store.write(at(updates))).isTrue();
        }
        assertThat(store.read().updates()).isEqualTo(5);
        assertThat(store.history()).extracting(p -> p.getFileName().toString()).containsExactly("update-3", "update-4");
        assertThat(CheckpointFiles.read(store.history().get(0)).updates()).isEqualTo(3);
        assertThat(CheckpointFiles.read(store.history().get(1)).parameters().get(0).value().getDouble(0)).isEqualTo(4.0);
        assertThat(Files.exists(dir.resolve(CheckpointStore.PREVIOUS))).isFalse();
    }

    @Test
    void aResumedRunFilesTheCheckpointOfTheEarlierProcessUnderTheCountItsFileGives(@TempDir Path dir) {
        CheckpointStore earlier = CheckpointStore.keeping(dir, 3);
        earlier.write(at(1));
        earlier.write(at(2));
        CheckpointStore resumed = CheckpointStore.keeping(dir, 3);
        resumed.write(at(7));
        resumed.write(at(9));
        assertThat(resumed.history()).extracting(p -> p.getFileName().toString()).containsExactly("update-2", "update-7");
        assertThat(CheckpointFiles.read(resumed.history().get(0)).updates()).isEqualTo(2);
        assertThat(CheckpointFiles.read(resumed.history().get(1)).updates()).isEqualTo(7);
    }

    @Test
    void keepingOneLeavesOnlyTheCurrentCheckpoint(@TempDir Path dir) {
        CheckpointStore store = CheckpointStore.keeping(dir, 1);
        store.write(at(1));
        store.write(at(2));
        assertThat(store.read().updates()).isEqualTo(2);
        assertThat(store.history()).isEmpty();
        assertThat(Files.exists(dir.resolve(CheckpointStore.HISTORY))).isFalse();
    }
}
