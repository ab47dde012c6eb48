package io.acktr.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.runtime.settings.ConfigLoader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A network and a batch to benchmark on, named as in {@code -p preset=cartpole-16x20}. The network
 * and the run it belongs to are HOCON, {@value #RESOURCES}{@code <id>.conf}, layered over every
 * module's {@code reference.conf} like a user's {@code --config} file; the batch comes from the
 * preset's {@link Workload}. The presets pin the network (sizes, activation, data type) instead of
 * inheriting the defaults, so that a change of defaults does not silently change a benchmark.
 *
 * <p>Another network is one more constant and one more {@code .conf} file, as
 * {@link #NATURE_CNN_32X20}: {@code acktr.policy.type = cnn} in its file and a
 * {@link SyntheticBatch} of image observations here.
 */
public enum Preset {
    /** CartPole-v1 (4 observations, 2 actions), 16 environments x 20 steps, 64-64 tanh MLP. */
    CARTPOLE_16X20("cartpole-16x20", new EnvironmentRollout()),
    /** CartPole-v1, 32 environments x 20 steps, 64-64 tanh MLP. */
    CARTPOLE_32X20("cartpole-32x20", new EnvironmentRollout()),
    /** 17 observations, a 6-dimensional diagonal Gaussian action (MuJoCo-sized), batch 2048, 64-64 tanh MLP. */
    GAUSSIAN_17X6_2048("gaussian-17x6-2048", new SyntheticBatch(
            BoxSpace.uniform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 17), BoxSpace.uniform(-1, 1, 6), 2048)),
    /**
     * The Nature-DQN CNN of the Atari runs on 84x84x4 frames, Discrete(6), 32 environments x 20 steps
     * = a synthetic batch of 640.
     */
    NATURE_CNN_32X20("nature-cnn-32x20", new SyntheticBatch(
            BoxSpace.uniform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 84, 84, 4), new DiscreteSpace(6), 640));

    /** Class-path folder of the presets' configurations. */
    public static final String RESOURCES = "io/acktr/bench/presets/";

    private final String id;
    private final Workload workload;

    Preset(String id, Workload workload) {
        this.id = id;
        this.workload = workload;
    }

    public String id() {
        return id;
    }

    public Workload workload() {
        return workload;
    }

    /** The preset's own layer of configuration (not yet merged with the references). */
    public Config configuration(ClassLoader classLoader) {
        return ConfigFactory.parseResources(classLoader, RESOURCES + id + ".conf",
                ConfigParseOptions.defaults().setAllowMissing(false));
    }

    /**
     * The resolved configuration of a run of this preset, as {@code acktr train --config <preset>
     * --set ...} would load and validate it.
     */
    public Config load(ClassLoader classLoader, List<String> overrides) {
        return ConfigLoader.load(classLoader, configuration(classLoader), overrides);
    }

    /** The preset with this id; an unknown id fails naming the known ones. */
    public static Preset of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("preset \"" + id + "\": no such preset; known: "
                        + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", "))));
    }
}
