package io.acktr.curvature.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepEvaluator;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The line search on a one-parameter model: loss {@code L(theta) = theta - c theta^2} near 0 and KL
 * {@code 0.5 f theta^2}, so the gradient is 1, the direction {@code 1/f} and the full step
 * {@code sqrt(2 delta / (1/f))}.
 */
class LineSearchStepRuleTest {
    private static final double FISHER = 4.0;
    private static final double RADIUS = 0.02;

    private static Direction direction() {
        INDArray d = Nd4j.scalar(DataType.DOUBLE, 1.0 / FISHER).reshape(1, 1);
        return new Direction(Map.of("theta", d), 1.0 / FISHER);
    }

    private static Gradient gradient() {
        return new Gradient(Map.of("theta", Nd4j.scalar(DataType.DOUBLE, 1.0).reshape(1, 1)));
    }

    /** Evaluates a quadratic loss with the given curvature and a KL that is {@code klScale} times the model's. */
    private static StepEvaluator evaluator(double lossCurvature, double klScale, List<Double> tried) {
        return delta -> {
            double theta = delta.get("theta").getDouble(0);
            tried.add(theta);
            double improvement = -(theta + lossCurvature * theta * theta);
            return new StepEvaluator.Evaluation(improvement, klScale * 0.5 * FISHER * theta * theta);
        };
    }

    private static LineSearchStepRule rule() {
        return new LineSearchStepRule(new LineSearchSettings(RADIUS, 0.5, 10, 0.1));
    }

    @Test
    void aStepThatImprovesWithinTheRadiusIsTakenInFull() {
        List<Double> tried = new ArrayList<>();
        StepProposal step = rule().propose(new StepRequest(direction(), gradient(), 0, evaluator(0.0, 0.9, tried)));
        double fullStep = Math.sqrt(2 * RADIUS * FISHER);
        assertThat(step.stepSize()).isCloseTo(fullStep, within(1e-12));
        assertThat(step.delta().get("theta").getDouble(0)).isCloseTo(-fullStep / FISHER, within(1e-12));
        assertThat(step.predictedKl()).isCloseTo(RADIUS, within(1e-12));
        assertThat(tried).hasSize(1);
    }

    @Test
    void aStepWhoseMeasuredKlExceedsTheRadiusIsHalvedUntilItFits() {
        List<Double> tried = new ArrayList<>();
        LineSearchStepRule rule = rule();
        // the measured KL is 10x the model's: half the step gives 2.5x, a quarter 0.625x the radius
        StepProposal step = rule.propose(new StepRequest(direction(), gradient(), 0, evaluator(0.0, 10.0, tried)));
        assertThat(rule.lastBacktracks()).isEqualTo(2);
        assertThat(step.stepSize()).isCloseTo(Math.sqrt(2 * RADIUS * FISHER) / 4, within(1e-12));
        assertThat(tried).hasSize(3);
    }

    @Test
    void whenNoCandidateImprovesTheLossTheParametersStay() {
        List<Double> tried = new ArrayList<>();
        LineSearchStepRule rule = rule();
        // a huge curvature makes every candidate worse than not moving
        StepProposal step = rule.propose(new StepRequest(direction(), gradient(), 0, evaluator(1e9, 1.0, tried)));
        assertThat(step.stepSize()).isZero();
        assertThat(step.delta().get("theta").getDouble(0)).isZero();
        assertThat(tried).hasSize(11);
        assertThat(rule.lastBacktracks()).isEqualTo(11);
    }
}
