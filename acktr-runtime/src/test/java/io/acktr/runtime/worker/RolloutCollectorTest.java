package io.acktr.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.env.Space;
import io.acktr.api.policy.ActingPolicy;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.envs.registry.EnvironmentRegistry;
import io.acktr.envs.wrappers.WrapperSettings;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import io.acktr.runtime.bus.RolloutPart;
import io.acktr.runtime.settings.AlgorithmSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A rollout through an {@link ActingPolicy}'s actor against the same rollout through tensor forward passes. */
class RolloutCollectorTest {
    private static final EnvironmentRegistry ENVIRONMENTS = EnvironmentRegistry.load(RolloutCollectorTest.class.getClassLoader());

    /** The same policy seen only as a {@link Policy}, so the collector takes the tensor path. */
    private record TensorOnly(Policy policy) implements Policy {
        @Override
        public Space observationSpace() {
            return policy.observationSpace();
        }

        @Override
        public Space actionSpace() {
            return policy.actionSpace();
        }

        @Override
        public List<ParameterBlock> parameters() {
            return policy.parameters();
        }

        @Override
        public ForwardPass forward(INDArray observations) {
            return policy.forward(observations);
        }

        @Override
        public BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient) {
            return policy.backward(pass, distributionGradient, valueGradient);
        }
    }

    private static RolloutPart collect(String environment, int steps, boolean throughActor) {
        return collect(environment, steps, throughActor, new WrapperSettings(List.of()));
    }

    private static RolloutPart collect(String environment, int steps, boolean throughActor, WrapperSettings wrappers) {
        AlgorithmSettings settings = new AlgorithmSettings(steps, 0.99, 0.95, 0.0, 0.5, 1.0, false, 1);
        try (RolloutCollector collector = new RolloutCollector(() -> ENVIRONMENTS.create(environment),
                wrappers, 0, 3, 3, settings, 7)) {
            MlpPolicy policy = new MlpPolicy(collector.observationSpace(), collector.actionSpace(),
                    new MlpArchitecture(List.of(8, 8), Activation.TANH, false, DataType.FLOAT), 5);
            return collector.collect(throughActor ? policy : new TensorOnly(policy), 0, List.of());
        }
    }

    @Test
    void aCartPoleRolloutThroughTheActorSamplesTheActionsOfTheTensorPath() {
        RolloutPart actor = collect("CartPole-v1", 40, true);
        RolloutPart tensor = collect("CartPole-v1", 40, false);
        assertThat(actor.actions()).containsExactly(tensor.actions());
        assertThat(actor.observations()).containsExactly(tensor.observations());
        assertThat(actor.episodes().returns()).containsExactly(tensor.episodes().returns());
        for (int i = 0; i < actor.returns().length; i++) {
            assertThat(actor.returns()[i]).as("return %d", i).isCloseTo(tensor.returns()[i], within(1e-4));
            assertThat(actor.advantages()[i]).as("advantage %d", i).isCloseTo(tensor.advantages()[i], within(1e-4));
        }
    }

    @Test
    void aPendulumRolloutThroughTheActorBootstrapsTruncatedEpisodesAsTheTensorPathDoes() {
        RolloutPart actor = collect("Pendulum-v1", 210, true); // Pendulum's episodes are cut at 200 steps
        RolloutPart tensor = collect("Pendulum-v1", 210, false);
        assertThat(actor.episodes().returns()).hasSize(3);
        for (int i = 0; i < actor.actions().length; i++) {
            assertThat(actor.actions()[i]).as("action %d", i).isCloseTo(tensor.actions()[i], within(1e-4));
        }
        for (int i = 0; i < actor.returns().length; i++) {
            assertThat(actor.returns()[i]).as("return %d", i).isCloseTo(tensor.returns()[i], within(1e-3));
            assertThat(actor.advantages()[i]).as("advantage %d", i).isCloseTo(tensor.advantages()[i], within(1e-3));
        }
    }

    @Test
    void aStaggeredStartCutsEpisodesWithoutReportingThemAndBootstrapsTheCut() {
        RolloutPart inStep = collect("Pendulum-v1", 210, true);
        RolloutPart staggered = collect("Pendulum-v1", 210, true, new WrapperSettings(List.of(), true));

        // Environments 1 and 2 of 3 are cut after 66 and 133 steps: only environment 0's 200 steps count.
        assertThat(inStep.episodes().environments()).containsExactly(0, 1, 2);
        assertThat(staggered.episodes().environments()).containsExactly(0);
        assertThat(staggered.episodes().lengths()).containsExactly(200);
        assertThat(staggered.episodes().returns()).containsExactly(inStep.episodes().returns()[0]);
        // Rows are step-major (row t * 3 + j); up to its cut, environment 1 plays as it does in step.
        int cut = 66;
        for (int t = 0; t < cut; t++) {
            assertThat(row(staggered, t, 1)).as("step %d", t).containsExactly(row(inStep, t, 1));
        }
        assertThat(row(staggered, cut, 1)).as("a new episode after the cut").isNotEqualTo(row(inStep, cut, 1));
        assertThat(row(staggered, 150, 0)).containsExactly(row(inStep, 150, 0));
    }

    private static double[] row(RolloutPart part, int step, int environment) {
        int from = (step * part.environments() + environment) * part.observationSize();
        return java.util.Arrays.copyOfRange(part.observations(), from, from + part.observationSize());
    }
}
