package io.acktr.curvature.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.state.Stateful;
import io.acktr.api.step.StepFeedback;
import io.acktr.api.step.StepFeedbackListener;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** A rule restored from its saved state proposes what the rule that saved it proposes next. */
class StepRuleStateTest {
    private static StepRequest request(int update) {
        double[] values = {Math.sin(update), Math.cos(3 * update), 0.5 - update * 0.01};
        Gradient gradient = new Gradient(Map.of("w", Nd4j.create(values, new long[] {1, 3})));
        Direction direction = Direction.blockDiagonal(gradient, Map.of("w", Nd4j.create(values, new long[] {1, 3}).mul(2)));
        return new StepRequest(direction, gradient, update / 20.0, delta -> {
            throw new AssertionError("these rules do not search");
        });
    }

    /** The proposals of updates {@code from .. to - 1}, with KL feedback where the rule hears it. */
    private static List<String> propose(StepSizeRule rule, int from, int to) {
        List<String> proposals = new ArrayList<>();
        for (int update = from; update < to; update++) {
            StepProposal proposal = rule.propose(request(update));
            if (rule instanceof StepFeedbackListener listener) {
                listener.observe(new StepFeedback(update % 3 == 0 ? 0.1 : 1e-6, 0, 0, 0));
            }
            proposals.add(proposal.delta().get("w").toString() + " " + proposal.stepSize() + " " + proposal.predictedKl());
        }
        return proposals;
    }

    private static void assertResumes(Supplier<StepSizeRule> create) {
        StepSizeRule original = create.get();
        propose(original, 0, 7);
        StepSizeRule restored = create.get();
        ((Stateful) restored).restoreState(((Stateful) original).saveState());
        StepSizeRule fresh = create.get();

        List<String> expected = propose(original, 7, 15);
        assertThat(propose(restored, 7, 15)).as(original.name()).isEqualTo(expected);
        assertThat(propose(fresh, 7, 15)).as(original.name() + " without its state").isNotEqualTo(expected);
    }

    @Test
    void everyStatefulRuleResumesWithItsMomentsVelocitiesAndAdaptedSizes() {
        assertResumes(() -> new TrustRegionStepRule(new TrustRegionSettings(10, 0.001, 0.9, TrustRegionScope.JOINT, true, false)));
        assertResumes(() -> new FixedStepRule(new FixedStepSettings(0.1, 0.9)));
        assertResumes(() -> new AdamStepRule(new AdamSettings(0.01, 0.9, 0.999, 1e-8, 100)));
        assertResumes(() -> new RmsPropStepRule(new RmsPropSettings(0.1, 0.9, 1e-8, 1.0)));
        assertResumes(() -> new AdaptiveKlStepRule(new AdaptiveKlSettings(0.3, 0.01, 0.1, 0.5)));
    }
}
