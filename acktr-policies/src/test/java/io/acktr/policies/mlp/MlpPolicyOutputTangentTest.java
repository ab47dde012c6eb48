package io.acktr.policies.mlp;

import static io.acktr.policies.ForwardModeCheck.assertBlocksMatch;
import static io.acktr.policies.ForwardModeCheck.assertTangentsMatch;
import static io.acktr.policies.ForwardModeCheck.fisherVectorProduct;
import static io.acktr.policies.ForwardModeCheck.numericFisherVectorProduct;
import static io.acktr.policies.ForwardModeCheck.numericOutputTangent;
import static io.acktr.policies.ForwardModeCheck.randomDirection;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.OutputTangent;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MlpPolicyOutputTangentTest {
    private static final int BATCH = 5;
    private static final Space OBSERVATIONS = BoxSpace.uniform(-1, 1, 3);
    private static final Space DISCRETE = new DiscreteSpace(3);
    private static final Space BOX = BoxSpace.uniform(-2, 2, 2);
    private static final double VALUE_FISHER_COEFFICIENT = 0.7;

    private final Random random = new Random(41);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(true, DISCRETE, Activation.TANH),
                Arguments.of(true, BOX, Activation.TANH),
                Arguments.of(false, DISCRETE, Activation.TANH),
                Arguments.of(false, BOX, Activation.TANH),
                Arguments.of(true, BOX, Activation.RELU),
                Arguments.of(false, DISCRETE, Activation.RELU));
    }

    /** A policy whose blocks (biases and log-std included) are all far from their zero initial values. */
    private MlpPolicy randomisedPolicy(boolean shared, Space actions, Activation activation) {
        MlpPolicy policy = new MlpPolicy(OBSERVATIONS, actions,
                new MlpArchitecture(List.of(5, 4), activation, shared, DataType.DOUBLE), 1);
        for (ParameterBlock block : policy.parameters()) {
            block.value().assign(gaussian(random, 0.5, block.value().rows(), block.value().columns()));
        }
        return policy;
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void outputTangentEqualsTheCentralDifferenceOfTheOutputs(boolean shared, Space actions, Activation activation) {
        MlpPolicy policy = randomisedPolicy(shared, actions, activation);
        INDArray observations = gaussian(random, 1, BATCH, 3);
        Map<String, INDArray> direction = randomDirection(policy, random);

        OutputTangent tangent = policy.outputTangent(policy.forward(observations), direction);

        assertThat(tangent.distribution().shape()).containsExactly(BATCH, actions == BOX ? 4 : 3);
        assertThat(tangent.values().shape()).containsExactly(BATCH, 1);
        assertTangentsMatch(tangent, numericOutputTangent(policy, observations, direction));
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void fisherVectorProductFromTangentsEqualsTheDifferenceOfGaussNewtonGradients(boolean shared, Space actions,
                                                                                 Activation activation) {
        MlpPolicy policy = randomisedPolicy(shared, actions, activation);
        INDArray observations = gaussian(random, 1, BATCH, 3);
        Map<String, INDArray> direction = randomDirection(policy, random);

        Map<String, INDArray> product = fisherVectorProduct(policy, policy.forward(observations), direction,
                VALUE_FISHER_COEFFICIENT);

        assertBlocksMatch("F v", product,
                numericFisherVectorProduct(policy, observations, direction, VALUE_FISHER_COEFFICIENT));
    }

    @Test
    void missingBlocksCountAsZero() {
        MlpPolicy policy = randomisedPolicy(true, BOX, Activation.TANH);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        Map<String, INDArray> direction = randomDirection(policy, random);
        Map<String, INDArray> partial = new LinkedHashMap<>();
        Map<String, INDArray> explicitZeros = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> entry : direction.entrySet()) {
            boolean kept = entry.getKey().equals("torso/1") || entry.getKey().equals("log_std");
            if (kept) {
                partial.put(entry.getKey(), entry.getValue());
            }
            explicitZeros.put(entry.getKey(), kept ? entry.getValue() : Nd4j.zerosLike(entry.getValue()));
        }

        OutputTangent sparse = policy.outputTangent(pass, partial);
        OutputTangent dense = policy.outputTangent(pass, explicitZeros);

        assertThat(sparse.distribution()).isEqualTo(dense.distribution());
        assertThat(sparse.values()).isEqualTo(dense.values());
        OutputTangent none = policy.outputTangent(pass, Map.of());
        assertThat(none.distribution()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 4));
        assertThat(none.values()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 1));
    }

    @Test
    void logStdTangentIsRepeatedOnEveryRowAndMovesNothingElse() {
        MlpPolicy policy = randomisedPolicy(false, BOX, Activation.TANH);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        INDArray logStdTangent = Nd4j.create(new double[] {0.25, -1.5}, new long[] {1, 2}, DataType.DOUBLE);

        OutputTangent tangent = policy.outputTangent(pass, Map.of("log_std", logStdTangent));

        for (int i = 0; i < BATCH; i++) {
            assertThat(tangent.distribution().getRow(i).toDoubleVector()).containsExactly(0, 0, 0.25, -1.5);
        }
        assertThat(tangent.values()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 1));
    }

    @Test
    void separateNetworksKeepActorTangentsOutOfTheValues() {
        MlpPolicy policy = randomisedPolicy(false, DISCRETE, Activation.TANH);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        Map<String, INDArray> actorOnly = new LinkedHashMap<>(randomDirection(policy, random));
        actorOnly.keySet().removeIf(name -> name.startsWith("vf/"));

        OutputTangent tangent = policy.outputTangent(pass, actorOnly);

        assertThat(tangent.values()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, BATCH, 1));
        assertThat(tangent.distribution().norm2Number().doubleValue()).isPositive();
    }

    @Test
    void policySupportsOutputTangents() {
        assertThat(randomisedPolicy(true, DISCRETE, Activation.TANH)).isInstanceOf(io.acktr.api.policy.ForwardModePolicy.class);
    }

    @Test
    void floatPolicyReturnsFloatTangentsForDoubleDirections() {
        MlpPolicy policy = new MlpPolicy(OBSERVATIONS, BOX,
                new MlpArchitecture(List.of(8), Activation.RELU, true, DataType.FLOAT), 1);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        OutputTangent tangent = policy.outputTangent(pass, randomDirection(policy, random));
        assertThat(tangent.distribution().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(tangent.values().dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void rejectsATangentNamingNoBlock() {
        MlpPolicy policy = randomisedPolicy(true, DISCRETE, Activation.TANH);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        assertThatThrownBy(() -> policy.outputTangent(pass, Map.of("torso/9", Nd4j.zeros(DataType.DOUBLE, 1, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("torso/9")
                .hasMessageContaining("torso/0");
    }

    @Test
    void rejectsATangentOfTheWrongShape() {
        MlpPolicy policy = randomisedPolicy(true, DISCRETE, Activation.TANH);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        assertThatThrownBy(() -> policy.outputTangent(pass, Map.of("pi/out", Nd4j.zeros(DataType.DOUBLE, 4, 3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pi/out")
                .hasMessageContaining("[3, 5]");
    }

    @Test
    void rejectsAForwardPassOfAnotherPolicy() {
        MlpPolicy policy = randomisedPolicy(true, DISCRETE, Activation.TANH);
        MlpPolicy other = randomisedPolicy(true, DISCRETE, Activation.TANH);
        ForwardPass pass = other.forward(gaussian(random, 1, BATCH, 3));
        assertThatThrownBy(() -> policy.outputTangent(pass, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not produced by this policy");
    }
}
