package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

/**
 * Gymnasium's {@code ClipAction}: clips each element of a box action to the wrapped environment's
 * bounds before stepping. Its action space is, as in Gymnasium, the unbounded box of the same
 * shape: any finite action of the right length is accepted.
 */
public final class ClipAction extends ForwardingEnvironment {
    private final BoxSpace bounds;
    private final BoxSpace actionSpace;

    public ClipAction(Environment environment) {
        super(environment);
        this.bounds = BoxSpaces.requireBox(environment.actionSpace(), "action", "ClipAction", environment.id());
        this.actionSpace = BoxSpaces.unbounded(bounds.shape());
    }

    @Override
    public Space actionSpace() {
        return actionSpace;
    }

    @Override
    public void announceStep(double[] action) {
        super.announceStep(clip(action));
    }

    @Override
    public StepResult step(double[] action) {
        return super.step(clip(action));
    }

    private double[] clip(double[] action) {
        actionSpace.checkAction(action, id());
        double[] clipped = new double[action.length];
        for (int i = 0; i < action.length; i++) {
            clipped[i] = Math.max(bounds.low(i), Math.min(bounds.high(i), action[i]));
        }
        return clipped;
    }
}
