package io.acktr.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.vector.SyncVectorEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Environment steps per second of {@code gymnasium/<id>} through the bridge: {@value #ENVIRONMENTS}
 * environments in a {@link SyncVectorEnvironment} (one message to the worker per vector step,
 * finished episodes reset on the same step), stepped with uniformly random actions drawn in
 * advance. The baseline is Gymnasium's own {@code SyncVectorEnv} loop in Python with the same
 * number of environments, {@code acktr-bench/src/main/python/gymnasium_sync_vector_baseline.py}.
 * The interpreter is {@code ACKTR_GYMNASIUM_PYTHON} (as {@code .ci/run} sets it), else
 * {@code python3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.COLLECTOR, ForkSettings.INITIAL_HEAP, ForkSettings.YOUNG_GENERATION, ForkSettings.HEAP})
public class GymnasiumBridgeBenchmark {
    static final int ENVIRONMENTS = 8;
    private static final int ACTION_ROWS = 1024;

    /** The Gymnasium id. */
    @Param({"CartPole-v1", "Hopper-v5"})
    public String id;

    private SyncVectorEnvironment vector;
    private double[][][] actions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String python = System.getenv().getOrDefault("ACKTR_GYMNASIUM_PYTHON", "python3");
        Config settings = ConfigFactory.defaultReference()
                .withValue("acktr.env.gymnasium.python", ConfigValueFactory.fromAnyRef(python));
        EnvironmentRegistry registry = EnvironmentRegistry.load(getClass().getClassLoader(), settings);
        List<Environment> environments = new ArrayList<>();
        for (int i = 0; i < ENVIRONMENTS; i++) {
            environments.add(registry.create("gymnasium/" + id));
        }
        vector = new SyncVectorEnvironment(environments);
        vector.reset(1);
        SplittableRandom random = new SplittableRandom(1);
        actions = new double[ACTION_ROWS][ENVIRONMENTS][];
        for (double[][] row : actions) {
            for (int i = 0; i < ENVIRONMENTS; i++) {
                row[i] = randomAction(vector, random);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENVIRONMENTS)
    public Object vectorStep() {
        double[][] row = actions[next];
        next = (next + 1) % ACTION_ROWS;
        return vector.step(row);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vector.close();
    }

    private static double[] randomAction(SyncVectorEnvironment vector, SplittableRandom random) {
        if (vector.actionSpace() instanceof DiscreteSpace discrete) {
            return new double[] {random.nextInt(discrete.n())};
        }
        BoxSpace box = (BoxSpace) vector.actionSpace();
        double[] action = new double[box.flatSize()];
        for (int i = 0; i < action.length; i++) {
            action[i] = random.nextDouble(box.low(i), box.high(i));
        }
        return action;
    }
}
