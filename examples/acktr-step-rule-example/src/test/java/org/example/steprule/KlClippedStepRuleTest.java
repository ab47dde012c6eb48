package org.example.steprule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepEvaluator;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KlClippedStepRuleTest {
    private static final double RADIUS = 0.002;
    private static final double MAX_STEP = 0.5;
    private static final StepEvaluator NO_SEARCH = delta -> {
        throw new AssertionError("kl-clipped never tries a step");
    };

    /** Direction {@code Delta = [1, -2]} in one block, with the given {@code q = Delta^T F Delta}. */
    private static StepRequest request(double quadraticForm) {
        INDArray delta = Nd4j.createFromArray(1.0, -2.0);
        Direction direction = new Direction(Map.of("w", delta), quadraticForm);
        return new StepRequest(direction, new Gradient(Map.of("w", delta.dup())), 0, NO_SEARCH);
    }

    private static KlClippedStepRule rule(double calibrationDecay, double maxCorrection) {
        return new KlClippedStepRule(new KlClippedSettings(RADIUS, MAX_STEP, calibrationDecay, maxCorrection));
    }

    @Test
    void aDescentStepSubtractsTheDirectionScaledByTheCappedStepSize() {
        StepProposal step = rule(0.9, 20).propose(request(1e-6));

        assertEquals(MAX_STEP, step.stepSize());
        assertArrayEquals(new double[] {-0.5, 1.0}, step.delta().get("w").toDoubleVector(), 1e-12);
        assertEquals(0.5 * MAX_STEP * MAX_STEP * 1e-6, step.predictedKl(), 1e-18);
    }

    @Test
    void aLargeQuadraticFormIsClippedSoThatThePredictedKlEqualsTheRadius() {
        double q = 100;

        StepProposal step = rule(0.9, 20).propose(request(q));

        double eta = Math.sqrt(2 * RADIUS / q);
        assertEquals(eta, step.stepSize(), 1e-15);
        assertEquals(RADIUS, step.predictedKl(), 1e-15);
        assertArrayEquals(new double[] {-eta, 2 * eta}, step.delta().get("w").toDoubleVector(), 1e-15);
    }

    @Test
    void eachParameterGroupIsClippedToTheRadiusOnItsOwn() {
        INDArray actorGradient = Nd4j.createFromArray(1.0, 0.0);
        INDArray criticGradient = Nd4j.createFromArray(10.0);
        Map<String, INDArray> blocks = new LinkedHashMap<>();
        blocks.put("pi", actorGradient);
        blocks.put("v", criticGradient);
        Gradient gradient = new Gradient(blocks, Map.of("pi", "actor", "v", "critic"));
        // F_hat = I: Delta = grad, so q_actor = 1 and q_critic = 100.
        Direction direction = Direction.blockDiagonal(gradient, blocks);

        StepProposal step = rule(0.9, 20).propose(new StepRequest(direction, gradient, 0, NO_SEARCH));

        double actorEta = Math.sqrt(2 * RADIUS / 1);
        double criticEta = Math.sqrt(2 * RADIUS / 100);
        assertArrayEquals(new double[] {-actorEta, 0}, step.delta().get("pi").toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {-10 * criticEta}, step.delta().get("v").toDoubleVector(), 1e-15);
        assertEquals(2 * RADIUS, step.predictedKl(), 1e-15);
        assertEquals(actorEta, step.stepSize(), 1e-15, "the step size of the first block's group");
    }

    @Test
    void aMeasuredKlFourTimesThePredictionHalvesTheNextStep() {
        KlClippedStepRule rule = rule(0.9, 20);
        StepProposal first = rule.propose(request(100));

        rule.observe(new StepFeedback(4 * first.predictedKl(), first.predictedKl(), -1, -1));
        StepProposal second = rule.propose(request(100));

        assertEquals(4, rule.correction(), 1e-12);
        assertEquals(first.stepSize() / 2, second.stepSize(), 1e-15);
        assertEquals(RADIUS / 4, second.predictedKl(), 1e-15);
    }

    @Test
    void theCalibrationIsARunningGeometricMeanOfMeasuredOverPredicted() {
        KlClippedStepRule rule = rule(0.5, 20);

        rule.observe(new StepFeedback(0.004, 0.001, 0, 0));
        rule.observe(new StepFeedback(0.001, 0.001, 0, 0));

        assertEquals(Math.exp(0.5 * Math.log(4)), rule.correction(), 1e-12);
    }

    @Test
    void aMeasuredKlBelowThePredictionLetsTheStepGrowUpToTheCap() {
        KlClippedStepRule rule = rule(0, 20);
        double q = 0.1;
        double clipped = rule.propose(request(q)).stepSize();

        rule.observe(new StepFeedback(0.0005, 0.002, 0, 0));
        double grown = rule.propose(request(q)).stepSize();
        rule.observe(new StepFeedback(0.0001, 0.01, 0, 0));
        double capped = rule.propose(request(q)).stepSize();

        assertEquals(2 * clipped, grown, 1e-15);
        assertEquals(MAX_STEP, capped);
    }

    @Test
    void theCalibrationIsKeptWithinMaxCorrection() {
        KlClippedStepRule rule = rule(0, 20);

        rule.observe(new StepFeedback(1000, 1, 0, 0));
        assertEquals(20, rule.correction(), 1e-9);
        rule.observe(new StepFeedback(1, 1000, 0, 0));
        assertEquals(1.0 / 20, rule.correction(), 1e-12);
    }

    @Test
    void feedbackWithoutAUsableRatioChangesNothing() {
        KlClippedStepRule rule = rule(0, 20);

        rule.observe(new StepFeedback(Double.NaN, 0.001, 0, 0));
        rule.observe(new StepFeedback(0.001, 0, 0, 0));
        rule.observe(new StepFeedback(0, 0.001, 0, 0));
        rule.observe(new StepFeedback(Double.POSITIVE_INFINITY, 0.001, 0, 0));

        assertEquals(1, rule.correction());
    }

    @Test
    void aZeroDirectionProposesNoChange() {
        INDArray zero = Nd4j.zeros(DataType.FLOAT, 3);
        Direction direction = Direction.blockDiagonal(new Gradient(Map.of("w", zero)), Map.of("w", zero));

        StepProposal step = rule(0.9, 20).propose(new StepRequest(direction, new Gradient(Map.of("w", zero)), 0, NO_SEARCH));

        assertEquals(0, step.predictedKl());
        assertEquals(0, step.delta().get("w").norm2Number().doubleValue());
        assertEquals(DataType.FLOAT, step.delta().get("w").dataType());
    }

    @Test
    void everyBlockOfTheDirectionMovesAndNoOther() {
        Direction direction = new Direction(Map.of("actor", Nd4j.createFromArray(1.0), "critic", Nd4j.createFromArray(2.0)), 1e-6);
        Gradient gradient = new Gradient(Map.of("actor", Nd4j.createFromArray(1.0), "critic", Nd4j.createFromArray(2.0)));

        StepProposal step = rule(0.9, 20).propose(new StepRequest(direction, gradient, 0, NO_SEARCH));

        assertEquals(Set.of("actor", "critic"), step.delta().keySet());
        assertEquals(-MAX_STEP, step.delta().get("actor").getDouble(0), 1e-12);
        assertEquals(-2 * MAX_STEP, step.delta().get("critic").getDouble(0), 1e-12);
    }

    @Test
    void itDoesNotAskForAMeasurementEveryUpdate() {
        assertFalse(rule(0.9, 20).needsFeedbackEveryUpdate());
    }
}
