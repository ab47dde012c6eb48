package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

/**
 * Gymnasium's {@code RescaleAction}: the agent acts in the box {@code [low, high]} of the same
 * shape (typically {@code [-1, 1]}), and each element is mapped affinely onto the wrapped
 * environment's bounds, {@code low} to its low and {@code high} to its high:
 * {@code envLow + (envHigh - envLow) * (a - low) / (high - low)}. Actions outside
 * {@code [low, high]} map outside the bounds (add a {@link ClipAction} outside this wrapper to
 * clip them first). The wrapped action space must be a box with finite bounds.
 */
public final class RescaleAction extends ForwardingEnvironment {
    private final BoxSpace bounds;
    private final BoxSpace actionSpace;
    private final double low;
    private final double high;

    public RescaleAction(Environment environment, double low, double high) {
        super(environment);
        this.low = BoxSpaces.requireFinite(low, "low");
        this.high = BoxSpaces.requireFinite(high, "high");
        if (!(low < high)) {
            throw new IllegalArgumentException("low must be < high, got " + low + " and " + high);
        }
        BoxSpace inner = BoxSpaces.requireBox(environment.actionSpace(), "action", "RescaleAction", environment.id());
        this.bounds = BoxSpaces.requireFinite(inner, "action", "RescaleAction", environment.id());
        this.actionSpace = BoxSpace.uniform(low, high, inner.shape());
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public void announceStep(double[] action) {
        super.announceStep(map(action));
    }

    @Override
    public StepResult step(double[] action) {
        return super.step(map(action));
    }

    private double[] map(double[] action) {
        actionSpace.checkAction(action, id());
        double[] mapped = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            mapped[i] = bounds.low(i) + (bounds.high(i) - bounds.low(i)) * ((action[i] - low) / (high - low));
        }
        return mapped;
    }
}
