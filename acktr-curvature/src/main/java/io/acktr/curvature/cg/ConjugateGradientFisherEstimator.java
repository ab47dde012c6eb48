package io.acktr.curvature.cg;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.CurvatureRequirements;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exact Fisher of the current batch, never formed: {@code (F + lambda I) x = grad} is solved by
 * conjugate gradient on Fisher-vector products {@code F v = J^T H J v} (TRPO's natural gradient).
 * Each iteration costs one product, i.e. a forward-mode and a backward pass through the network;
 * one more gives the exact quadratic form {@code x^T F x} for the step-size rule.
 */
public final class ConjugateGradientFisherEstimator implements CurvatureEstimator {
    public static final String NAME = "cg-fisher";

    private final ConjugateGradientSettings settings;
    private FisherVectorProduct product;
    private int lastIterations;
    private double lastRelativeResidual = Double.NaN;

    public ConjugateGradientFisherEstimator(ConjugateGradientSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Exact Fisher-vector products of each batch, no layer statistics. */
    @Override
    public CurvatureRequirements requirements() {
        return new CurvatureRequirements(Optional.empty(), true, false);
    }

    @Override
    public void observe(FisherPass pass) {
        product = pass.run().fisherVectorProduct();
    }

    @Override
    public Direction precondition(Gradient gradient) {
        if (product == null) {
            throw new IllegalStateException(NAME + " has no Fisher-vector product yet: observe() must come first");
        }
        Map<String, INDArray> x = solve(gradient.blocks());
        Map<String, INDArray> fx = product.apply(BlockVectors.like(x, gradient.blocks()));
        double quadraticForm = BlockVectors.dot(x, fx);
        return new Direction(BlockVectors.like(x, gradient.blocks()), quadraticForm);
    }

    /** Conjugate gradient from {@code x = 0}, stopping at the iteration limit or the relative tolerance. */
    private Map<String, INDArray> solve(Map<String, INDArray> b) {
        ConjugateGradient.Solution solution = ConjugateGradient.solve(product, b, settings.damping(), settings.maxIterations(),
                settings.tolerance());
        lastIterations = solution.iterations();
        lastRelativeResidual = solution.relativeResidual();
        return solution.solution();
    }

    /** CG iterations of the latest solve. */
    public int lastIterations() {
        return lastIterations;
    }

    /** {@code |r| / |grad|} after the latest solve. */
    public double lastRelativeResidual() {
        return lastRelativeResidual;
    }
}
