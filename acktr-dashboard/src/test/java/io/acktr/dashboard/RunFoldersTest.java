package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {
    /** A run folder as a run leaves it: config.conf and a progress.csv of {@code rows} updates of 80 steps. */
    static Path storedRun(Path folder, String curvature, int rows) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("config.conf"), "# resolved configuration of this run\nacktr {\n  env { id = \"CartPole-v1\" }\n"
                + "  seed = 2\n  total-steps = 1280\n  curvature { type = " + curvature + " }\n  step-size { type = trust-region }\n}\n");
        StringBuilder csv = new StringBuilder("env_steps,updates,episodes,mean_return,entropy,value_loss,kl,step_size,fps,"
                + "policy_loss,predicted_kl,skipped_updates,resident_mb\n");
        for (int i = 1; i <= rows; i++) {
            csv.append(80 * i).append(',').append(i).append(",3,").append(i == 1 ? "" : String.valueOf(10.0 * i))
                    .append(",0.69,1.5,0.001,0.1,5000.0,-0.2,0.001,0,300\n");
        }
        Files.writeString(folder.resolve("progress.csv"), csv);
        Files.writeString(folder.resolve("run.lock"), "");
        return folder;
    }

    @Test
    void aSuiteFolderGivesEveryRunGroupedByItsVariantAndARunFolderItself(@TempDir Path dir) throws IOException {
        Path suite = dir.resolve("ablation-1");
        storedRun(suite.resolve("runs/CartPole-v1/kfac/seed-1"), "kfac", 4);
        storedRun(suite.resolve("runs/CartPole-v1/kfac/seed-2"), "kfac", 5);
        storedRun(suite.resolve("runs/CartPole-v1/a2c/seed-1"), "identity", 3);
        Path single = storedRun(dir.resolve("single"), "ekfac", 2);
        RunBoard board = new RunBoard(100);

        assertThat(RunFolders.addAll(board, List.of(suite, single))).isEqualTo(4);

        assertThat(board.runs()).extracting(BoardRun::name).containsExactly("ablation-1/runs/CartPole-v1/a2c/seed-1",
                "ablation-1/runs/CartPole-v1/kfac/seed-1", "ablation-1/runs/CartPole-v1/kfac/seed-2", "single");
        assertThat(board.runs()).extracting(BoardRun::group).containsExactly("a2c", "kfac", "kfac", "ekfac + trust-region");
        BoardRun second = board.run("r3").orElseThrow();
        assertThat(second.state()).isEqualTo(BoardRun.State.STORED);
        assertThat(second.environmentId()).isEqualTo("CartPole-v1");
        assertThat(second.seed()).isEqualTo(2);
        assertThat(second.rows()).hasSize(5);
        assertThat(second.lastRow()[ProgressRows.ENV_STEPS]).isEqualTo(400);
        assertThat(second.rows().get(0)[ProgressRows.MEAN_RETURN]).isNaN();
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedByName(@TempDir Path dir) {
        assertThatThrownBy(() -> RunFolders.find(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope: no such folder");
    }

    @Test
    void aLiveRunPastItsRowLimitKeepsItsWholeSpanAtHalfTheResolution() {
        RunBoard board = new RunBoard(4);
        BoardRun run = board.add("r", "g", "CartPole-v1", 1, 800, "local", Path.of("x"), BoardRun.State.RUNNING);
        for (int i = 1; i <= 5; i++) {
            double[] row = new double[ProgressRows.COLUMNS.size()];
            row[ProgressRows.ENV_STEPS] = 80 * i;
            board.addRow(run, row);
        }
        assertThat(run.rows()).extracting(r -> r[ProgressRows.ENV_STEPS]).containsExactly(80.0, 240.0, 400.0);
    }
}
