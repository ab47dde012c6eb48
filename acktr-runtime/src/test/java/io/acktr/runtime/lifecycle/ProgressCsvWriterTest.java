package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.training.UpdateMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCsvWriterTest {
    private static UpdateMetrics update(long updates, double directionCosine) {
        return new UpdateMetrics(160 * updates, updates, 3, 21.5, 0.69, 1.25, -0.01, 2e-3, 1e-3, 0.25, 800, 0, 300L << 20,
                directionCosine, directionCosine / 2);
    }

    @Test
    void theDirectionCosineIsTheLastColumnAndEmptyWhereNotMeasured(@TempDir Path dir) throws Exception {
        ProgressCsvWriter writer = ProgressCsvWriter.create(dir);
        writer.onUpdate(update(1, Double.NaN));
        writer.onUpdate(update(2, 0.8125));
        writer.onEnd();
        List<String> lines = Files.readAllLines(dir.resolve(ProgressCsvWriter.FILE_NAME));
        assertThat(lines.get(0)).endsWith(",skipped_updates,resident_mb,direction_cosine,direction_cosine_per_group");
        assertThat(lines.get(1)).endsWith(",0,300,,");
        assertThat(lines.get(2)).endsWith(",0,300,0.812500,0.406250");
    }

    @Test
    void aRunStartedBeforeTheDirectionCosineResumesInItsOwnColumns(@TempDir Path dir) throws Exception {
        String header = String.join(",", ProgressCsvWriter.COLUMNS_BEFORE_DIRECTION_COSINE);
        Files.writeString(dir.resolve(ProgressCsvWriter.FILE_NAME), header + "\n"
                + "160,1,3,21.5,0.69,1.25,0.002,0.25,800.0,-0.01,0.001,0,300\n"
                + "320,2,3,21.5,0.69,1.25,0.002,0.25,800.0,-0.01,0.001,0,300\n");
        ProgressCsvWriter writer = ProgressCsvWriter.resume(dir, 1);
        writer.onUpdate(update(2, Double.NaN));
        writer.onEnd();
        List<String> lines = Files.readAllLines(dir.resolve(ProgressCsvWriter.FILE_NAME));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo(header);
        assertThat(lines.get(2).split(",", -1)).hasSize(ProgressCsvWriter.COLUMNS.size() - 2);
    }

    @Test
    void anotherHeaderIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ProgressCsvWriter.FILE_NAME), "env_steps,updates\n1,1\n");
        assertThatThrownBy(() -> ProgressCsvWriter.resume(dir, 1)).isInstanceOf(InvalidCheckpointException.class)
                .hasMessageContaining("its header is not env_steps,updates,");
    }
}
