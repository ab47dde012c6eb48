package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.cluster.ClusterSettings;
import io.acktr.runtime.cluster.ClusterVertx;
import io.acktr.runtime.cluster.RemoteRolloutWorkers;
import io.acktr.runtime.bus.RunObserver;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.TrainingSession;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.runtime.settings.RuntimeSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code acktr train}: trains with the embedded defaults, a config file and overrides. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a policy. With no --config: ACKTR on CartPole-v1 with the built-in defaults.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "HOCON file layered over the defaults: the same tuned CartPole-v1 run as without --config,"
                    + " unless --defaults reference (or acktr.defaults = reference in the file) says otherwise.")
    Path config;

    @Option(names = "--defaults", paramLabel = "BASE",
            description = "What --config and --set are layered over: default-run (the default) or reference"
                    + " (each module's reference.conf alone); the same as --set acktr.defaults=BASE.")
    String defaults;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its checkpoint, in place, with its own configuration;"
                    + " --set may change only acktr.total-steps and how the run runs (acktr.checkpoint.*, acktr.runtime.*,"
                    + " acktr.logging.*, acktr.memory.*, acktr.divergence.*), not --config.")
    Path resume;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Override one setting, e.g. --set acktr.seed=2.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--watch-return", paramLabel = "R",
            description = "Report the env steps at which the mean return of the last 100 episodes first reached R.")
    Double watchReturn;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on the console.")
    boolean quiet;

    @Option(names = "--cluster", description = "Join a cluster (--cluster-host, --join) and step the environments on"
            + " --rollout-nodes of its nodes (acktr node) while this process updates; the event bus is not encrypted"
            + " (unless acktr.cluster.tls.enabled): keep the cluster on a private network.")
    boolean cluster;

    @Mixin
    ClusterOptions clusterOptions = new ClusterOptions();

    @Option(names = "--rollout-nodes", paramLabel = "M", description = "With --cluster: M rollout workers, each on a"
            + " node of the cluster, sharing the run's environments (sets acktr.runtime.rollout-workers = M).")
    Integer rolloutNodes;

    @Mixin
    DashboardOptions dashboardOptions = new DashboardOptions();

    @Override
    public Integer call() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (resume != null && (config != null || defaults != null)) {
            throw new ConfigException.BadValue("--resume", "takes the run's own configuration (its config.conf);"
                    + " --config and --defaults cannot be combined with it");
        }
        List<String> all = new ArrayList<>(overrides);
        if (defaults != null) {
            all.add(ConfigLoader.DEFAULTS + "=" + defaults);
        }
        if (cluster != (rolloutNodes != null)) {
            throw new ConfigException.BadValue(cluster ? "--rollout-nodes" : "--cluster", cluster
                    ? "acktr train --cluster needs --rollout-nodes M, the number of nodes that step the environments"
                    : "--rollout-nodes places rollout workers on the nodes of a cluster: give --cluster too");
        }
        if (rolloutNodes != null) {
            if (rolloutNodes < 1) {
                throw new ConfigException.BadValue("--rollout-nodes", rolloutNodes + ": must be >= 1");
            }
            all.add(RuntimeSettings.ROLLOUT_WORKERS + "=" + rolloutNodes);
        }
        if (resume != null && cluster) {
            throw new ConfigException.BadValue("--resume", "continues a run on this machine; --cluster cannot be combined"
                    + " with it yet");
        }
        Config resolved = resume != null ? ConfigLoader.forResume(loader, resume, all)
                : ConfigLoader.load(loader, Optional.ofNullable(config), all);
        PrintWriter out = spec.commandLine().getOut();
        TrainingSession session = new TrainingSession(resolved, loader, new GuicePluginLookup(loader));
        OptionalDouble watch = watchReturn == null ? OptionalDouble.empty() : OptionalDouble.of(watchReturn);
        TrainingSummary summary;
        try (DashboardProvider.LiveDashboard dashboard = dashboardOptions.start(loader, resolved, out)) {
            summary = train(loader, resolved, session, watch, DashboardOptions.observer(dashboard), out);
        }
        out.printf(Locale.ROOT, "done: %d env steps, %d updates, %d episodes, mean return (last 100) %.2f%s%n",
                summary.envSteps(), summary.updates(), summary.episodes(), summary.finalMeanReturn(),
                summary.skippedUpdates() > 0 ? ", " + summary.skippedUpdates() + " skipped updates" : "");
        if (watchReturn != null) {
            out.println(summary.firstStepsAtThreshold().isPresent()
                    ? "reached mean return " + watchReturn + " at env step " + summary.firstStepsAtThreshold().getAsLong()
                    : "did not reach mean return " + watchReturn);
        }
        out.flush();
        return 0;
    }

    private TrainingSummary train(ClassLoader loader, Config resolved, TrainingSession session, OptionalDouble watch,
                                  RunObserver observer, PrintWriter out) {
        if (resume != null) {
            return session.resume(resume, quiet ? null : out, watch, List.of(), observer);
        }
        if (!cluster) {
            return session.train(quiet ? null : out, watch, List.of(), observer);
        }
        RuntimeSettings.from(resolved); // a bad --rollout-nodes fails before joining
        ClusterSettings settings = clusterOptions.settings(loader, overrides, true);
        ClusterVertx.Joined joined = ClusterVertx.join(settings);
        try {
            out.printf("learner joined the cluster %s on %s (event bus %s), members %s%n", settings.name(),
                    joined.hazelcastAddress(), joined.eventBusAddress(), settings.members());
            out.flush();
            return session.withRolloutPlacement(RemoteRolloutWorkers.placement(joined.vertx(), settings, out))
                    .train(quiet ? null : out, watch, List.of(), observer);
        } finally {
            joined.close();
        }
    }
}
