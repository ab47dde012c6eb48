package io.acktr.runtime.bootstrap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.registry.UnknownEnvironmentException;
import io.acktr.envs.render.EpisodeRecorder;
import io.acktr.envs.render.RecordingFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code acktr record}: renders episodes of an environment to animated GIFs or PNG frames. */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = "Record episodes of an environment, acting uniformly at random, as animated GIFs or PNG frames:"
                + " a quick look at what an environment shows and how its episodes end.")
final class RecordCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV_ID", description = "A Gymnasium id, see `acktr envs`.")
    String environmentId;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where the recordings go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("recordings");

    @Option(names = "--format", description = "gif or png (numbered frames per episode; default: ${DEFAULT-VALUE}).")
    String format = "gif";

    @Option(names = "--episodes", description = "Episodes to record (default: ${DEFAULT-VALUE}).")
    int episodes = 1;

    @Option(names = "--seed", description = "Seeds the environment and the random actions (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--fps", description = "GIF playback rate (default: ${DEFAULT-VALUE}).")
    int framesPerSecond = 30;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting the environment reads, e.g. acktr.env.gymnasium.python=/opt/venv/bin/python.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--max-steps", description = "Steps per episode at most (default: ${DEFAULT-VALUE}).")
    int maxSteps = 1000;

    @Override
    public Integer call() {
        RecordingFormat recordingFormat = switch (format) {
            case "gif" -> RecordingFormat.GIF;
            case "png" -> RecordingFormat.PNG_FRAMES;
            default -> throw new ConfigException.BadValue("--format", "\"" + format + "\": expected gif or png");
        };
        if (episodes < 1 || maxSteps < 1 || framesPerSecond < 1 || framesPerSecond > 100) {
            throw new ConfigException.BadValue("--episodes", "episodes and max-steps must be >= 1 and fps in [1, 100]");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Config settings = ConfigLoader.load(loader, Optional.empty(), overrides);
        EnvironmentRegistry registry = EnvironmentRegistry.load(loader, settings);
        Environment environment;
        try {
            environment = registry.create(environmentId);
        } catch (UnknownEnvironmentException e) {
            throw new ConfigException.BadValue("ENV_ID", e.getMessage());
        }
        SplittableRandom random = new SplittableRandom(seed);
        PrintWriter console = spec.commandLine().getOut();
        try (EpisodeRecorder recorder = new EpisodeRecorder(environment, out, recordingFormat, framesPerSecond)) {
            for (int episode = 0; episode < episodes; episode++) {
                double episodeReturn = 0;
                int steps = 0;
                recorder.reset(seed + episode);
                StepResult result;
                do {
                    result = recorder.step(randomAction(recorder.actionSpace(), random));
                    episodeReturn += result.reward();
                    steps++;
                } while (!result.done() && steps < maxSteps);
                console.printf("episode %d: %d steps, return %.2f -> %s%n", episode, steps, episodeReturn,
                        recorder.recordings().get(episode));
            }
        }
        console.flush();
        return 0;
    }

    /** A uniformly random action: an index, or a point of the box (standard normal where unbounded). */
    static double[] randomAction(Space space, SplittableRandom random) {
        if (space instanceof DiscreteSpace discrete) {
            return new double[] {random.nextInt(discrete.n())};
        }
        BoxSpace box = (BoxSpace) space;
        double[] action = new double[box.flatSize()];
        for (int i = 0; i < action.length; i++) {
            double low = box.low(i);
            double high = box.high(i);
            action[i] = Double.isFinite(low) && Double.isFinite(high) ? low + (high - low) * random.nextDouble()
                    : random.nextGaussian();
        }
        return action;
    }
}
