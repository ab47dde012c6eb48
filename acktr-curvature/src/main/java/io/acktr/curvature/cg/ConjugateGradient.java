package io.acktr.curvature.cg;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.FisherVectorProduct;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Conjugate gradient on Fisher-vector products: solves {@code (F + lambda I) x = b} from
 * {@code x = 0}, one product {@code F p} per iteration, never forming {@code F}. Stateless; the
 * {@code cg-fisher} estimator and the runtime's direction-cosine diagnostic (which solves the same
 * system to a tight tolerance, as the reference natural gradient) share it.
 */
public final class ConjugateGradient {
    private ConjugateGradient() {
    }

    /**
     * What a solve found.
     *
     * @param solution {@code x}, one double tensor per block of {@code b}
     * @param iterations the Fisher-vector products it took
     * @param relativeResidual {@code |b - (F + lambda I) x| / |b|} (0 when {@code b = 0})
     */
    public record Solution(Map<String, INDArray> solution, int iterations, double relativeResidual) {
    }

    /**
     * Iterates until {@code maxIterations}, until {@code |r| <= tolerance |b|}, or until the curvature
     * along a search direction is not positive (then the iterate so far is kept).
     */
    public static Solution solve(FisherVectorProduct product, Map<String, INDArray> b, double damping, int maxIterations,
                                 double tolerance) {
        requireNonNull(product, "product is null");
        requireNonNull(b, "b is null");
        Map<String, INDArray> x = BlockVectors.zerosLike(b);
        Map<String, INDArray> r = BlockVectors.toDouble(b);
        Map<String, INDArray> p = BlockVectors.toDouble(b);
        double rr = BlockVectors.dot(r, r);
        double stop = tolerance * tolerance * rr;
        int iterations = 0;
        while (iterations < maxIterations && rr > stop && rr > 0) {
            Map<String, INDArray> ap = product.apply(BlockVectors.like(p, b));
            ap = BlockVectors.toDouble(ap);
            BlockVectors.axpy(damping, p, ap);
            double pAp = BlockVectors.dot(p, ap);
            if (!(pAp > 0)) {
                break; // not positive definite along p (NaN included): keep what we have
            }
            double alpha = rr / pAp;
            BlockVectors.axpy(alpha, p, x);
            BlockVectors.axpy(-alpha, ap, r);
            double next = BlockVectors.dot(r, r);
            BlockVectors.xpby(r, next / rr, p);
            rr = next;
            iterations++;
        }
        double bb = BlockVectors.dot(BlockVectors.toDouble(b), BlockVectors.toDouble(b));
        return new Solution(x, iterations, bb > 0 ? Math.sqrt(rr / bb) : 0);
    }
}
