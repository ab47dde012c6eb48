package io.acktr.curvature.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepRulesTest {
    private static Direction direction(double[] values, double quadraticForm) {
        return new Direction(Map.of("w", Nd4j.create(values, new long[] {1, values.length})), quadraticForm);
    }

    private static Gradient gradient(double[] values) {
        return new Gradient(Map.of("w", Nd4j.create(values, new long[] {1, values.length})));
    }

    /** A request at the start of the run, from a rule that must not try candidate steps. */
    private static StepRequest request(Direction direction, Gradient gradient) {
        return new StepRequest(direction, gradient, 0, delta -> {
            throw new AssertionError("this rule does not search");
        });
    }

    /** Feedback of a step whose measured KL is {@code kl}. */
    private static StepFeedback measured(double kl) {
        return new StepFeedback(kl, 0, 0, 0);
    }

    @Test
    void trustRegionScalesTheStepSoThePredictedKlEqualsTheRadius() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(10, 0.002, 0, TrustRegionScope.JOINT, false, false));
        StepProposal p = rule.propose(request(direction(new double[] {1, 2}, 8.0), gradient(new double[] {1, 2})));
        double eta = Math.sqrt(2 * 0.002 / 8.0);
        assertThat(p.stepSize()).isCloseTo(eta, within(1e-15));
        assertThat(p.predictedKl()).isCloseTo(0.002, within(1e-15));
        assertThat(p.delta().get("w").toDoubleVector()).containsExactly(new double[] {-eta, -2 * eta}, within(1e-12));
    }

    @Test
    void perGroupTrustRegionGivesEachGroupItsOwnStepSizeAndKlBudget() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.PER_GROUP, false, false));
        Map<String, INDArray> blocks = new java.util.LinkedHashMap<>();
        blocks.put("pi", Nd4j.create(new double[] {1, 1}, new long[] {1, 2}));
        blocks.put("vf", Nd4j.create(new double[] {10}, new long[] {1, 1}));
        Gradient g = new Gradient(blocks, Map.of("pi", "actor", "vf", "critic"));
        // Delta = grad: q_actor = 2, q_critic = 100, joint q = 102
        StepProposal p = rule.propose(request(new Direction(blocks, 102), g));
        double etaActor = Math.sqrt(2 * 0.001 / 2);
        double etaCritic = Math.sqrt(2 * 0.001 / 100);
        assertThat(p.delta().get("pi").toDoubleVector()).containsExactly(new double[] {-etaActor, -etaActor}, within(1e-12));
        assertThat(p.delta().get("vf").getDouble(0)).isCloseTo(-10 * etaCritic, within(1e-12));
        assertThat(p.stepSize()).isCloseTo(etaActor, within(1e-15));
        assertThat(p.predictedKl()).isCloseTo(0.002, within(1e-12));

        TrustRegionStepRule joint = new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.JOINT, false, false));
        double eta = Math.sqrt(2 * 0.001 / 102);
        assertThat(joint.propose(request(new Direction(blocks, 102), g)).delta().get("pi").getDouble(0)).isCloseTo(-eta, within(1e-12));
    }

    @Test
    void anExactQuadraticFormSizesEachGroupsStepByTheBatchsFisherNotTheEstimatorsApproximation() {
        TrustRegionStepRule rule = new TrustRegionStepRule(
                new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.PER_GROUP, false, false, true));
        Map<String, INDArray> blocks = new java.util.LinkedHashMap<>();
        blocks.put("pi", Nd4j.create(new double[] {1, 1}, new long[] {1, 2}));
        blocks.put("vf", Nd4j.create(new double[] {10}, new long[] {1, 1}));
        Gradient g = new Gradient(blocks, Map.of("pi", "actor", "vf", "critic"));
        // the exact Fisher: diag(50, 30) on the actor, 4 on the critic; the estimator claims q = 102
        FisherVectorProduct fisher = v -> Map.of("pi", v.get("pi").mul(Nd4j.create(new double[] {50, 30}, new long[] {1, 2})),
                "vf", v.get("vf").mul(4));
        StepProposal p = rule.propose(new StepRequest(new Direction(blocks, 102), g, 0, delta -> {
            throw new AssertionError("this rule does not search");
        }, Optional.of(fisher)));

        double etaActor = Math.sqrt(2 * 0.001 / 80); // q_actor = 1*50*1 + 1*30*1
        double etaCritic = Math.sqrt(2 * 0.001 / 400); // q_critic = 10*4*10
        assertThat(rule.needsFisherVectorProducts()).isTrue();
        assertThat(p.delta().get("pi").toDoubleVector()).containsExactly(new double[] {-etaActor, -etaActor}, within(1e-12));
        assertThat(p.delta().get("vf").getDouble(0)).isCloseTo(-10 * etaCritic, within(1e-12));
        assertThat(p.predictedKl()).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void anExactQuadraticFormWithoutTheBatchsFisherIsAnErrorNamingTheSetting() {
        TrustRegionStepRule rule = new TrustRegionStepRule(
                new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.JOINT, false, false, true));

        assertThatThrownBy(() -> rule.propose(request(direction(new double[] {1, 2}, 8.0), gradient(new double[] {1, 2}))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("acktr.step-size.trust-region.quadratic-form = exact");
        assertThat(new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.JOINT, false, false))
                .needsFisherVectorProducts()).as("the approximate form asks for nothing").isFalse();
    }

    @Test
    void klFeedbackShrinksTheRadiusWhileMeasuredKlExceedsTwiceTheBudgetAndRecoversBelowHalf() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.JOINT, true, false));
        Direction d = direction(new double[] {1}, 1);
        StepProposal first = rule.propose(request(d, gradient(new double[] {1})));
        assertThat(first.predictedKl()).isCloseTo(0.001, within(1e-15));
        rule.observe(measured(0.0025));
        assertThat(rule.radiusMultiplier()).isCloseTo(1 / 1.5, within(1e-15));
        assertThat(rule.propose(request(d, gradient(new double[] {1}))).predictedKl()).isCloseTo(0.001 / 1.5, within(1e-15));
        rule.observe(measured(0.0025));
        assertThat(rule.radiusMultiplier()).as("the budget, not the shrunken prediction, is the reference")
                .isCloseTo(1 / 2.25, within(1e-15));
        rule.observe(measured(0.001));
        assertThat(rule.radiusMultiplier()).isCloseTo(1 / 2.25, within(1e-15));
        rule.observe(measured(0.0004));
        assertThat(rule.radiusMultiplier()).isCloseTo(1 / 1.5, within(1e-15));
        rule.observe(measured(0.0001));
        assertThat(rule.radiusMultiplier()).isEqualTo(1.0);
        rule.observe(measured(0.0));
        assertThat(rule.radiusMultiplier()).as("never above the configured radius").isEqualTo(1.0);
    }

    @Test
    void theLinearScheduleDecaysTheRadiusToZeroOverTheRun() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(10, 0.004, 0, TrustRegionScope.JOINT, false, true));
        StepRequest atThreeQuarters = new StepRequest(direction(new double[] {1}, 1), gradient(new double[] {1}), 0.75,
                request(direction(new double[] {1}, 1), gradient(new double[] {1})).evaluator());
        assertThat(rule.propose(atThreeQuarters).predictedKl()).isCloseTo(0.001, within(1e-15));
        StepProposal last = rule.propose(new StepRequest(atThreeQuarters.direction(), atThreeQuarters.gradient(), 1.0,
                atThreeQuarters.evaluator()));
        assertThat(last.stepSize()).isZero();
        assertThat(last.delta().get("w").getDouble(0)).isZero();
    }

    @Test
    void withoutKlFeedbackTheMeasuredKlIsIgnored() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0, TrustRegionScope.JOINT, false, false));
        rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        rule.observe(measured(1.0));
        assertThat(rule.radiusMultiplier()).isEqualTo(1.0);
    }

    @Test
    void trustRegionNeverExceedsTheMaximumStepSize() {
        assertThat(TrustRegionStepRule.stepSize(0.25, 0.001, 1e-9)).isEqualTo(0.25);
        assertThat(TrustRegionStepRule.stepSize(0.25, 0.001, 0)).isEqualTo(0.25);
    }

    @Test
    void trustRegionMomentumAveragesScaledStepsSoASteadyDirectionMovesEtaPerUpdate() {
        TrustRegionStepRule rule = new TrustRegionStepRule(new TrustRegionSettings(0.1, 1000, 0.9, TrustRegionScope.JOINT, false, false));
        rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        StepProposal second = rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        assertThat(second.delta().get("w").getDouble(0)).isCloseTo(-(0.9 * 0.1 + 0.1 * 0.1), within(1e-12));
        StepProposal last = second;
        for (int i = 0; i < 300; i++) {
            last = rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        }
        assertThat(last.delta().get("w").getDouble(0)).isCloseTo(-0.1, within(1e-9));
    }

    @Test
    void fixedRuleMomentumIsHeavyBall() {
        FixedStepRule rule = new FixedStepRule(new FixedStepSettings(0.1, 0.9));
        rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        StepProposal second = rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1})));
        assertThat(second.delta().get("w").getDouble(0)).isCloseTo(-(0.9 * 0.1 + 0.1), within(1e-12));
    }

    @Test
    void fixedRuleStepsAgainstTheDirection() {
        FixedStepRule rule = new FixedStepRule(new FixedStepSettings(0.5, 0));
        StepProposal p = rule.propose(request(direction(new double[] {2, -4}, 20), gradient(new double[] {2, -4})));
        assertThat(p.delta().get("w").toDoubleVector()).containsExactly(new double[] {-1, 2}, within(1e-12));
        assertThat(p.predictedKl()).isCloseTo(0.5 * 0.25 * 20, within(1e-12));
    }

    @Test
    void adamsFirstStepIsTheLearningRateAgainstTheSignAfterBiasCorrection() {
        AdamStepRule rule = new AdamStepRule(new AdamSettings(0.01, 0.9, 0.999, 1e-12, 100));
        StepProposal p = rule.propose(request(direction(new double[] {3, -0.5}, 0), gradient(new double[] {3, -0.5})));
        assertThat(p.delta().get("w").toDoubleVector()).containsExactly(new double[] {-0.01, 0.01}, within(1e-9));
        StepProposal second = rule.propose(request(direction(new double[] {3, -0.5}, 0), gradient(new double[] {3, -0.5})));
        assertThat(second.delta().get("w").toDoubleVector()).containsExactly(new double[] {-0.01, 0.01}, within(1e-9));
        assertThat(p.predictedKl()).isNaN();
    }

    @Test
    void adaptiveKlDividesTheStepAboveTwiceTheTargetAndMultipliesItBelowHalf() {
        AdaptiveKlStepRule rule = new AdaptiveKlStepRule(new AdaptiveKlSettings(0.3, 0.01, 0.1, 0.5));
        StepProposal first = rule.propose(request(direction(new double[] {2}, 4), gradient(new double[] {2})));
        assertThat(first.delta().get("w").getDouble(0)).isCloseTo(-0.6, within(1e-12));
        assertThat(first.predictedKl()).isCloseTo(0.5 * 0.09 * 4, within(1e-12));
        rule.observe(measured(0.05));
        assertThat(rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1}))).stepSize()).isCloseTo(0.2, within(1e-12));
        rule.observe(measured(0.01));
        assertThat(rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1}))).stepSize()).isCloseTo(0.2, within(1e-12));
        rule.observe(measured(0.001));
        rule.observe(measured(0.001));
        assertThat(rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1}))).stepSize())
                .as("capped at max-step-size").isCloseTo(0.45, within(1e-12));
        rule.observe(measured(0.001));
        assertThat(rule.propose(request(direction(new double[] {1}, 1), gradient(new double[] {1}))).stepSize()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void rmsPropNormalisesByTheRunningRootMeanSquareAfterClipping() {
        RmsPropStepRule rule = new RmsPropStepRule(new RmsPropSettings(0.1, 0.9, 1e-8, 1.0));
        INDArray d = Nd4j.create(new double[] {3, 4}, new long[] {1, 2});
        StepProposal p = rule.propose(request(new Direction(Map.of("w", d), 25), new Gradient(Map.of("w", d))));
        // clipped to norm 1: [0.6, 0.8]; s = 0.1 * d^2; step = -0.1 * d / sqrt(s) = -0.1 / sqrt(0.1) * sign
        double expected = -0.1 / Math.sqrt(0.1);
        assertThat(p.delta().get("w").toDoubleVector()).containsExactly(new double[] {expected, expected}, within(1e-6));
        assertThat(d.toDoubleVector()).containsExactly(3, 4);
    }

    @Test
    void rmsPropKeepsARunningAverageOfSquaresPerBlockInTheBlocksType() {
        RmsPropStepRule rule = new RmsPropStepRule(new RmsPropSettings(0.1, 0.9, 1e-8, 100.0));
        INDArray w = Nd4j.create(new float[] {3, -4}, new long[] {1, 2});
        INDArray b = Nd4j.create(new double[] {0.5}, new long[] {1, 1});
        Direction direction = new Direction(Map.of("w", w, "b", b), 0);
        rule.propose(request(direction, new Gradient(Map.of("w", w, "b", b))));
        StepProposal second = rule.propose(request(direction, new Gradient(Map.of("w", w, "b", b))));
        // s = 0.9 * 0.1 d^2 + 0.1 d^2 = 0.19 d^2: every step is -0.1 sign(d) / sqrt(0.19)
        double expected = -0.1 / Math.sqrt(0.19);
        assertThat(second.delta().get("w").dataType()).isEqualTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        assertThat(second.delta().get("w").toDoubleVector()).containsExactly(new double[] {expected, -expected}, within(1e-6));
        assertThat(second.delta().get("b").dataType()).isEqualTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        assertThat(second.delta().get("b").toDoubleVector())
                .containsExactly(new double[] {-0.1 * 0.5 / (Math.sqrt(0.19 * 0.25) + 1e-8)}, within(1e-15));
    }
}
