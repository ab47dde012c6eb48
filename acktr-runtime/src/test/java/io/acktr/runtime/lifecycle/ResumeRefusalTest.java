package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bootstrap.AcktrCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resume that cannot continue the run as it was exits 2 and says why, naming the key or the file. */
class ResumeRefusalTest {
    @TempDir
    static Path dir;
    static Path run;

    private record Outcome(int exit, String err) {
    }

    private static Outcome acktr(String... args) {
        StringWriter err = new StringWriter();
        int exit = AcktrCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Outcome(exit, err.toString());
    }

    @BeforeAll
    static void trainAShortRun() {
        run = dir.resolve("run");
        Outcome trained = acktr("train", "--quiet", "--set", "acktr.run-dir=" + run, "--set", "acktr.env.count=2",
                "--set", "acktr.total-steps=200");
        assertThat(trained.exit()).as(trained.err()).isZero();
    }

    @Test
    void aKeyThatChangesTheExperimentIsRefusedByName() {
        Outcome outcome = acktr("train", "--resume", run.toString(), "--set", "acktr.env.id=Acrobot-v1",
                "--set", "acktr.total-steps=400");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("acktr.env.id").contains("cannot change when a run resumes")
                .contains("acktr.total-steps");
        Outcome curvature = acktr("train", "--resume", run.toString(), "--set", "acktr.curvature.type=diagonal",
                "--set", "acktr.total-steps=400");
        assertThat(curvature.exit()).isEqualTo(2);
        assertThat(curvature.err()).contains("acktr.curvature.type");
    }

    @Test
    void aBudgetAlreadySpentIsRefused() {
        Outcome outcome = acktr("train", "--resume", run.toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("acktr.total-steps").contains("already trained 200 env steps");
    }

    @Test
    void aMissingRunDirectoryOrCheckpointIsRefused() throws IOException {
        Outcome missing = acktr("train", "--resume", dir.resolve("nothing").toString(), "--set", "acktr.total-steps=400");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains(dir.resolve("nothing").toString());

        Path copy = dir.resolve("without-checkpoint");
        Files.createDirectories(copy);
        for (String file : new String[] {"config.conf", "run.lock", ProgressCsvWriter.FILE_NAME}) {
            Files.copy(run.resolve(file), copy.resolve(file));
        }
        Outcome noCheckpoint = acktr("train", "--resume", copy.toString(), "--set", "acktr.total-steps=400");
        assertThat(noCheckpoint.exit()).isEqualTo(2);
        assertThat(noCheckpoint.err()).contains(copy.resolve(CheckpointStore.DIRECTORY).toString()).contains("missing");

        Path damaged = dir.resolve("damaged");
        try (Stream<Path> files = Files.walk(run)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(source, damaged.resolve(run.relativize(source).toString()));
            }
        }
        Files.delete(damaged.resolve(CheckpointStore.DIRECTORY).resolve("state.bin"));
        Outcome noState = acktr("train", "--resume", damaged.toString(), "--set", "acktr.total-steps=400");
        assertThat(noState.exit()).isEqualTo(2);
        assertThat(noState.err()).contains("state.bin").contains("missing");
    }

    @Test
    void aCheckpointWrittenBeforeResumeExistedIsEvaluatedNotResumed() throws IOException {
        Path old = dir.resolve("old");
        try (Stream<Path> files = Files.walk(run)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Files.copy(source, old.resolve(run.relativize(source).toString()));
            }
        }
        Path conf = old.resolve(CheckpointStore.DIRECTORY).resolve("checkpoint.conf");
        Files.writeString(conf, Files.readString(conf).replaceFirst("format-version\\s*=\\s*2", "format-version = 1"));
        assertThat(new CheckpointStore(old).read().canResume()).isFalse();
        assertThat(acktr("evaluate", old.toString(), "--episodes", "1").exit()).isZero();

        Outcome outcome = acktr("train", "--resume", old.toString(), "--set", "acktr.total-steps=400");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains(conf.toString()).contains("holds no training state");
    }

    @Test
    void resumeTakesTheRunsOwnConfigurationNotAFile() {
        Outcome outcome = acktr("train", "--resume", run.toString(), "--config", run.resolve("config.conf").toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("--resume").contains("--config");
    }
}
