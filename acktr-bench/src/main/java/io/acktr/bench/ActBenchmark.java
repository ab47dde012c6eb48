package io.acktr.bench;

import io.acktr.api.policy.ActingPolicy;
import io.acktr.api.policy.Actor;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The act step of a rollout as the collector runs it once per environment step, on the first rows
 * of the preset's batch, by one of two paths:
 * <ul>
 *   <li>{@code forward}: the environments' observations from plain arrays into a matrix, the
 *       policy's tensor forward pass, one sampled action per environment and the state values
 *       back into plain arrays (the path of a policy that is not an {@link ActingPolicy});</li>
 *   <li>{@code actor}: the {@link ActingPolicy}'s {@link Actor} on the observations, in plain
 *       arrays from end to end, each row drawing from its own stream (the collector's path for
 *       an MLP); the actor is made once per trial, as the collector makes one per rollout.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkSettings.COLLECTOR, ForkSettings.INITIAL_HEAP, ForkSettings.YOUNG_GENERATION, ForkSettings.HEAP, ForkSettings.SINGLE_THREADED})
public class ActBenchmark {
    /** A {@link Preset} id: the network. */
    @Param({"cartpole-16x20", "gaussian-17x6-2048"})
    public String preset;

    /** Observations per act step: the number of environments. */
    @Param({"8", "16"})
    public int observations;

    /** {@code forward} (a tensor forward pass) or {@code actor} (the policy's plain-array {@link Actor}). */
    @Param({"forward", "actor"})
    public String path = "forward";

    private Policy policy;
    private Actor actor;
    private double[] flatRows;
    private List<RandomGenerator> rowStreams;
    private double[] actorActions;
    private double[] actorValues;
    private double[][] rows;
    private int width;
    private SplittableRandom random;

    /** Builds the policy and takes the observations from its batch. */
    @Setup(Level.Trial)
    public void setUp() {
        TrainingFixture fixture = TrainingFixture.create(Preset.of(preset), Variant.A2C);
        INDArray batch = fixture.batch().observations();
        if (observations < 1 || observations > batch.rows()) {
            throw new IllegalArgumentException("observations = " + observations + ": must be between 1 and the batch size "
                    + batch.rows() + " of preset " + preset);
        }
        policy = fixture.policy();
        width = batch.columns();
        rows = new double[observations][];
        for (int i = 0; i < observations; i++) {
            rows[i] = batch.getRow(i).toDoubleVector();
        }
        random = new SplittableRandom(fixture.config().getLong("acktr.seed"));
        flatRows = new double[observations * width];
        for (int i = 0; i < observations; i++) {
            System.arraycopy(rows[i], 0, flatRows, i * width, width);
        }
        if (path.equals("actor")) {
            if (!(policy instanceof ActingPolicy acting)) {
                throw new IllegalArgumentException("path = actor: the policy of preset " + preset + " is not an ActingPolicy");
            }
            actor = acting.actor();
            actorActions = new double[observations * actor.actionWidth()];
            actorValues = new double[observations];
            rowStreams = new ArrayList<>();
            for (int i = 0; i < observations; i++) {
                rowStreams.add(random.split());
            }
        } else if (!path.equals("forward")) {
            throw new IllegalArgumentException("path = " + path + ": must be forward or actor");
        }
    }

    /** One act step; returns the actions (one row per observation), consumes the values. */
    @Benchmark
    public double[][] act(Blackhole values) {
        if (actor != null) {
            actor.act(flatRows, observations, rowStreams, actorActions, actorValues);
            values.consume(actorValues);
            double[][] actions = new double[observations][];
            int actionWidth = actor.actionWidth();
            for (int i = 0; i < observations; i++) {
                actions[i] = Arrays.copyOfRange(actorActions, i * actionWidth, (i + 1) * actionWidth);
            }
            return actions;
        }
        double[] flat = new double[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        ForwardPass pass = policy.forward(Nd4j.create(flat, new long[] {rows.length, width}, DataType.DOUBLE));
        double[][] actions = pass.distribution().sample(random).castTo(DataType.DOUBLE).toDoubleMatrix();
        values.consume(pass.values().castTo(DataType.DOUBLE).toDoubleVector());
        return actions;
    }
}
