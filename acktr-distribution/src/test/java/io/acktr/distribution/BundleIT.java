package io.acktr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code bin/acktr} as a user would. */
class BundleIT {
    private static final Path BUNDLE = Path.of(System.getProperty("acktr.bundle", "target/acktr"));

    record Result(int exitCode, String out, String err) {
    }

    private static Result acktr(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BUNDLE.resolve("bin/acktr").toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ACKTR_JAVA_OPTS", "-Xmx1g");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("acktr " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void envsListsTheBuiltInEnvironmentsWithTheirSpaces(@TempDir Path dir) throws Exception {
        Result r = acktr(dir, "envs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("CartPole-v1").contains("Discrete(2)").contains("Pendulum-v1").contains("Box(-2.0, 2.0, [1])");
    }

    @Test
    void envsListsTheGymnasiumBridgeFromItsPluginJar(@TempDir Path dir) throws Exception {
        Result r = acktr(dir, "envs");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("gymnasium/<Gymnasium id>").contains("io.acktr.envs.gymnasium.GymnasiumFamilyProvider");
    }

    @Test
    void pluginsListsEstimatorsAndStepRulesByName(@TempDir Path dir) throws Exception {
        Result r = acktr(dir, "plugins");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("acktr.curvature.type: cg-fisher, diagonal, ekfac, explicit, identity, kfac")
                .contains("adam, adaptive-kl, fixed, line-search, rmsprop, trust-region").contains("cnn, mlp");
    }

    @Test
    void trainWritesProgressAndTheResolvedConfigIntoTheRunDirectory(@TempDir Path dir) throws Exception {
        Result r = acktr(dir, "train", "--set", "acktr.total-steps=640", "--set", "acktr.env.count=4", "--set", "acktr.run-dir=run1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("done: 640 env steps, 8 updates");
        List<String> progress = Files.readAllLines(dir.resolve("run1/progress.csv"));
        assertThat(progress).hasSize(9);
        assertThat(progress.get(0)).startsWith("env_steps,updates,episodes,mean_return,entropy,value_loss,kl,step_size,fps");
        assertThat(dir.resolve("run1/config.conf")).exists();
    }

    @Test
    void theMinAtarPluginInPluginsTrainsAConvolutionalPolicy(@TempDir Path dir) throws Exception {
        Result envs = acktr(dir, "envs");
        assertThat(envs.out()).contains("MinAtar/Breakout-v0").contains("Box(0.0, 1.0, [10, 10, 4]), actions Discrete(6)");
        Result r = acktr(dir, "train", "-q", "--set", "acktr.env.id=MinAtar/Breakout-v0", "--set", "acktr.policy.type=cnn",
                "--set", "acktr.policy.cnn.conv-layers=[{filters = 4, kernel = 3, stride = 1}]",
                "--set", "acktr.policy.cnn.hidden-sizes=[16]", "--set", "acktr.env.count=4",
                "--set", "acktr.total-steps=320", "--set", "acktr.run-dir=minatar");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("done: 320 env steps, 4 updates");
    }

    @Test
    void aConfigFileIsLayeredOverTheDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a2c.conf"), """
                acktr { total-steps = 320, env.count = 2, curvature.type = identity, step-size.type = rmsprop, run-dir = a2c }
                """);
        Result r = acktr(dir, "train", "--config", "a2c.conf");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("with identity + rmsprop");
        assertThat(Files.readString(dir.resolve("a2c/config.conf"))).contains("rmsprop");
    }

    @Test
    void anUnknownPluginNameExitsWithTwoAndNamesThePathAndTheKnownNames(@TempDir Path dir) throws Exception {
        Result r = acktr(dir, "train", "--set", "acktr.curvature.type=kfca");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("acktr.curvature.type").contains("kfca").contains("diagonal, ekfac, explicit, identity, kfac");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void badInputExitsWithTwoAndNamesTheCulprit(@TempDir Path dir) throws Exception {
        Result env = acktr(dir, "train", "--set", "acktr.env.id=Cartpole-v1");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).contains("acktr.env.id").contains("Cartpole-v1").contains("CartPole-v1, LunarLander-v2");

        Result range = acktr(dir, "train", "--set", "acktr.curvature.kfac.damping=-1");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(range.err()).contains("acktr.curvature.kfac.damping").contains("must be > 0");

        Result missing = acktr(dir, "train", "--config", "nowhere.conf");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.conf");
    }
}
