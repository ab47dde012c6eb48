package io.acktr.runtime.lifecycle;

import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;

/**
 * {@code Failing-v0}, found only through {@link RolloutWorkerFailureTest}'s class loader: a walk
 * whose environment reset with seed {@code 1 + }{@value #FAILING_INDEX} throws on its
 * {@value #FAILING_STEP}th step.
 */
public final class FailingEnvironmentProvider implements EnvironmentProvider {
    public static final String ID = "Failing-v0";
    static final int FAILING_INDEX = 3;
    static final int FAILING_STEP = 30;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Environment create() {
        return new Environment() {
            private boolean failing;
            private int steps;

            @Override
            public String id() {
                return ID;
            }

            @Override
            public Space observationSpace() {
                return BoxSpace.uniform(-1, 1, 2);
            }

            @Override
            public Space actionSpace() {
                return new DiscreteSpace(2);
            }

            @Override
            public double[] reset(long seed) {
                failing = seed == 1 + FAILING_INDEX;
                return reset();
            }

            @Override
            public double[] reset() {
                return new double[] {0, 0};
            }

            @Override
            public StepResult step(double[] action) {
                if (failing && ++steps == FAILING_STEP) {
                    throw new IllegalStateException("the simulator broke");
                }
                return new StepResult(new double[] {action[0], 0.5}, 1.0, false, false);
            }
        };
    }
}
