package io.acktr.runtime.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.curvature.GradientBlockListener;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Space;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.curvature.step.FixedStepRule;
import io.acktr.curvature.step.FixedStepSettings;
import io.acktr.curvature.step.LineSearchSettings;
import io.acktr.curvature.step.LineSearchStepRule;
import io.acktr.policies.layers.Activation;
import io.acktr.policies.mlp.MlpArchitecture;
import io.acktr.policies.mlp.MlpPolicy;
import io.acktr.runtime.settings.AlgorithmSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the update hands to the curvature estimator and the step rule, and what it does with their answers. */
class AcktrUpdateWiringTest {
    private static final AlgorithmSettings SETTINGS = new AlgorithmSettings(20, 0.99, 1.0, 0.01, 0.5, 1.0, false, 1);

    /** Records what it is given and preconditions with the identity. */
    private static final class RecordingEstimator implements CurvatureEstimator, GradientBlockListener, StepFeedbackListener {
        final FisherTargets targets;
        final boolean vectorProducts;
        boolean feedbackEveryUpdate;
        final List<FisherSample> samples = new ArrayList<>();
        final List<StepFeedback> outcomes = new ArrayList<>();
        final Map<String, INDArray> toldEarly = new LinkedHashMap<>();
        final List<Gradient> preconditioned = new ArrayList<>();

        RecordingEstimator(FisherTargets targets, boolean vectorProducts) {
            this.targets = targets;
            this.vectorProducts = vectorProducts;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public CurvatureRequirements requirements() {
            return new CurvatureRequirements(Optional.of(targets), vectorProducts, feedbackEveryUpdate);
        }

        @Override
        public void observe(FisherPass pass) {
            samples.add(pass.run());
        }

        @Override
        public void gradientReady(String block, INDArray gradient) {
            toldEarly.put(block, gradient);
        }

        @Override
        public Direction precondition(Gradient gradient) {
            preconditioned.add(gradient);
            return new Direction(gradient.blocks(), gradient.dot(gradient.blocks()));
        }

        @Override
        public void observe(StepFeedback feedback) {
            outcomes.add(feedback);
        }
    }

    private static MlpPolicy policy(Space actions) {
        return new MlpPolicy(BoxSpace.uniform(-1, 1, 4), actions, new MlpArchitecture(List.of(8), Activation.TANH, false,
                DataType.DOUBLE), 3);
    }

    private static Batch batch(MlpPolicy policy) {
        Nd4j.getRandom().setSeed(11);
        INDArray observations = Nd4j.randn(DataType.DOUBLE, 64, 4);
        INDArray actions = policy.forward(observations).distribution().sample(new SplittableRandom(5));
        return new Batch(observations, actions, Nd4j.randn(DataType.DOUBLE, 64, 1), Nd4j.randn(DataType.DOUBLE, 64, 1));
    }

    private static INDArray statisticsOf(FisherSample sample, String layer) {
        for (LayerStatistics s : sample.layers()) {
            if (s.parameterName().equals(layer)) {
                return ((DenseLayerStatistics) s).preActivationGradients();
            }
        }
        throw new AssertionError("no layer " + layer);
    }

    @Test
    void theEmpiricalFisherUsesTheBatchsActionsAndTheTrueFisherSamplesFromThePolicy() {
        MlpPolicy policy = policy(new DiscreteSpace(3));
        Batch batch = batch(policy);
        INDArray empiricalTarget = policy.forward(batch.observations()).distribution().logProbGradient(batch.actions());
        RecordingEstimator empirical = new RecordingEstimator(FisherTargets.EMPIRICAL, false);
        new AcktrUpdate(policy(new DiscreteSpace(3)), empirical, new FixedStepRule(new FixedStepSettings(0.01, 0)),
                SETTINGS, new SplittableRandom(1)).update(batch, 0);
        RecordingEstimator sampled = new RecordingEstimator(FisherTargets.SAMPLED, false);
        new AcktrUpdate(policy(new DiscreteSpace(3)), sampled, new FixedStepRule(new FixedStepSettings(0.01, 0)),
                SETTINGS, new SplittableRandom(1)).update(batch, 0);
        // the policy's output layer is linear: its pre-activation gradient is d log p(y) / d logits
        assertThat(statisticsOf(empirical.samples.get(0), "pi/out")).isEqualTo(empiricalTarget);
        assertThat(statisticsOf(sampled.samples.get(0), "pi/out")).isNotEqualTo(empiricalTarget);
    }

    @Test
    void theEstimatorIsToldEveryGradientBlockBeforePreconditionReceivesThoseVeryArrays() {
        MlpPolicy policy = policy(BoxSpace.uniform(-1, 1, 2));
        RecordingEstimator estimator = new RecordingEstimator(FisherTargets.SAMPLED, false);
        new AcktrUpdate(policy, estimator, new FixedStepRule(new FixedStepSettings(0.01, 0)), SETTINGS,
                new SplittableRandom(1)).update(batch(policy), 0);
        Gradient gradient = estimator.preconditioned.get(0);
        assertThat(estimator.toldEarly.keySet()).containsExactlyInAnyOrderElementsOf(gradient.blocks().keySet());
        gradient.blocks().forEach((block, array) -> assertThat(estimator.toldEarly.get(block)).isSameAs(array));
    }

    @Test
    void theStepOutcomeReportsTheLossChangeOnTheBatchAndTheQuadraticModelsPrediction() {
        MlpPolicy policy = policy(new DiscreteSpace(3));
        Batch batch = batch(policy);
        RecordingEstimator estimator = new RecordingEstimator(FisherTargets.SAMPLED, false);
        AcktrUpdate update = new AcktrUpdate(policy, estimator, new FixedStepRule(new FixedStepSettings(0.05, 0)), SETTINGS,
                new SplittableRandom(1));
        double before = loss(policy, batch);
        UpdateResult result = update.update(batch, 0);
        double after = loss(policy, batch);
        StepFeedback outcome = estimator.outcomes.get(0);
        assertThat(outcome.lossChange()).isCloseTo(after - before, within(1e-12));
        // identity curvature, fixed step eta: dtheta = -eta g, so g.dtheta + 0.5 dtheta.F.dtheta = -eta |g|^2 + 0.5 eta^2 |g|^2
        double gg = 2 * result.predictedKl() / (0.05 * 0.05);
        assertThat(outcome.predictedLossChange()).isCloseTo(-0.05 * gg + 0.5 * 0.05 * 0.05 * gg, within(1e-9));
        assertThat(outcome.lossChange()).isNegative();
        assertThat(outcome.predictedKl()).isEqualTo(result.predictedKl());
    }

    @Test
    void stepsAreMeasuredForListenersEveryUpdateOnlyWhenTheyDeclareItOrTheIntervalComesRound() {
        AlgorithmSettings everyThird = new AlgorithmSettings(20, 0.99, 1.0, 0.01, 0.5, 1.0, false, 3);
        for (boolean every : new boolean[] {false, true}) {
            MlpPolicy policy = policy(new DiscreteSpace(3));
            Batch batch = batch(policy);
            RecordingEstimator estimator = new RecordingEstimator(FisherTargets.SAMPLED, false);
            estimator.feedbackEveryUpdate = every;
            AcktrUpdate update = new AcktrUpdate(policy, estimator, new FixedStepRule(new FixedStepSettings(0.01, 0)),
                    everyThird, new SplittableRandom(1));
            List<Boolean> measured = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                measured.add(!Double.isNaN(update.update(batch, 0).kl()));
            }
            assertThat(estimator.outcomes).as("every update: %s", every).hasSize(every ? 6 : 2);
            assertThat(measured).as("every update: %s", every)
                    .containsExactly(every, every, true, every, every, true);
        }
    }

    /** The A2C loss of the update, recomputed independently from a forward pass. */
    private static double loss(MlpPolicy policy, Batch batch) {
        ForwardPass pass = policy.forward(batch.observations());
        double policyLoss = -pass.distribution().logProb(batch.actions()).mul(batch.advantages()).meanNumber().doubleValue();
        INDArray err = pass.values().sub(batch.returns());
        double valueLoss = err.mul(err).meanNumber().doubleValue();
        double entropy = pass.distribution().entropy().meanNumber().doubleValue();
        return policyLoss + 0.5 * valueLoss - 0.01 * entropy;
    }

    @Test
    void aLineSearchTriesCandidatesWithoutMovingTheParametersAndAppliesOnlyTheAcceptedOne() {
        MlpPolicy policy = policy(BoxSpace.uniform(-1, 1, 2));
        Batch batch = batch(policy);
        Map<String, INDArray> initial = snapshot(policy);
        RecordingEstimator estimator = new RecordingEstimator(FisherTargets.SAMPLED, false);
        LineSearchStepRule rule = new LineSearchStepRule(new LineSearchSettings(1e-4, 0.5, 10, 0.1));
        UpdateResult result = new AcktrUpdate(policy, estimator, rule, SETTINGS, new SplittableRandom(1)).update(batch, 0);
        assertThat(result.applied()).isTrue();
        assertThat(result.stepSize()).isPositive();
        // the applied change is exactly -eta * direction (the identity direction is the gradient)
        ForwardPass after = policy.forward(batch.observations());
        assertThat(result.kl()).isLessThanOrEqualTo(1e-4);
        Map<String, INDArray> moved = snapshot(policy);
        double changed = 0;
        for (String block : initial.keySet()) {
            changed += moved.get(block).sub(initial.get(block)).norm2Number().doubleValue();
        }
        assertThat(changed).isPositive();
        assertThat(after.distribution()).isNotNull();
    }

    private static Map<String, INDArray> snapshot(Policy policy) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (ParameterBlock b : policy.parameters()) {
            copy.put(b.name(), b.value().dup());
        }
        return copy;
    }

    @Test
    void anEstimatorNeedingFisherVectorProductsRefusesAPolicyWithoutForwardMode() {
        Policy withoutForwardMode = new Policy() {
            private final MlpPolicy inner = policy(new DiscreteSpace(2));

            @Override
            public Space observationSpace() {
                return inner.observationSpace();
            }

            @Override
            public Space actionSpace() {
                return inner.actionSpace();
            }

            @Override
            public List<ParameterBlock> parameters() {
                return inner.parameters();
            }

            @Override
            public ForwardPass forward(INDArray observations) {
                return inner.forward(observations);
            }

            @Override
            public BackwardPass backward(ForwardPass pass, INDArray distributionGradient, INDArray valueGradient) {
                return inner.backward(pass, distributionGradient, valueGradient);
            }
        };
        RecordingEstimator cg = new RecordingEstimator(FisherTargets.SAMPLED, true);
        assertThatThrownBy(() -> new AcktrUpdate(withoutForwardMode, cg, new FixedStepRule(new FixedStepSettings(0.01, 0)),
                SETTINGS, new SplittableRandom(1))).hasMessageContaining("recording").hasMessageContaining("forward mode");
    }
}
