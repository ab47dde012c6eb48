package io.acktr.policies.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.Actor;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The plain-array actor of an MLP against the tensor forward pass of the same policy. */
class MlpPolicyActorTest {
    private static final int ROWS = 7;
    private static final Space OBSERVATIONS = BoxSpace.uniform(-1, 1, 4);
    private static final Space DISCRETE = new DiscreteSpace(3);
    private static final Space BOX = BoxSpace.uniform(-2, 2, 2);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(false, DISCRETE, Activation.TANH, DataType.FLOAT),
                Arguments.of(false, DISCRETE, Activation.TANH, DataType.DOUBLE),
                Arguments.of(true, DISCRETE, Activation.RELU, DataType.FLOAT),
                Arguments.of(false, BOX, Activation.TANH, DataType.FLOAT),
                Arguments.of(true, BOX, Activation.TANH, DataType.DOUBLE));
    }

    /** A policy with every parameter moved off its initial value, biases and log-std included. */
    private static MlpPolicy perturbedPolicy(boolean shared, Space actions, Activation activation, DataType dataType) {
        MlpPolicy policy = new MlpPolicy(OBSERVATIONS, actions, new MlpArchitecture(List.of(6, 5), activation, shared,
                dataType), 11);
        Random random = new Random(5);
        for (ParameterBlock block : policy.parameters()) {
            INDArray value = block.value();
            double[] noise = new double[(int) value.length()];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 0.3 * random.nextGaussian();
            }
            value.addi(Nd4j.create(noise, value.shape(), DataType.DOUBLE).castTo(dataType));
        }
        return policy;
    }

    private static double[] observations(int rows) {
        Random random = new Random(3);
        double[] flat = new double[rows * OBSERVATIONS.flatSize()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 1.5 * random.nextGaussian();
        }
        return flat;
    }

    private static List<RandomGenerator> streams(int rows) {
        SplittableRandom root = new SplittableRandom(17);
        List<RandomGenerator> streams = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            streams.add(root.split());
        }
        return streams;
    }

    private static double tolerance(DataType dataType) {
        return dataType == DataType.FLOAT ? 1e-5 : 1e-12;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void actorSamplesTheForwardPassActionsFromTheSameStreamsAndGivesItsValues(boolean shared, Space actions,
                                                                             Activation activation, DataType dataType) {
        MlpPolicy policy = perturbedPolicy(shared, actions, activation, dataType);
        double[] observations = observations(ROWS);
        ForwardPass pass = policy.forward(Nd4j.create(observations, new long[] {ROWS, OBSERVATIONS.flatSize()},
                DataType.DOUBLE));
        double[] expectedActions = pass.distribution().sample(streams(ROWS)).castTo(DataType.DOUBLE).data().asDouble();
        double[] expectedValues = pass.values().castTo(DataType.DOUBLE).data().asDouble();

        Actor actor = policy.actor();
        double[] actorActions = new double[ROWS * actor.actionWidth()];
        double[] actorValues = new double[ROWS];
        actor.act(observations, ROWS, streams(ROWS), actorActions, actorValues);

        assertThat(actor.actionWidth()).isEqualTo(pass.distribution().actionWidth());
        assertThat(actor.observationSize()).isEqualTo(OBSERVATIONS.flatSize());
        for (int i = 0; i < ROWS; i++) {
            assertThat(actorValues[i]).as("value of row %d", i).isCloseTo(expectedValues[i], within(tolerance(dataType)));
        }
        for (int i = 0; i < actorActions.length; i++) {
            assertThat(actorActions[i]).as("action entry %d", i)
                    .isCloseTo(expectedActions[i], within(10 * tolerance(dataType)));
        }
        double[] valuesAlone = new double[ROWS];
        actor.values(observations, ROWS, valuesAlone);
        assertThat(valuesAlone).containsExactly(actorValues);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void aRowGetsTheSameActionAndValueWhateverRowsShareTheCall(boolean shared, Space actions, Activation activation,
                                                              DataType dataType) {
        Actor actor = perturbedPolicy(shared, actions, activation, dataType).actor();
        double[] observations = observations(ROWS);
        List<RandomGenerator> allStreams = streams(ROWS);
        double[] together = new double[ROWS * actor.actionWidth()];
        double[] togetherValues = new double[ROWS];
        actor.act(observations, ROWS, allStreams, together, togetherValues);

        int last = ROWS - 1;
        int width = OBSERVATIONS.flatSize();
        double[] lastRow = java.util.Arrays.copyOfRange(observations, last * width, ROWS * width);
        double[] alone = new double[actor.actionWidth()];
        double[] aloneValue = new double[1];
        actor.act(lastRow, 1, List.of(streams(ROWS).get(last)), alone, aloneValue);

        assertThat(aloneValue[0]).isEqualTo(togetherValues[last]);
        assertThat(alone).containsExactly(java.util.Arrays.copyOfRange(together, last * actor.actionWidth(),
                ROWS * actor.actionWidth()));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void anActorKeepsTheParametersItWasMadeWith(boolean shared, Space actions, Activation activation, DataType dataType) {
        MlpPolicy policy = perturbedPolicy(shared, actions, activation, dataType);
        Actor before = policy.actor();
        double[] observations = observations(ROWS);
        double[] expected = new double[ROWS];
        before.values(observations, ROWS, expected);

        policy.parameters().forEach(block -> block.value().addi(1.0));
        double[] after = new double[ROWS];
        before.values(observations, ROWS, after);
        double[] changed = new double[ROWS];
        policy.actor().values(observations, ROWS, changed);

        assertThat(after).containsExactly(expected);
        assertThat(changed).isNotEqualTo(expected);
    }
}
