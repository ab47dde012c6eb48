package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.lifecycle.Checkpoint;
import io.acktr.runtime.lifecycle.CheckpointStore;
import io.acktr.runtime.lifecycle.EvaluationResult;
import io.acktr.runtime.lifecycle.EvaluationSession;
import io.acktr.runtime.lifecycle.RunDirectory;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acktr evaluate}: plays the policy a training run saved, with its normalisation statistics frozen. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate the policy a training run saved in RUN_DIR/checkpoint.",
                "Plays it on one environment of the run's configuration, with the run's",
                "normalisation statistics frozen, and prints each episode's raw return and",
                "length, then the mean and standard deviation of the returns.",
                "--record FILE.gif also records the first episode as an animated GIF.",
                "--checkpoint picks another kept checkpoint: best, update-<N>, or all of them."})
final class EvaluateCommand implements Callable<Integer> {
    private static final String LATEST = "latest";
    private static final String BEST = "best";
    private static final String ALL = "all";
    private static final String ALLOWED = "latest, best, all or update-<N>";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory written by `acktr train`.")
    Path runDirectory;

    @Option(names = "--episodes", paramLabel = "N", description = "Episodes to play (default: ${DEFAULT-VALUE}).")
    int episodes = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Episode i (from 0) starts from a reset with seed + i; also seeds the "
            + "sampling of --stochastic (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--stochastic", description = "Sample each action from the policy's distribution instead of "
            + "taking its most likely action.")
    boolean stochastic;

    @Option(names = "--record", paramLabel = "FILE.gif", description = "Also record the first episode as an animated GIF.")
    Path record;

    @Option(names = "--checkpoint", paramLabel = "WHICH", description = "Which checkpoint: latest (RUN_DIR/checkpoint), "
            + "best (RUN_DIR/best, the highest mean training return), update-<N> (kept in RUN_DIR/checkpoints), or all "
            + "(every kept one, oldest first, then the latest; one summary line each) (default: ${DEFAULT-VALUE}).")
    String which = LATEST;

    @Option(names = "--fps", description = "Playback rate of the GIF of --record (default: ${DEFAULT-VALUE}).")
    int framesPerSecond = 30;

    @Override
    public Integer call() {
        if (record != null && !record.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
            throw new ConfigException.BadValue("--record", "\"" + record + "\": expected a .gif file");
        }
        if (framesPerSecond < 1 || framesPerSecond > 100) {
            throw new ConfigException.BadValue("--fps", framesPerSecond + ": must be in [1, 100]");
        }
        if (episodes < 1) {
            throw new ConfigException.BadValue("--episodes", episodes + ": must be >= 1");
        }
        if (!Files.isDirectory(runDirectory)) {
            throw new ConfigException.BadValue("RUN_DIR", "\"" + runDirectory + "\": no such directory");
        }
        Path configFile = runDirectory.resolve(RunDirectory.CONFIG_FILE);
        if (!Files.isRegularFile(configFile)) {
            throw new ConfigException.BadValue("RUN_DIR", "\"" + runDirectory + "\": holds no " + RunDirectory.CONFIG_FILE
                    + ", so it is not a run directory of `acktr train`");
        }
        Config saved = ConfigLoader.parseFile(configFile);
        if (!saved.hasPath("acktr")) {
            // e.g. written by an acktr that rendered the block without its braces
            throw new ConfigException.BadValue("RUN_DIR", "\"" + configFile + "\": holds no acktr { ... } block, so the run's "
                    + "configuration cannot be read back");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config config = ConfigLoader.load(loader, saved, List.of());
        List<Supplier<Checkpoint>> checkpoints = checkpoints();
        boolean summaries = which.equals(ALL);
        if (summaries && record != null) {
            throw new ConfigException.BadValue("--record", "records one checkpoint's episode; not with --checkpoint " + ALL);
        }
        PrintWriter out = spec.commandLine().getOut();
        String actions = stochastic ? "sampled" : "most likely";
        EvaluationSession session = new EvaluationSession(config, loader, new GuicePluginLookup(loader));
        for (Supplier<Checkpoint> kept : checkpoints) {
            Checkpoint checkpoint = kept.get();
            EvaluationResult result;
            try {
                result = session.evaluate(checkpoint, episodes, seed, stochastic, Optional.ofNullable(record), framesPerSecond);
            } catch (UnsupportedOperationException e) {
                throw new ConfigException.BadValue("--record", e.getMessage());
            }
            if (summaries) {
                out.printf(Locale.ROOT, "update %d, env step %d: mean return %.2f +/- %.2f (standard deviation) over %d episodes, "
                        + "mean length %.1f, %s actions%n", checkpoint.updates(), checkpoint.envSteps(), result.meanReturn(),
                        result.returnStandardDeviation(), result.episodes(), result.meanLength(), actions);
                out.flush();
                continue;
            }
            out.printf(Locale.ROOT, "evaluating %s (update %d, env step %d) on %s: %d episodes, %s actions%n",
                    checkpoint.origin(), checkpoint.updates(), checkpoint.envSteps(), config.getString("acktr.env.id"), episodes,
                    actions);
            for (int i = 0; i < result.episodes(); i++) {
                out.printf(Locale.ROOT, "episode %d: return %.2f, length %d%n", i, result.returns()[i], result.lengths()[i]);
            }
            out.printf(Locale.ROOT, "mean return %.2f +/- %.2f (standard deviation) over %d episodes, mean length %.1f%n",
                    result.meanReturn(), result.returnStandardDeviation(), result.episodes(), result.meanLength());
            if (record != null) {
                out.printf(Locale.ROOT, "recorded episode 0 -> %s%n", record);
            }
        }
        out.flush();
        return 0;
    }

    /** The checkpoints {@code --checkpoint} names, each read when evaluated (a run keeps up to 1,000). */
    private List<Supplier<Checkpoint>> checkpoints() {
        CheckpointStore store = new CheckpointStore(runDirectory);
        List<Path> history = store.history();
        switch (which) {
            case LATEST:
                return List.of(store::read);
            case BEST:
                return List.of(CheckpointStore.best(runDirectory)::read);
            case ALL: {
                List<Supplier<Checkpoint>> all = new ArrayList<>();
                for (Path kept : history) {
                    all.add(() -> store.readHistory(kept));
                }
                all.add(store::read);
                return all;
            }
            default:
                break;
        }
        if (!which.matches("update-\\d+")) {
            throw new ConfigException.BadValue("--checkpoint", "\"" + which + "\": expected " + ALLOWED);
        }
        for (Path kept : history) {
            if (kept.getFileName().toString().equals(which)) {
                return List.of(() -> store.readHistory(kept));
            }
        }
        String names = history.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
        throw new ConfigException.BadValue("--checkpoint", "\"" + which + "\": not kept in "
                + runDirectory.resolve(CheckpointStore.HISTORY) + "; kept there: " + (names.isEmpty() ? "none" : names)
                + " (acktr.checkpoint.keep sets how many; latest and best are always there)");
    }
}
