package io.acktr.runtime.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCsvTest {
    @Test
    void emptyCellsAreNaNAndACurveKeepsOnlyPointsWhereBothColumnsAreFinite(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("progress.csv"), "env_steps,updates,mean_return,kl\n160,1,,0.5\n320,2,17.5,\n480,3,18,0.25\n");
        ProgressCsv csv = ProgressCsv.read(run);
        assertThat(csv.column("mean_return")).containsExactly(Double.NaN, 17.5, 18);
        RunCurve curve = csv.curve("r", "env_steps", "mean_return");
        assertThat(curve.x()).containsExactly(320, 480);
        assertThat(curve.y()).containsExactly(17.5, 18);
    }

    @Test
    void anUnknownColumnListsTheKnownOnes(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("progress.csv"), "env_steps,mean_return\n1,2\n");
        assertThatThrownBy(() -> ProgressCsv.read(run).column("reward")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"reward\"").hasMessageContaining("columns: env_steps, mean_return");
    }

    @Test
    void aDirectoryWithoutProgressCsvOrARaggedRowIsRefused(@TempDir Path run) throws Exception {
        assertThatThrownBy(() -> ProgressCsv.read(run)).hasMessageContaining("holds no progress.csv");
        Files.writeString(run.resolve("progress.csv"), "env_steps,mean_return\n1,2,3\n");
        assertThatThrownBy(() -> ProgressCsv.read(run)).hasMessageContaining("line 2").hasMessageContaining("3 cells");
    }
}
