package io.acktr.policies.mlp;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.ActionDistribution;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MlpPolicyTest {
    private static final int BATCH = 5;
    private static final Space OBSERVATIONS = BoxSpace.uniform(-1, 1, 3);
    private static final Space DISCRETE = new DiscreteSpace(3);
    private static final Space BOX = BoxSpace.uniform(-2, 2, 2);

    private final Random random = new Random(31);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(true, DISCRETE, Activation.TANH),
                Arguments.of(true, BOX, Activation.TANH),
                Arguments.of(false, DISCRETE, Activation.TANH),
                Arguments.of(false, BOX, Activation.TANH),
                Arguments.of(true, BOX, Activation.RELU),
                Arguments.of(false, DISCRETE, Activation.RELU));
    }

    private static MlpPolicy policy(boolean shared, Space actions, Activation activation, long seed) {
        return new MlpPolicy(OBSERVATIONS, actions, new MlpArchitecture(List.of(5, 4), activation, shared,
                DataType.DOUBLE), seed);
    }

    private INDArray actionsFor(Space actionSpace) {
        if (actionSpace instanceof DiscreteSpace discrete) {
            double[] indices = new double[BATCH];
            for (int i = 0; i < BATCH; i++) {
                indices[i] = random.nextInt(discrete.n());
            }
            return Nd4j.create(indices, new long[] {BATCH, 1}, DataType.DOUBLE);
        }
        return gaussian(random, 1, BATCH, actionSpace.flatSize());
    }

    /** J = sum_i c1_i log p_i(a_i) + c2_i H_i + c3_i V_i. */
    private static double objective(MlpPolicy policy, INDArray observations, INDArray actions, INDArray c1,
                                    INDArray c2, INDArray c3) {
        ForwardPass pass = policy.forward(observations);
        ActionDistribution d = pass.distribution();
        return d.logProb(actions).mul(c1).sumNumber().doubleValue()
                + d.entropy().mul(c2).sumNumber().doubleValue()
                + pass.values().mul(c3).sumNumber().doubleValue();
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void everyBlockGradientMatchesFiniteDifferencesOfTheActorCriticObjective(boolean shared, Space actionSpace,
                                                                           Activation activation) {
        MlpPolicy policy = policy(shared, actionSpace, activation, 1);
        for (ParameterBlock block : policy.parameters()) {
            block.value().assign(gaussian(random, 0.5, block.value().rows(), block.value().columns()));
        }
        INDArray observations = gaussian(random, 1, BATCH, 3);
        INDArray actions = actionsFor(actionSpace);
        INDArray c1 = gaussian(random, 1, BATCH, 1);
        INDArray c2 = gaussian(random, 1, BATCH, 1);
        INDArray c3 = gaussian(random, 1, BATCH, 1);

        ForwardPass pass = policy.forward(observations);
        ActionDistribution d = pass.distribution();
        INDArray distributionGradient = d.logProbGradient(actions).mulColumnVector(c1)
                .addi(d.entropyGradient().mulColumnVector(c2));
        BackwardPass backward = policy.backward(pass, distributionGradient, c3);

        assertThat(backward.gradients().keySet())
                .containsExactlyElementsOf(policy.parameters().stream().map(ParameterBlock::name).toList());
        for (ParameterBlock block : policy.parameters()) {
            assertGradientMatches(block.name(), backward.gradients().get(block.name()), block.value(),
                    () -> objective(policy, observations, actions, c1, c2, c3));
        }
    }

    @ParameterizedTest(name = "shared={0} actions={1} {2}")
    @MethodSource("layouts")
    void layerStatisticsReproduceEachDenseBlockGradient(boolean shared, Space actionSpace, Activation activation) {
        MlpPolicy policy = policy(shared, actionSpace, activation, 2);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        BackwardPass backward = policy.backward(pass,
                gaussian(random, 1, BATCH, pass.distribution().parameterWidth()), gaussian(random, 1, BATCH, 1));

        List<String> denseBlocks = policy.parameters().stream().map(ParameterBlock::name)
                .filter(name -> !name.equals("log_std")).toList();
        assertThat(backward.layers().stream().map(LayerStatistics::parameterName).toList())
                .containsExactlyElementsOf(denseBlocks);
        for (LayerStatistics layer : backward.layers()) {
            DenseLayerStatistics dense = (DenseLayerStatistics) layer;
            assertThat(dense.batchSize()).isEqualTo(BATCH);
            INDArray fromStatistics = dense.preActivationGradients().transpose().mmul(dense.activations());
            assertClose(fromStatistics, backward.gradients().get(dense.parameterName()), 1e-12);
            assertThat(dense.activations().getColumn(dense.activations().columns() - 1).dup())
                    .as("homogeneous coordinate of %s", dense.parameterName())
                    .isEqualTo(Nd4j.ones(DataType.DOUBLE, BATCH));
        }
    }

    @Test
    void backwardTellsEveryBlockOnceTopLayerFirstWithTheArrayItReturns() {
        for (boolean shared : new boolean[] {true, false}) {
            MlpPolicy policy = policy(shared, BOX, Activation.TANH, 4);
            ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
            INDArray distributionGradient = gaussian(random, 1, BATCH, 4);
            INDArray valueGradient = gaussian(random, 1, BATCH, 1);
            java.util.Map<String, INDArray> told = new java.util.LinkedHashMap<>();
            BackwardPass backward = policy.backward(pass, distributionGradient, valueGradient, (block, gradient) ->
                    assertThat(told.put(block, gradient)).as("%s told twice", block).isNull());
            assertThat(told.keySet()).as("shared " + shared).containsExactlyElementsOf(shared
                    ? List.of("pi/out", "vf/out", "torso/1", "torso/0", "log_std")
                    : List.of("pi/out", "pi/1", "pi/0", "vf/out", "vf/1", "vf/0", "log_std"));
            told.forEach((block, gradient) -> assertThat(gradient).isSameAs(backward.gradients().get(block)));
            BackwardPass plain = policy.backward(pass, distributionGradient, valueGradient);
            plain.gradients().forEach((block, gradient) -> assertThat(told.get(block)).isEqualTo(gradient));
        }
    }

    @Test
    void gaussianPolicyReportsPerSampleLogStdGradients() {
        MlpPolicy policy = policy(false, BOX, Activation.TANH, 3);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        INDArray distributionGradient = gaussian(random, 1, BATCH, 4);
        BackwardPass backward = policy.backward(pass, distributionGradient, gaussian(random, 1, BATCH, 1));

        INDArray logStdPart = distributionGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4));
        assertThat(backward.perSampleGradients()).containsOnlyKeys("log_std");
        assertClose(backward.perSampleGradients().get("log_std"), logStdPart, 0);
        assertClose(backward.gradients().get("log_std"), logStdPart.sum(true, 0), 1e-12);
    }

    @Test
    void categoricalPolicyHasNoPerSampleGradients() {
        MlpPolicy policy = policy(true, DISCRETE, Activation.TANH, 3);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        BackwardPass backward = policy.backward(pass, gaussian(random, 1, BATCH, 3), gaussian(random, 1, BATCH, 1));
        assertThat(backward.perSampleGradients()).isEmpty();
    }

    @Test
    void sharedTorsoNamesItsBlocksTorsoThenHeads() {
        assertThat(names(policy(true, BOX, Activation.TANH, 1)))
                .containsExactly("torso/0", "torso/1", "pi/out", "vf/out", "log_std");
        assertThat(names(policy(true, DISCRETE, Activation.TANH, 1)))
                .containsExactly("torso/0", "torso/1", "pi/out", "vf/out");
    }

    @Test
    void separateNetworksNameTheirBlocksPiThenVf() {
        assertThat(names(policy(false, BOX, Activation.TANH, 1)))
                .containsExactly("pi/0", "pi/1", "pi/out", "vf/0", "vf/1", "vf/out", "log_std");
    }

    @Test
    void blockShapesFoldTheBiasIntoTheLastColumn() {
        MlpPolicy policy = policy(false, BOX, Activation.TANH, 1);
        assertThat(policy.parameters()).extracting(b -> List.of(b.value().shape()[0], b.value().shape()[1]))
                .containsExactly(List.of(5L, 4L), List.of(4L, 6L), List.of(2L, 5L),
                        List.of(5L, 4L), List.of(4L, 6L), List.of(1L, 5L), List.of(1L, 2L));
        assertThat(policy.parameterCount()).isEqualTo(20 + 24 + 10 + 20 + 24 + 5 + 2);
    }

    @Test
    void initialisationIsReproducibleForTheSameSeed() {
        List<ParameterBlock> first = policy(true, BOX, Activation.TANH, 99).parameters();
        List<ParameterBlock> again = policy(true, BOX, Activation.TANH, 99).parameters();
        List<ParameterBlock> other = policy(true, BOX, Activation.TANH, 100).parameters();
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).value()).isEqualTo(first.get(i).value());
        }
        assertThat(other.get(0).value()).isNotEqualTo(first.get(0).value());
    }

    @Test
    void initialisationUsesZeroBiasesZeroLogStdAndHeadGains() {
        MlpPolicy policy = policy(true, DISCRETE, Activation.TANH, 5);
        for (ParameterBlock block : policy.parameters()) {
            INDArray bias = block.value().getColumn(block.value().columns() - 1).dup();
            assertThat(bias).as("bias of %s", block.name()).isEqualTo(Nd4j.zeros(DataType.DOUBLE, bias.length()));
        }
        INDArray piOut = weightPart(block(policy, "pi/out"));
        assertClose(piOut.mmul(piOut.transpose()), Nd4j.eye(3).castTo(DataType.DOUBLE).muli(1e-4), 1e-12);
        INDArray vfOut = weightPart(block(policy, "vf/out"));
        assertThat(vfOut.mmul(vfOut.transpose()).getDouble(0, 0)).isCloseTo(1.0, within(1e-12));
        INDArray torso0 = weightPart(block(policy, "torso/0"));
        assertClose(torso0.transpose().mmul(torso0), Nd4j.eye(3).castTo(DataType.DOUBLE).muli(2.0), 1e-12);

        MlpPolicy gaussianPolicy = policy(false, BOX, Activation.TANH, 5);
        assertThat(block(gaussianPolicy, "log_std")).isEqualTo(Nd4j.zeros(DataType.DOUBLE, 1, 2));
    }

    @Test
    void forwardReturnsOneDistributionAndOneValuePerObservation() {
        MlpPolicy policy = policy(false, BOX, Activation.TANH, 4);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        assertThat(pass.batchSize()).isEqualTo(BATCH);
        assertThat(pass.values().shape()).containsExactly(BATCH, 1);
        assertThat(pass.distribution().parameterWidth()).isEqualTo(4);
        assertThat(pass.distribution().sample(new SplittableRandom(1)).shape()).containsExactly(BATCH, 2);
    }

    @Test
    void floatPolicyCastsObservationsToFloat() {
        MlpPolicy policy = new MlpPolicy(OBSERVATIONS, DISCRETE,
                new MlpArchitecture(List.of(8), Activation.RELU, true, DataType.FLOAT), 1);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        assertThat(policy.parameters()).allSatisfy(b -> assertThat(b.value().dataType()).isEqualTo(DataType.FLOAT));
        assertThat(pass.values().dataType()).isEqualTo(DataType.FLOAT);
        BackwardPass backward = policy.backward(pass, gaussian(random, 1, BATCH, 3), gaussian(random, 1, BATCH, 1));
        assertThat(backward.gradients().get("torso/0").dataType()).isEqualTo(DataType.FLOAT);
    }

    @Test
    void parametersAreLiveSoAnInPlaceUpdateChangesTheNextForwardPass() {
        MlpPolicy policy = policy(false, DISCRETE, Activation.TANH, 6);
        INDArray observations = gaussian(random, 1, BATCH, 3);
        INDArray before = policy.forward(observations).values().dup();
        block(policy, "vf/out").addi(1.0);
        INDArray after = policy.forward(observations).values();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void backwardRejectsAForwardPassOfAnotherPolicy() {
        MlpPolicy policy = policy(false, DISCRETE, Activation.TANH, 6);
        MlpPolicy other = policy(false, DISCRETE, Activation.TANH, 6);
        ForwardPass pass = other.forward(gaussian(random, 1, BATCH, 3));
        assertThatThrownBy(() -> policy.backward(pass, gaussian(random, 1, BATCH, 3), gaussian(random, 1, BATCH, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not produced by this policy");
    }

    @Test
    void backwardRejectsAGradientOfTheWrongWidth() {
        MlpPolicy policy = policy(false, BOX, Activation.TANH, 6);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        assertThatThrownBy(() -> policy.backward(pass, gaussian(random, 1, BATCH, 2), gaussian(random, 1, BATCH, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("distributionGradient must be 5 x 4");
    }

    @Test
    void emptyHiddenSizesGiveLinearHeadsOnTheObservations() {
        MlpPolicy policy = new MlpPolicy(OBSERVATIONS, DISCRETE,
                new MlpArchitecture(List.of(), Activation.TANH, true, DataType.DOUBLE), 1);
        assertThat(names(policy)).containsExactly("pi/out", "vf/out");
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, 3));
        BackwardPass backward = policy.backward(pass, gaussian(random, 1, BATCH, 3), gaussian(random, 1, BATCH, 1));
        assertThat(backward.gradients().get("pi/out").shape()).containsExactly(3, 4);
    }

    private static List<String> names(MlpPolicy policy) {
        return policy.parameters().stream().map(ParameterBlock::name).toList();
    }

    private static INDArray block(MlpPolicy policy, String name) {
        return policy.parameters().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow().value();
    }

    private static INDArray weightPart(INDArray weights) {
        return weights.get(NDArrayIndex.all(), NDArrayIndex.interval(0, weights.columns() - 1));
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        for (long i = 0; i < expected.length(); i++) {
            assertThat(actual.getDouble(i)).isCloseTo(expected.getDouble(i), within(tolerance));
        }
    }
}
