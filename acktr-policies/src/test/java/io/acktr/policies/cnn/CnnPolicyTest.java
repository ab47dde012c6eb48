package io.acktr.policies.cnn;

import static io.acktr.policies.GradientCheck.assertGradientMatches;
import static io.acktr.policies.GradientCheck.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.acktr.api.curvature.ConvLayerStatistics;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class CnnPolicyTest {
    private static final int BATCH = 4;
    /** 6x6x2 images: conv0 (3 filters 3x3 s1) gives 4x4x3, conv1 (2 filters 2x2 s2) 2x2x2, then 5 hidden units. */
    private static final Space IMAGES = BoxSpace.uniform(0, 1, 6, 6, 2);
    private static final List<ConvLayerSpec> TINY_CONVS = List.of(new ConvLayerSpec(3, 3, 1), new ConvLayerSpec(2, 2, 2));
    private static final Space DISCRETE = new DiscreteSpace(3);
    private static final Space BOX = BoxSpace.uniform(-2, 2, 2);

    private final Random random = new Random(57);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(true, DISCRETE, Activation.TANH),
                Arguments.of(true, BOX, Activation.TANH),
                Arguments.of(false, DISCRETE, Activation.TANH),
                Arguments.of(false, BOX, Activation.TANH),
                Arguments.of(true, DISCRETE, Activation.RELU),
                Arguments.of(false, BOX, Activation.RELU));
    }

    static CnnPolicy tinyPolicy(boolean shared, Space actions, Activation activation, long seed) {
        return new CnnPolicy(IMAGES, actions,
                new CnnArchitecture(TINY_CONVS, List.of(5), activation, shared, DataType.DOUBLE), seed);
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
    private static double objective(CnnPolicy policy, INDArray observations, INDArray actions, INDArray c1,
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
        CnnPolicy policy = tinyPolicy(shared, actionSpace, activation, 1);
        for (ParameterBlock block : policy.parameters()) {
            block.value().assign(gaussian(random, 0.5, block.value().rows(), block.value().columns()));
        }
        INDArray observations = gaussian(random, 1, BATCH, IMAGES.flatSize());
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
    void convolutionsReportPatchStatisticsAndDenseLayersDenseStatisticsThatReproduceTheirGradients(
            boolean shared, Space actionSpace, Activation activation) {
        CnnPolicy policy = tinyPolicy(shared, actionSpace, activation, 2);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, IMAGES.flatSize()));
        BackwardPass backward = policy.backward(pass,
                gaussian(random, 1, BATCH, pass.distribution().parameterWidth()), gaussian(random, 1, BATCH, 1));

        List<String> weightBlocks = policy.parameters().stream().map(ParameterBlock::name)
                .filter(name -> !name.equals("log_std")).toList();
        assertThat(backward.layers().stream().map(LayerStatistics::parameterName).toList())
                .containsExactlyElementsOf(weightBlocks);
        for (LayerStatistics layer : backward.layers()) {
            assertThat(layer.batchSize()).isEqualTo(BATCH);
            INDArray fromStatistics;
            if (layer.parameterName().contains("/conv")) {
                assertThat(layer).isInstanceOf(ConvLayerStatistics.class);
                ConvLayerStatistics conv = (ConvLayerStatistics) layer;
                int expectedLocations = layer.parameterName().endsWith("conv0") ? 16 : 4;
                assertThat(conv.locations()).isEqualTo(expectedLocations);
                assertThat(conv.patches().rows()).isEqualTo((long) BATCH * expectedLocations);
                assertThat(conv.patches().getColumn(conv.patches().columns() - 1).dup())
                        .as("homogeneous coordinate of %s", conv.parameterName())
                        .isEqualTo(Nd4j.ones(DataType.DOUBLE, (long) BATCH * expectedLocations));
                fromStatistics = conv.preActivationGradients().transpose().mmul(conv.patches());
            } else {
                assertThat(layer).isInstanceOf(DenseLayerStatistics.class);
                DenseLayerStatistics dense = (DenseLayerStatistics) layer;
                fromStatistics = dense.preActivationGradients().transpose().mmul(dense.activations());
            }
            assertThat(fromStatistics.equalsWithEps(backward.gradients().get(layer.parameterName()), 1e-12))
                    .as("g^T patches of %s", layer.parameterName()).isTrue();
        }
    }

    @Test
    void gaussianPolicyReportsPerSampleLogStdGradients() {
        CnnPolicy policy = tinyPolicy(true, BOX, Activation.RELU, 3);
        ForwardPass pass = policy.forward(gaussian(random, 1, BATCH, IMAGES.flatSize()));
        INDArray distributionGradient = gaussian(random, 1, BATCH, 4);
        BackwardPass backward = policy.backward(pass, distributionGradient, gaussian(random, 1, BATCH, 1));

        INDArray logStdPart = distributionGradient.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 4));
        assertThat(backward.perSampleGradients()).containsOnlyKeys("log_std");
        assertThat(backward.perSampleGradients().get("log_std")).isEqualTo(logStdPart);
        assertThat(backward.gradients().get("log_std").equalsWithEps(logStdPart.sum(true, 0), 1e-12)).isTrue();
    }

    @Test
    void sharedTorsoNamesConvolutionsThenDenseLayersThenHeads() {
        CnnPolicy policy = tinyPolicy(true, BOX, Activation.RELU, 1);
        assertThat(policy.parameters()).extracting(ParameterBlock::name)
                .containsExactly("torso/conv0", "torso/conv1", "torso/0", "pi/out", "vf/out", "log_std");
        assertThat(policy.parameters()).extracting(ParameterBlock::group).containsOnly(ParameterBlock.DEFAULT_GROUP);
    }

    @Test
    void separateNetworksEachHaveTheirConvolutionsAndAreActorAndCriticGroups() {
        CnnPolicy policy = tinyPolicy(false, BOX, Activation.RELU, 1);
        assertThat(policy.parameters()).extracting(ParameterBlock::name).containsExactly(
                "pi/conv0", "pi/conv1", "pi/0", "pi/out", "vf/conv0", "vf/conv1", "vf/0", "vf/out", "log_std");
        assertThat(policy.parameters()).extracting(ParameterBlock::group).containsExactly(
                "actor", "actor", "actor", "actor", "critic", "critic", "critic", "critic", "actor");
    }

    @Test
    void blockShapesAreFiltersByPatchPlusBiasThenDenseOnTheFlattenedMaps() {
        CnnPolicy policy = tinyPolicy(true, DISCRETE, Activation.RELU, 1);
        assertThat(policy.parameters()).extracting(b -> List.of(b.value().shape()[0], b.value().shape()[1]))
                .containsExactly(List.of(3L, 19L), List.of(2L, 13L), List.of(5L, 9L), List.of(3L, 6L),
                        List.of(1L, 6L));
        assertThat(policy.parameterCount()).isEqualTo(57 + 26 + 45 + 18 + 6);
    }

    @Test
    void minAtarNetworkOfOneConvolutionAndA128UnitLayerIsExpressible() {
        CnnArchitecture minAtar = new CnnArchitecture(List.of(new ConvLayerSpec(16, 3, 1)), List.of(128),
                Activation.RELU, true, DataType.FLOAT);
        CnnPolicy policy = new CnnPolicy(BoxSpace.uniform(0, 1, 10, 10, 4), new DiscreteSpace(6), minAtar, 1);
        assertThat(policy.parameters()).extracting(b -> List.of(b.value().shape()[0], b.value().shape()[1]))
                .containsExactly(List.of(16L, 37L), List.of(128L, 8 * 8 * 16 + 1L), List.of(6L, 129L),
                        List.of(1L, 129L));
        ForwardPass pass = policy.forward(Nd4j.rand(DataType.FLOAT, 3, 400));
        assertThat(pass.distribution().parameterWidth()).isEqualTo(6);
        assertThat(pass.values().shape()).containsExactly(3, 1);
    }

    @Test
    void natureDqnTorsoRunsOn84By84By4Frames() {
        CnnArchitecture nature = new CnnArchitecture(List.of(new ConvLayerSpec(32, 8, 4), new ConvLayerSpec(64, 4, 2),
                new ConvLayerSpec(64, 3, 1)), List.of(512), Activation.RELU, true, DataType.FLOAT);
        CnnPolicy policy = new CnnPolicy(BoxSpace.uniform(0, 1, 84, 84, 4), new DiscreteSpace(4), nature, 1);
        assertThat(policy.parameters()).extracting(b -> List.of(b.value().shape()[0], b.value().shape()[1]))
                .containsExactly(List.of(32L, 257L), List.of(64L, 513L), List.of(64L, 577L),
                        List.of(512L, 7 * 7 * 64 + 1L), List.of(4L, 513L), List.of(1L, 513L));
        ForwardPass pass = policy.forward(Nd4j.rand(DataType.FLOAT, 2, 84 * 84 * 4));
        BackwardPass backward = policy.backward(pass, Nd4j.rand(DataType.FLOAT, 2, 4), Nd4j.rand(DataType.FLOAT, 2, 1));
        assertThat(backward.layers()).extracting(l -> l instanceof ConvLayerStatistics conv ? conv.locations() : 0)
                .containsExactly(400, 81, 49, 0, 0, 0);
    }

    @Test
    void rejectsImagesTooSmallForTheConvolutionsNamingTheLayerAndSizes() {
        CnnArchitecture architecture = new CnnArchitecture(TINY_CONVS, List.of(5), Activation.RELU, true,
                DataType.DOUBLE);
        assertThatThrownBy(() -> new CnnPolicy(BoxSpace.uniform(0, 1, 3, 6, 2), DISCRETE, architecture, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[3, 6, 2] are too small")
                .hasMessageContaining("conv1 (2 2x2 stride 2) gets a 1x4 input");
        assertThatThrownBy(() -> new CnnPolicy(BoxSpace.uniform(0, 1, 6, 2, 2), DISCRETE, architecture, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv0 (3 3x3 stride 1) gets a 6x2 input");
    }

    @Test
    void rejectsObservationSpacesThatAreNotImages() {
        CnnArchitecture architecture = new CnnArchitecture(TINY_CONVS, List.of(5), Activation.RELU, true,
                DataType.DOUBLE);
        assertThatThrownBy(() -> new CnnPolicy(BoxSpace.uniform(0, 1, 72), DISCRETE, architecture, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[height, width, channels]")
                .hasMessageContaining("[72]");
        assertThatThrownBy(() -> new CnnPolicy(new DiscreteSpace(5), DISCRETE, architecture, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Discrete(5)");
    }

    @Test
    void forwardRejectsObservationsOfTheWrongWidth() {
        CnnPolicy policy = tinyPolicy(true, DISCRETE, Activation.RELU, 1);
        assertThatThrownBy(() -> policy.forward(Nd4j.zeros(DataType.DOUBLE, 2, 71)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("N x 72");
    }

    @Test
    void initialisationIsReproducibleForTheSameSeedWithZeroBiases() {
        List<ParameterBlock> first = tinyPolicy(false, BOX, Activation.RELU, 99).parameters();
        List<ParameterBlock> again = tinyPolicy(false, BOX, Activation.RELU, 99).parameters();
        List<ParameterBlock> other = tinyPolicy(false, BOX, Activation.RELU, 100).parameters();
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).value()).isEqualTo(first.get(i).value());
            INDArray bias = first.get(i).value().getColumn(first.get(i).value().columns() - 1).dup();
            assertThat(bias).as("bias of %s", first.get(i).name()).isEqualTo(Nd4j.zerosLike(bias));
        }
        assertThat(other.get(0).value()).isNotEqualTo(first.get(0).value());
    }
}
