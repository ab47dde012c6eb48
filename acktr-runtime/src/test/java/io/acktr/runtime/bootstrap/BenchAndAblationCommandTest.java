package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchAndAblationCommandTest {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result acktr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void updateCostTimesEachVariantOnTheSameBatchRelativeToTheFirst() {
        Result r = acktr("bench", "update-cost", "--rounds", "3", "--warmup", "1", "--set", "acktr.env.count=2",
                "--set", "acktr.policy.mlp.hidden-sizes=[8]",
                "--variant", "identity:rmsprop,kfac:trust-region@acktr.curvature.kfac.async=true");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("batch 40, 3 timed updates per variant").contains("identity:rmsprop")
                .contains("kfac:trust-region@acktr.curvature.kfac.async=true").contains("1.00x");
    }

    @Test
    void aMalformedVariantOrSettingIsBadInput() {
        Result variant = acktr("bench", "update-cost", "--variant", "kfac");
        assertThat(variant.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(variant.err()).contains("--variant").contains("CURVATURE:STEP");
        Result setting = acktr("bench", "update-cost", "--variant", "kfac:trust-region@acktr.curvature.kfac.damping=-1");
        assertThat(setting.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(setting.err()).contains("acktr.curvature.kfac.damping");
    }

    @Test
    void theAblationDryRunChecksAndListsEveryRunOfTheBuiltInSuite(@TempDir Path dir) {
        Result r = acktr("ablation", "--dry-run", "--out", dir.resolve("abl").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 tasks x 5 variants x 10 seeds = 100 runs").contains("pendulum (Pendulum-v1")
                .contains("x cg-fisher");
        assertThat(dir.resolve("abl")).doesNotExist();
    }

    @Test
    void seedsOnTheCommandLineReplaceTheSuitesAndMalformedOnesAreBadInput(@TempDir Path dir) {
        Result r = acktr("ablation", "--dry-run", "--seeds", "1-3,7,2", "--out", dir.resolve("abl").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("2 tasks x 5 variants x 4 seeds = 40 runs");
        Result bad = acktr("ablation", "--dry-run", "--seeds", "3-1", "--out", dir.resolve("abl").toString());
        assertThat(bad.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("--seeds").contains("3-1");
    }

    @Test
    void anAblationRefusesADirectoryThatAlreadyHoldsResults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), "{}");
        Result r = acktr("ablation", "--dry-run", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--out").contains("results.json");
        assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo("{}");
    }

    @Test
    void theSampleEfficiencyBenchUsesItsOwnSuite(@TempDir Path dir) {
        Result r = acktr("bench", "sample-efficiency", "--dry-run", "--out", dir.resolve("se").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Sample efficiency").contains("x acktr").contains("x a2c");
    }
}
