package io.acktr.runtime.bootstrap;

import io.acktr.runtime.plot.ChartWriter;
import io.acktr.runtime.plot.CurveBand;
import io.acktr.runtime.plot.LearningCurves;
import io.acktr.runtime.statistics.StratifiedBootstrap;
import io.acktr.runtime.suite.SuiteStatistics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acktr plot}: learning curves of run directories as PNG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Draw the learning curves of run directories (their progress.csv) into one PNG chart.",
                "Runs of one group (by default: the same parent folder, i.e. one variant of a suite) are drawn as"
                + " one line, the interquartile mean (IQM) of the runs at each x (each run interpolated linearly),"
                + " with a band: the 95%% percentile bootstrap interval of that IQM (2,000 resamples, fixed seed)."
                + " A group of one run is a plain line."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run directories written by `acktr train` or a suite.")
    List<Path> runDirectories;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "The chart, a .png file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("learning-curves.png");

    @Option(names = "--x", paramLabel = "COLUMN", description = "Column of the x axis: env_steps or updates (default: ${DEFAULT-VALUE}).")
    String x = "env_steps";

    @Option(names = "--y", paramLabel = "COLUMN", description = "Column of the y axis, e.g. mean_return, entropy, kl,"
            + " value_loss, step_size (default: ${DEFAULT-VALUE}).")
    String y = "mean_return";

    @Option(names = "--group-by", paramLabel = "HOW", description = "folder (runs in one parent folder), config (same"
            + " curvature and step-size rule in config.conf) or run (no grouping) (default: ${DEFAULT-VALUE}).")
    String groupBy = "folder";

    @Option(names = "--title", description = "Title of the chart (default: the y column over the x column).")
    String title;

    @Override
    public Integer call() {
        LearningCurves.Grouping grouping = LearningCurves.Grouping.named(groupBy);
        if (!x.equals("env_steps") && !x.equals("updates")) {
            throw new IllegalArgumentException("--x \"" + x + "\": expected env_steps or updates");
        }
        String name = out.getFileName().toString();
        if (!name.endsWith(".png")) {
            throw new IllegalArgumentException("--out \"" + out + "\": expected a .png file");
        }
        StratifiedBootstrap bootstrap = new StratifiedBootstrap(SuiteStatistics.RESAMPLES, SuiteStatistics.BOOTSTRAP_SEED,
                SuiteStatistics.LEVEL);
        List<CurveBand> bands = LearningCurves.bands(runDirectories, x, y, grouping, bootstrap);
        ChartWriter.write(ChartWriter.curves(title != null ? title : y + " over " + x, x, y, bands), out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("%d runs in %d groups -> %s%n", bands.stream().mapToInt(CurveBand::runs).sum(), bands.size(), out);
        console.flush();
        return 0;
    }
}
