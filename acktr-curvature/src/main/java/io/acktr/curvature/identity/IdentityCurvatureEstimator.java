package io.acktr.curvature.identity;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.Gradient;

/** {@code F_hat = I}: the direction is the gradient itself (plain first-order A2C). */
public final class IdentityCurvatureEstimator implements CurvatureEstimator {
    public static final String NAME = "identity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CurvatureRequirements requirements() {
        return CurvatureRequirements.none();
    }

    @Override
    public void observe(FisherPass pass) {
    }

    @Override
    public Direction precondition(Gradient gradient) {
        return Direction.blockDiagonal(gradient, gradient.blocks());
    }
}
