package io.acktr.curvature.step;

import io.acktr.api.state.SavedState;
import io.acktr.api.state.Stateful;
import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.step.StepProposal;
import io.acktr.api.step.StepRequest;
import io.acktr.api.step.StepSizeRule;

/** {@code theta <- theta - eta Delta} with a constant {@code eta}, optionally with momentum. */
public final class FixedStepRule implements StepSizeRule, Stateful {
    public static final String NAME = "fixed";

    private final FixedStepSettings settings;
    private final Momentum momentum;

    public FixedStepRule(FixedStepSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.momentum = new Momentum(settings.momentum(), 0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepProposal propose(StepRequest request) {
        Direction direction = request.direction();
        Gradient gradient = request.gradient();
        double eta = settings.learningRate();
        return new StepProposal(momentum.apply(direction.blocks(), eta), eta, 0.5 * eta * eta * direction.quadraticForm());
    }

    /** The momentum's velocities. */
    @Override
    public SavedState saveState() {
        return SavedState.prefixed("momentum/", momentum.save());
    }

    @Override
    public void restoreState(SavedState state) {
        momentum.restore(state.part("momentum/"));
    }
}
