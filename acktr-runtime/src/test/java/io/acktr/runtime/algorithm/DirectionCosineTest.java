package io.acktr.runtime.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.curvature.explicit.ExplicitFisherEstimator;
import io.acktr.curvature.explicit.ExplicitFisherSettings;
import io.acktr.curvature.identity.IdentityCurvatureEstimator;
import io.acktr.curvature.linalg.SymmetricEigen;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import io.acktr.runtime.settings.DirectionCosineSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The diagnostic's reference against a Fisher formed explicitly, on tiny actor-critic networks: the
 * exact Fisher of the joint model, {@code (1/N) sum_i [sum_a pi(a|s_i) g_ia g_ia^T + c^2 J_v,i^T J_v,i]}
 * with {@code g_ia = grad log pi(a|s_i)}, by enumerating the actions of every state one state at a time
 * (no Fisher-vector product, no sampling).
 */
class DirectionCosineTest {
    private static final int STATES = 12;
    private static final int ACTIONS = 3;
    private static final double C = 0.5; // value-fisher-coefficient
    private static final double DAMPING = 0.01;

    private static MlpPolicy policy(boolean sharedTorso) {
        return new MlpPolicy(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(ACTIONS),
                new MlpArchitecture(List.of(5), Activation.TANH, sharedTorso, DataType.DOUBLE), 7);
    }

    private static INDArray observations() {
        Nd4j.getRandom().setSeed(3);
        return Nd4j.randn(DataType.DOUBLE, STATES, 4);
    }

    private static Gradient gradient(MlpPolicy policy) {
        Nd4j.getRandom().setSeed(4);
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        for (ParameterBlock block : policy.parameters()) {
            blocks.put(block.name(), Nd4j.randn(DataType.DOUBLE, block.value().shape()));
        }
        return new Gradient(blocks);
    }

    /** A parameter-space vector as one row, blocks in the policy's order. */
    private static INDArray flat(MlpPolicy policy, Map<String, INDArray> blocks) {
        List<INDArray> parts = new ArrayList<>();
        for (ParameterBlock block : policy.parameters()) {
            INDArray b = blocks.get(block.name()).castTo(DataType.DOUBLE);
            parts.add(b.reshape('c', 1, b.length()));
        }
        return Nd4j.hstack(parts.toArray(INDArray[]::new));
    }

    /**
     * Rows {@code r} with {@code F = r^T r / rows}: per state, {@code sqrt(pi(a|s)) g_a} for every action
     * and {@code c J_v}, each times {@code sqrt(ACTIONS + 1)}.
     */
    private static INDArray exactFisherRows(MlpPolicy policy, INDArray observations) {
        List<INDArray> rows = new ArrayList<>();
        double scale = Math.sqrt(ACTIONS + 1);
        for (int i = 0; i < STATES; i++) {
            ForwardPass pass = policy.forward(observations.get(NDArrayIndex.interval(i, i + 1), NDArrayIndex.all()).dup());
            for (int a = 0; a < ACTIONS; a++) {
                INDArray action = Nd4j.valueArrayOf(new long[] {1, 1}, (double) a, DataType.DOUBLE);
                double p = Math.exp(pass.distribution().logProb(action).getDouble(0));
                INDArray g = flat(policy, policy.backward(pass, pass.distribution().logProbGradient(action),
                        Nd4j.zeros(DataType.DOUBLE, 1, 1)).gradients());
                rows.add(g.muli(Math.sqrt(p) * scale));
            }
            INDArray v = flat(policy, policy.backward(pass, Nd4j.zeros(DataType.DOUBLE, 1, ACTIONS),
                    Nd4j.valueArrayOf(new long[] {1, 1}, C, DataType.DOUBLE)).gradients());
            rows.add(v.muli(scale));
        }
        return Nd4j.vstack(rows.toArray(INDArray[]::new));
    }

    private static INDArray explicitSolve(INDArray rows, INDArray gradient) {
        INDArray fisher = rows.transpose().mmul(rows).divi(rows.rows());
        SymmetricEigen eigen = SymmetricEigen.of(fisher, 0); // (F + lambda I)^{-1} = Q diag(1 / (d + lambda)) Q^T
        INDArray projected = eigen.vectors().transpose().mmul(gradient.transpose());
        return eigen.vectors().mmul(projected.divi(eigen.values().reshape(projected.shape()).add(DAMPING))).transpose();
    }

    private static DirectionCosine diagnostic(MlpPolicy policy) {
        return DirectionCosine.of(new DirectionCosineSettings(1, DAMPING, 100, 1e-10), policy);
    }

    @Test
    void theConjugateGradientReferenceIsTheExplicitSolveOfTheExactFisher() {
        for (boolean shared : new boolean[] {false, true}) {
            MlpPolicy policy = policy(shared);
            INDArray observations = observations();
            Gradient gradient = gradient(policy);
            INDArray exact = explicitSolve(exactFisherRows(policy, observations), flat(policy, gradient.blocks()));
            INDArray reference = flat(policy, diagnostic(policy).reference(policy, policy.forward(observations), gradient, C));
            double relativeError = reference.sub(exact).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
            assertThat(relativeError).as("shared torso: " + shared).isLessThan(1e-8);
        }
    }

    @Test
    void theExplicitEstimatorOnTheSameFisherWithTheSameDampingPointsTheSameWayAndTheGradientDoesNot() {
        MlpPolicy policy = policy(true);
        INDArray observations = observations();
        INDArray rows = exactFisherRows(policy, observations);
        Map<String, INDArray> perSample = new LinkedHashMap<>();
        long offset = 0;
        for (ParameterBlock block : policy.parameters()) {
            long size = block.value().length();
            perSample.put(block.name(), rows.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + size)).dup());
            offset += size;
        }
        ExplicitFisherEstimator explicit = new ExplicitFisherEstimator(new ExplicitFisherSettings(DAMPING, 1000));
        explicit.observe(FisherPass.of(new FisherSample(List.of(), perSample, rows.rows())));
        Gradient gradient = gradient(policy);
        ForwardPass pass = policy.forward(observations);
        DirectionCosine diagnostic = diagnostic(policy);

        double explicitCosine = diagnostic.measure(policy, pass, gradient, explicit.precondition(gradient), C).joint();
        double identityCosine = diagnostic.measure(policy, pass, gradient, new IdentityCurvatureEstimator().precondition(gradient), C)
                .joint();

        assertThat(explicitCosine).isCloseTo(1.0, within(1e-9));
        assertThat(identityCosine).isLessThan(0.9);
    }

    @Test
    void perGroupTheCosineIgnoresHowTheDirectionWeighsTheActorAgainstTheCritic() {
        MlpPolicy policy = policy(false); // a separate actor and critic: two groups
        Map<String, String> groups = new LinkedHashMap<>();
        policy.parameters().forEach(block -> groups.put(block.name(), block.group()));
        assertThat(groups.values()).containsOnly("actor", "critic");
        Gradient gradient = new Gradient(gradient(policy).blocks(), groups);
        ForwardPass pass = policy.forward(observations());
        DirectionCosine diagnostic = diagnostic(policy);
        Map<String, INDArray> reference = diagnostic.reference(policy, pass, gradient, C);
        Map<String, INDArray> criticTenfold = new LinkedHashMap<>();
        reference.forEach((block, x) -> criticTenfold.put(block, groups.get(block).equals("critic") ? x.mul(10) : x));

        DirectionCosine.Measurement exact = diagnostic.measure(policy, pass, gradient, new Direction(reference, 1), C);
        DirectionCosine.Measurement rescaled = diagnostic.measure(policy, pass, gradient, new Direction(criticTenfold, 1), C);

        assertThat(exact.joint()).isCloseTo(1.0, within(1e-9));
        assertThat(exact.perGroup()).isCloseTo(1.0, within(1e-9));
        assertThat(rescaled.joint()).isLessThan(0.99);
        assertThat(rescaled.perGroup()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theCosineIsOfTheWholeVectorAndIgnoresScale() {
        Map<String, INDArray> x = new LinkedHashMap<>();
        x.put("a", Nd4j.createFromArray(1.0, 0.0));
        x.put("b", Nd4j.createFromArray(new float[] {0f}));
        Map<String, INDArray> y = new LinkedHashMap<>();
        y.put("a", Nd4j.createFromArray(2.0, 0.0));
        y.put("b", Nd4j.createFromArray(2.0));
        assertThat(DirectionCosine.cosine(x, y, List.of("a", "b"))).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(DirectionCosine.cosine(x, x, List.of("a", "b"))).isEqualTo(1.0);
        assertThat(DirectionCosine.cosine(Map.of("a", Nd4j.zeros(DataType.DOUBLE, 2)), y, List.of("a"))).isNaN();
        assertThat(new Direction(x, 1).blocks()).hasSize(2);
    }
}
