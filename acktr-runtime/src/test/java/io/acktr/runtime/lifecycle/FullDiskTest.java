package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.Environment;
import io.acktr.api.policy.Policy;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.envs.wrappers.WrapperSettings;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run directory on a real, tiny filesystem (a 96 KiB tmpfs) that fills up: progress.csv keeps
 * whole rows and names itself in the error, and a checkpoint that cannot be written leaves no
 * temporary copy behind. Mounting needs root; elsewhere the test says so in one line and skips.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountATinyFilesystem() throws Exception {
        mountPoint = Files.createDirectories(dir.resolve("tiny"));
        String why = null;
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", mountPoint.toString())
                    .redirectErrorStream(true).start();
            String output = new String(mount.getInputStream().readAllBytes());
            mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
            why = mounted ? null : output.strip();
        } catch (IOException e) {
            why = e.getMessage();
        }
        if (!mounted) {
            System.err.println("FullDiskTest skipped: cannot mount a tmpfs here (" + why + ")");
        }
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: " + why);
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mountPoint.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void progressCsvNeverEndsInATornRowAndItsErrorNamesTheFile() throws IOException {
        ProgressCsvWriter writer = ProgressCsvWriter.create(mountPoint);
        UncheckedIOException failure = null;
        long rows = 0;
        for (int i = 1; i < 100_000 && failure == null; i++) {
            try {
                writer.onUpdate(new UpdateMetrics(i * 160L, i, i / 3, 123.456789 + i, 0.6931, 12.5, -0.25, 0.001234, 0.05,
                        2500.5, 0.002, 0, 300L << 20));
                rows++;
            } catch (UncheckedIOException e) {
                failure = e;
            }
        }
        writer.onEnd();
        assertThat(failure).as("the 96 KiB filesystem filled up").isNotNull();
        assertThat(failure).hasMessageContaining(mountPoint.resolve(ProgressCsvWriter.FILE_NAME).toString())
                .hasMessageContaining("No space left");
        String csv = Files.readString(mountPoint.resolve(ProgressCsvWriter.FILE_NAME));
        assertThat(csv).endsWith(System.lineSeparator());
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize((int) rows + 1);
        assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(ProgressCsvWriter.COLUMNS.size()));
    }

    @Test
    void aCheckpointThatDoesNotFitLeavesNoTemporaryCopyAndTheLastOneStays() throws IOException {
        EnvironmentRegistry registry = EnvironmentRegistry.load(getClass().getClassLoader());
        Environment env = registry.create("CartPole-v1");
        WrapperChain chain = WrapperChain.from(ConfigFactory.parseString(WrapperSettings.PATH + " = []")
                .withFallback(ConfigFactory.defaultReference()));
        CheckpointStore store = new CheckpointStore(mountPoint);
        Policy small = new MlpPolicy(env.observationSpace(), env.actionSpace(),
                new MlpArchitecture(List.of(8), Activation.TANH, false, DataType.FLOAT), 1);
        assertThat(store.write(Checkpoint.capture(small, chain, 10, 1))).isTrue();
        Policy large = new MlpPolicy(env.observationSpace(), env.actionSpace(),
                new MlpArchitecture(List.of(256, 256), Activation.TANH, false, DataType.DOUBLE), 1);

        assertThatThrownBy(() -> store.write(Checkpoint.capture(large, chain, 20, 2)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("checkpoint");

        assertThat(mountPoint.resolve(CheckpointStore.TEMPORARY)).doesNotExist();
        assertThat(store.read().updates()).as("the last complete checkpoint").isEqualTo(1);
    }
}
