package io.acktr.runtime.worker;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import io.acktr.runtime.algorithm.Advantages;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.settings.AlgorithmSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import io.acktr.policies.distributions.Matrices;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Steps a vector environment with the current policy for {@code n} steps and turns what it saw
 * into a {@link Batch} (the "collect" half of collect / train). Environment stepping stays in
 * plain arrays; the policy is called once per step on all environments at once.
 */
public final class RolloutCollector {
    private final SyncVectorEnvironment environments;
    private final AlgorithmSettings settings;
    private final RandomGenerator random;
    private final int observationSize;
    private double[][] observations;

    public RolloutCollector(SyncVectorEnvironment environments, AlgorithmSettings settings, RandomGenerator random, long seed) {
        this.environments = requireNonNull(environments, "environments is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.random = requireNonNull(random, "random is null");
        this.observationSize = environments.observationSpace().flatSize();
        this.observations = environments.reset(seed);
    }

    public Rollout collect(Policy policy) {
        int steps = settings.rolloutSteps();
        int envs = environments.size();
        int actionWidth = -1;
        double[][] flatObservations = new double[steps * envs][];
        double[][] flatActions = new double[steps * envs][];
        double[][] rewards = new double[steps][envs];
        double[][] values = new double[steps][envs];
        boolean[][] terminated = new boolean[steps][envs];
        boolean[][] truncated = new boolean[steps][envs];
        double[][] truncatedValues = new double[steps][envs];
        List<double[]> finalObservations = new ArrayList<>();
        List<int[]> finalIndices = new ArrayList<>();
        List<Double> episodeReturns = new ArrayList<>();
        List<Long> episodeLengths = new ArrayList<>();

        for (int t = 0; t < steps; t++) {
            ForwardPass pass = policy.forward(toMatrix(observations));
            INDArray sampled = pass.distribution().sample(random);
            double[][] actions = rows(Matrices.rowMajor(sampled), (int) sampled.rows(), (int) sampled.columns());
            double[] stepValues = Matrices.rowMajor(pass.values());
            pass.release(); // copied out: the next step's forward pass may reuse its arrays
            actionWidth = actions[0].length;
            VectorStep step = environments.step(actions);
            for (int e = 0; e < envs; e++) {
                flatObservations[t * envs + e] = observations[e];
                flatActions[t * envs + e] = actions[e];
                rewards[t][e] = step.rewards()[e];
                values[t][e] = stepValues[e];
                terminated[t][e] = step.terminated()[e];
                truncated[t][e] = step.truncated()[e] && !step.terminated()[e];
                if (truncated[t][e]) {
                    finalObservations.add(step.finalObservations()[e]);
                    finalIndices.add(new int[] {t, e});
                }
                if (step.done(e)) {
                    episodeReturns.add(step.episodeReturns()[e]);
                    episodeLengths.add(step.episodeLengths()[e]);
                }
            }
            observations = step.observations();
        }

        double[] lastValues = valuesOf(policy, observations);
        if (!finalObservations.isEmpty()) {
            double[] bootstrap = valuesOf(policy, finalObservations.toArray(double[][]::new));
            for (int i = 0; i < bootstrap.length; i++) {
                int[] te = finalIndices.get(i);
                truncatedValues[te[0]][te[1]] = bootstrap[i];
            }
        }
        double[][] advantages = Advantages.compute(rewards, values, terminated, truncated, truncatedValues, lastValues,
                settings.gamma(), settings.gaeLambda());
        double[] flatAdvantages = new double[steps * envs];
        double[] flatReturns = new double[steps * envs];
        for (int t = 0; t < steps; t++) {
            for (int e = 0; e < envs; e++) {
                flatAdvantages[t * envs + e] = advantages[t][e];
                flatReturns[t * envs + e] = advantages[t][e] + values[t][e];
            }
        }
        Batch batch = new Batch(Nd4j.create(flatObservations), Nd4j.create(flatActions),
                Nd4j.create(flatAdvantages, new long[] {steps * envs, 1}, DataType.DOUBLE),
                Nd4j.create(flatReturns, new long[] {steps * envs, 1}, DataType.DOUBLE));
        return new Rollout(batch, episodeReturns.stream().mapToDouble(Double::doubleValue).toArray(),
                episodeLengths.stream().mapToLong(Long::longValue).toArray());
    }

    private double[] valuesOf(Policy policy, double[][] rows) {
        ForwardPass pass = policy.forward(toMatrix(rows));
        double[] values = pass.values().castTo(DataType.DOUBLE).toDoubleVector();
        pass.release();
        return values;
    }

    private INDArray toMatrix(double[][] rows) {
        double[] flat = new double[rows.length * observationSize];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * observationSize, observationSize);
        }
        return Nd4j.create(flat, new long[] {rows.length, observationSize}, DataType.DOUBLE);
    }

    private static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, out[i], 0, columns);
        }
        return out;
    }
}
