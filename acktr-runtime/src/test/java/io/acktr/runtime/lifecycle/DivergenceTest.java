package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bootstrap.AcktrCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run whose updates are all skipped, or that blows up, ends with exit 1 and never keeps broken
 * parameters; with {@code acktr.divergence.action = rollback} a blow-up is undone and training goes on.
 */
class DivergenceTest {
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome train(Path runDir, String... sets) {
        List<String> args = new ArrayList<>(List.of("train", "--quiet", "--set", "acktr.run-dir=" + runDir,
                "--set", "acktr.env.count=5"));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AcktrCommand.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static double parameterNorm(Checkpoint checkpoint) {
        double squares = 0;
        for (Checkpoint.Block block : checkpoint.parameters()) {
            double n = block.value().castTo(DataType.DOUBLE).norm2Number().doubleValue();
            squares += n * n;
        }
        return Math.sqrt(squares);
    }

    @Test
    void aRunInWhichEveryUpdateWasSkippedExits1(@TempDir Path dir) {
        Outcome outcome = train(dir.resolve("run"), "acktr.curvature.type=" + DivergingCurvaturePlugin.NON_FINITE,
                "acktr.total-steps=1000");
        assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).contains("every one of the run's 10 updates was skipped");
    }

    @Test
    void aFiniteBlowUpStopsTheRunAndKeepsTheLastGoodCheckpoint(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Outcome outcome = train(run, "acktr.curvature.type=" + DivergingCurvaturePlugin.EXPLODING,
                "acktr.step-size.type=fixed", "acktr.checkpoint.interval=5", "acktr.total-steps=3000");
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.err()).contains("training diverged at update " + DivergingCurvaturePlugin.EXPLODING_UPDATE)
                .contains("parameter norm").contains("acktr.divergence.parameter-norm-factor");
        Checkpoint last = new CheckpointStore(run).read();
        assertThat(last.updates()).isEqualTo(10);
        assertThat(parameterNorm(last)).isLessThan(1e3);
        if (Files.isDirectory(CheckpointStore.best(run).directory())) {
            assertThat(CheckpointStore.best(run).read().updates()).isLessThanOrEqualTo(10);
        }
        assertThat(Files.readAllLines(run.resolve(ProgressCsvWriter.FILE_NAME))).hasSize(1 + 11);
    }

    @Test
    void rollbackRestoresTheLastGoodCheckpointAndTrainsOn(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Outcome outcome = train(run, "acktr.curvature.type=" + DivergingCurvaturePlugin.EXPLODING,
                "acktr.step-size.type=fixed", "acktr.checkpoint.interval=5", "acktr.total-steps=2000",
                "acktr.divergence.action=rollback");
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        List<String> rows = Files.readAllLines(run.resolve(ProgressCsvWriter.FILE_NAME));
        assertThat(rows).hasSize(1 + 20);
        int skippedColumn = List.of(rows.get(0).split(",")).indexOf("skipped_updates");
        assertThat(rows.get(DivergingCurvaturePlugin.EXPLODING_UPDATE - 1).split(",")[skippedColumn]).isEqualTo("0");
        assertThat(rows.get(DivergingCurvaturePlugin.EXPLODING_UPDATE).split(",")[skippedColumn]).isEqualTo("1");
        Checkpoint last = new CheckpointStore(run).read();
        assertThat(last.updates()).isEqualTo(20);
        assertThat(parameterNorm(last)).isLessThan(1e3);
    }

    @Test
    void aLateCollapseOfTheMeanReturnStopsTheRunOrPutsTheBestCheckpointBack(@TempDir Path dir) throws IOException {
        String[] collapse = {"acktr.curvature.type=" + DivergingCurvaturePlugin.REVERSING, "acktr.total-steps=30000",
            "acktr.checkpoint.interval=10", "acktr.divergence.return-collapse=0.5",
            // the reference's momentum: the default run's 0 lets 50 reversed steps blow the parameters
            // up (the norm guard's case, tested above) before the mean return can show the collapse
            "acktr.step-size.trust-region.momentum=0.9"};
        Outcome stopped = train(dir.resolve("stop"), collapse);
        List<String> rollback = new ArrayList<>(List.of(collapse));
        rollback.add("acktr.divergence.action=rollback");
        Outcome rolledBack = train(dir.resolve("rollback"), rollback.toArray(String[]::new));

        assertThat(stopped.exit()).as(stopped.out() + stopped.err()).isEqualTo(1);
        assertThat(stopped.err()).contains("the mean return of the last 100 episodes fell to")
                .contains("acktr.divergence.return-collapse = 0.5").contains("best/ holds those of the highest mean return");
        long stoppedAt = Long.parseLong(stopped.err().replaceAll("(?s).*training diverged at update (\\d+).*", "$1"));
        assertThat(stoppedAt).as("after the policy began to unlearn").isGreaterThan(DivergingCurvaturePlugin.REVERSING_UPDATE);
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("rollback").resolve(ProgressCsvWriter.FILE_NAME));
        assertThat(rows).hasSize(1 + 30000 / 100);
        int skippedColumn = List.of(rows.get(0).split(",")).indexOf("skipped_updates");
        assertThat(Long.parseLong(rows.get(rows.size() - 1).split(",")[skippedColumn])).as("rollbacks to best/").isPositive();
    }
}
