package io.acktr.runtime.lifecycle;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.Policy;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.render.EpisodeRecorder;
import io.acktr.envs.wrappers.EpisodeStatistics;
import io.acktr.envs.wrappers.WrapperChain;
import io.acktr.numerics.Vectors;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.plugins.RunPlugins;
import io.acktr.runtime.settings.RunSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Plays a saved policy, assembled from a run's validated configuration as {@link TrainingSession}
 * assembles it: one environment of {@code acktr.env.id}, wrapped for evaluation by the run's
 * wrappers with the checkpoint's normalisation statistics (frozen), and the configured policy
 * plugin, built for that environment's spaces, holding the checkpoint's parameters.
 */
public final class EvaluationSession {
    private final Config config;
    private final ClassLoader classLoader;
    private final PluginLookup pluginLookup;

    public EvaluationSession(Config config, ClassLoader classLoader, PluginLookup pluginLookup) {
        this.config = requireNonNull(config, "config is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
        this.pluginLookup = requireNonNull(pluginLookup, "pluginLookup is null");
    }

    /**
     * Plays {@code episodes} episodes; episode {@code i} (from 0) starts from {@code reset(seed + i)}.
     * Actions are each distribution's mode, or samples from a generator seeded with {@code seed}
     * when {@code stochastic}. Returns are raw: what the environment paid before any reward
     * normalisation, as {@link EpisodeStatistics} records it.
     *
     * @throws InvalidCheckpointException when the checkpoint does not fit the policy or the wrappers
     */
    public EvaluationResult evaluate(Checkpoint checkpoint, int episodes, long seed, boolean stochastic) {
        return evaluate(checkpoint, episodes, seed, stochastic, Optional.empty(), 1);
    }

    /**
     * {@link #evaluate(Checkpoint, int, long, boolean)}, recording the first episode as an animated
     * GIF into {@code gif}, if present, at {@code framesPerSecond}: frames of the environment as it
     * draws itself, before any wrapper.
     *
     * @throws UnsupportedOperationException when a GIF is asked of an environment that cannot render
     */
    public EvaluationResult evaluate(Checkpoint checkpoint, int episodes, long seed, boolean stochastic, Optional<Path> gif,
                                     int framesPerSecond) {
        requireNonNull(checkpoint, "checkpoint is null");
        requireNonNull(gif, "gif is null");
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        RunSettings run = RunSettings.from(config);
        RunPlugins plugins = pluginLookup.forRun(config);
        WrapperChain wrappers = new WrapperChain(run.wrappers());
        checkpoint.restoreStatistics(wrappers);
        Environment created = TrainingSession.createEnvironment(EnvironmentRegistry.load(classLoader, config), run);
        Environment raw = gif.isPresent() ? EpisodeRecorder.firstEpisodeGif(created, gif.get(), framesPerSecond) : created;
        try (Environment environment = wrappers.wrapForEvaluation(raw)) {
            Policy policy = plugins.policy().create(environment.observationSpace(), environment.actionSpace(), run.seed());
            checkpoint.restoreParameters(policy);
            EpisodeStatistics statistics = EpisodeStatistics.find(environment)
                    .orElseThrow(() -> new IllegalStateException("the wrapper chain lost its episode monitor"));
            SplittableRandom random = new SplittableRandom(seed);
            double[] returns = new double[episodes];
            long[] lengths = new long[episodes];
            for (int episode = 0; episode < episodes; episode++) {
                double[] observation = environment.reset(seed + episode);
                StepResult step;
                do {
                    ActionDistribution distribution = policy.forward(row(observation)).distribution();
                    INDArray action = stochastic ? distribution.sample(random) : distribution.mode();
                    step = environment.step(Vectors.toDoubles(action));
                    observation = step.observation();
                } while (!step.done());
                returns[episode] = statistics.lastEpisodeReturn();
                lengths[episode] = statistics.lastEpisodeLength();
            }
            return new EvaluationResult(returns, lengths);
        }
    }

    private static INDArray row(double[] observation) {
        return Nd4j.create(observation, new long[] {1, observation.length}, DataType.DOUBLE);
    }
}
