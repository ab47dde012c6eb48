package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.acktr.runtime.bus.ClusterObserver;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.cluster.ClusterVertx;
import io.acktr.runtime.cluster.SuiteCoordinator;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.runtime.suite.PlannedRun;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the suite commands share: which suite, where its results go, overrides; and running it. */
final class SuiteOptions {
    @Option(names = "--suite", paramLabel = "FILE", description = "HOCON suite file (default: the built-in one).")
    Path suite;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Directory for results.md, results.json and the runs (default: runs/<command>-<time>).")
    Path out;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Override a setting in every run.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check every run's configuration and list the runs; train nothing.")
    boolean dryRun;

    @Option(names = "--tasks", paramLabel = "NAME", split = ",", description = "Run only these tasks of the suite.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--merge", paramLabel = "DIR", split = ",",
            description = "Train nothing: combine the results.json of these directories (parts of this suite) into --out.")
    List<Path> merge = new ArrayList<>();

    @Option(names = {"-j", "--jobs"}, description = "Runs trained at the same time (default: ${DEFAULT-VALUE}); more than"
            + " one shortens the suite on several cores, but each run's update times then include the others' load.")
    int jobs = 1;

    @Option(names = "--variants", paramLabel = "NAME", split = ",", description = "Run only these variants of the suite.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "SEEDS", split = ",",
            description = "Run these seeds instead of the suite's, e.g. 1-3 or 1,5,11-20.")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--cluster", description = "Coordinate: join the cluster (--join) and hand every run to a free slot of"
            + " its nodes (acktr node) instead of training here; on an --out of an earlier session, skip the runs complete"
            + " there.")
    boolean cluster;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Mixin
    DashboardOptions dashboardOptions = new DashboardOptions();

    int run(String command, String builtInSuite, PrintWriter out) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config file = suite != null
                ? ConfigLoader.parseFile(suite)
                : ConfigFactory.parseResources(loader, builtInSuite, ConfigParseOptions.defaults().setAllowMissing(false));
        SuiteDefinition restricted = SuiteDefinition.from(file.resolve()).only(tasks, variants);
        SuiteDefinition definition = seeds.isEmpty() ? restricted : restricted.withSeeds(seeds);
        Path directory = this.out != null ? this.out
                : Path.of("runs", command + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        ClusterSettings clusterSettings = cluster ? clusterOptions.settings(loader, overrides, true) : null;
        if (!cluster && Files.exists(directory.resolve("results.json"))) {
            throw new ConfigException.BadValue("--out", directory + " already holds results.json; choose another directory");
        }
        if (!merge.isEmpty()) {
            List<io.acktr.runtime.suite.RunResult> runs = io.acktr.runtime.suite.SuiteReport.readRuns(merge);
            new io.acktr.runtime.suite.SuiteReport(definition).write(directory, runs);
            out.println("merged " + runs.size() + " runs into " + directory.resolve("results.md") + " and "
                    + directory.resolve("results.json"));
            out.flush();
            return 0;
        }
        List<PlannedRun> planned = new SuiteRunner(definition, loader, overrides, new GuicePluginLookup(loader)).plan(directory);
        int runs = planned.size();
        out.printf("%s: %d tasks x %d variants x %d seeds = %d runs; results in %s%n", definition.name(),
                definition.tasks().size(), definition.variants().size(), definition.seeds().size(), runs, directory);
        if (dryRun) {
            definition.tasks().forEach(t -> definition.variants().forEach(v -> out.printf("  %s (%s, %d steps, threshold %s) x %s%n",
                    t.name(), t.environmentId(), t.totalSteps(), t.threshold(), v.name())));
            out.flush();
            return 0;
        }
        out.flush();
        if (jobs < 1) {
            throw new ConfigException.BadValue("--jobs", jobs + ": must be >= 1");
        }
        try (DashboardProvider.LiveDashboard dashboard = dashboardOptions.start(loader,
                ConfigLoader.load(loader, java.util.Optional.empty(), overrides), out)) {
            if (cluster) {
                runClustered(definition, planned, directory, clusterSettings, out, DashboardOptions.clusterObserver(dashboard));
            } else {
                new SuiteRunner(definition, loader, overrides, new GuicePluginLookup(loader), DashboardOptions.observer(dashboard))
                        .run(directory, out, jobs);
            }
        }
        out.println("wrote " + directory.resolve("results.md") + " and " + directory.resolve("results.json"));
        out.flush();
        return 0;
    }

    private static void runClustered(SuiteDefinition definition, List<PlannedRun> planned, Path directory,
                                     ClusterSettings settings, PrintWriter out, ClusterObserver observer) {
        ClusterVertx.Joined joined = ClusterVertx.join(settings);
        try {
            out.printf("coordinator joined the cluster %s on %s (event bus %s), members %s%n", settings.name(),
                    joined.hazelcastAddress(), joined.eventBusAddress(), settings.members());
            out.flush();
            new SuiteCoordinator(joined.vertx(), settings, definition, planned, directory, out, observer).run();
        } finally {
            joined.close();
        }
    }
}
