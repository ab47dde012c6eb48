package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result acktr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AcktrCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path run(Path root, String variant, int seed, double slope) throws Exception {
        Path run = Files.createDirectories(root.resolve(variant).resolve("seed-" + seed));
        StringBuilder csv = new StringBuilder("env_steps,updates,mean_return,entropy\n");
        for (int u = 1; u <= 20; u++) {
            csv.append(160 * u).append(',').append(u).append(',').append(slope * u + seed).append(",0.69\n");
        }
        Files.writeString(run.resolve("progress.csv"), csv);
        return run;
    }

    @Test
    void runsOfEachFolderAreDrawnAsOneBandAndEachRunAsItsOwnWithGroupByRun(@TempDir Path dir) throws Exception {
        String[] runs = {run(dir, "kfac", 1, 5).toString(), run(dir, "kfac", 2, 5).toString(), run(dir, "a2c", 1, 2).toString()};
        Result png = acktr(concat(runs, "--out", dir.resolve("curves.png").toString()));
        assertThat(png.exitCode()).as(png.err()).isZero();
        assertThat(png.out()).contains("3 runs in 2 groups");
        byte[] bytes = Files.readAllBytes(dir.resolve("curves.png"));
        assertThat(bytes).startsWith(bytes(0x89, 'P', 'N', 'G'));
        Result each = acktr(concat(runs, "--out", dir.resolve("entropy.png").toString(), "--y", "entropy", "--x", "updates",
                "--group-by", "run"));
        assertThat(each.exitCode()).as(each.err()).isZero();
        assertThat(each.out()).contains("3 runs in 3 groups");
        assertThat(Files.readAllBytes(dir.resolve("entropy.png"))).startsWith(bytes(0x89, 'P', 'N', 'G'));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void anUnknownColumnOrADirectoryWithoutProgressCsvIsBadInput(@TempDir Path dir) throws Exception {
        String run = run(dir, "kfac", 1, 5).toString();
        Result column = acktr("plot", run, "--y", "reward", "--out", dir.resolve("c.png").toString());
        assertThat(column.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(column.err()).contains("\"reward\"").contains("columns: env_steps, updates, mean_return, entropy");
        Result missing = acktr("plot", dir.toString(), "--out", dir.resolve("c.png").toString());
        assertThat(missing.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(missing.err()).contains("holds no progress.csv");
        Result format = acktr("plot", run, "--out", dir.resolve("c.svg").toString());
        assertThat(format.exitCode()).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(format.err()).contains("expected a .png file");
        assertThat(dir.resolve("c.png")).doesNotExist();
    }

    private static String[] concat(String[] runs, String... options) {
        String[] args = new String[1 + runs.length + options.length];
        args[0] = "plot";
        System.arraycopy(runs, 0, args, 1, runs.length);
        System.arraycopy(options, 0, args, 1 + runs.length, options.length);
        return args;
    }
}
