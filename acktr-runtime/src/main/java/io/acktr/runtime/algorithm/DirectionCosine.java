package io.acktr.runtime.algorithm;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.Direction;
import io.acktr.api.curvature.FisherVectorProduct;
import io.acktr.api.curvature.Gradient;
import io.acktr.api.policy.ForwardModePolicy;
import io.acktr.api.policy.ForwardPass;
import io.acktr.api.policy.Policy;
import io.acktr.curvature.cg.ConjugateGradient;
import io.acktr.runtime.settings.DirectionCosineSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curvature-quality diagnostic of an update ({@code acktr.diagnostics.direction-cosine}): how
 * closely the estimator's direction {@code Delta = F_hat^{-1} grad} points along the exact damped
 * natural gradient of the same batch, {@code x = (F + lambda I)^{-1} grad}, as
 * {@code cos = <Delta, x> / (|Delta| |x|)} over all parameters.
 *
 * <p>Which {@code F}: the exact Fisher of the joint model whose log-likelihood every estimator's
 * Fisher pass differentiates, {@code p(a, v | s) = pi(a|s) N(v; V(s), 1/c_vf^2)}, i.e.
 * {@code F = (1/N) sum_i J_i^T H_i J_i} with {@code H_i} the policy distribution's Fisher and
 * {@code c_vf^2} for the value ({@code value-fisher-coefficient}). So K-FAC, EKFAC, the diagonal and
 * the explicit estimator are compared with the matrix they estimate, and {@code cg-fisher} with the
 * one it solves. It is joint: one system over actor and critic (no per-group blocks; with separate
 * networks {@code F} has no cross terms between them anyway, with a shared torso it has). It is the
 * expectation over the model's outputs, not a sample: estimators that sample targets (K-FAC, the
 * explicit Fisher) see a one-draw-per-state Monte Carlo estimate of it, so even {@code explicit}
 * with the same damping reads below 1 (handed the exact Fisher, it reads 1); {@code cg-fisher} with
 * the same damping reads 1 up to its own solve's accuracy. The direction is taken before the step
 * rule: a per-group trust region rescales the actor's and the critic's parts afterwards, which the
 * joint cosine does not know, so the measurement also gives the mean of the cosines within each
 * parameter group ({@link Measurement#perGroup()}), the like-for-like figure for such a rule.
 *
 * <p>The solve is {@link ConjugateGradient} on the batch's exact Fisher-vector products
 * ({@link PolicyFisherPass#fisherVectorProduct}), which read the forward pass and the parameters
 * before the step and draw no random numbers: measuring changes nothing of the run.
 */
final class DirectionCosine {
    private static final Logger LOG = LoggerFactory.getLogger(DirectionCosine.class);
    private static final DirectionCosine OFF = new DirectionCosine(null);

    private final DirectionCosineSettings settings;
    private final AtomicBoolean warnedUnconverged = new AtomicBoolean();

    private DirectionCosine(DirectionCosineSettings settings) {
        this.settings = settings;
    }

    /** The diagnostic of {@code settings}, for updates of {@code policy}, which needs forward mode when it is on. */
    static DirectionCosine of(DirectionCosineSettings settings, Policy policy) {
        requireNonNull(settings, "settings is null");
        if (!settings.enabled()) {
            return OFF;
        }
        if (!(policy instanceof ForwardModePolicy)) {
            throw new IllegalArgumentException(DirectionCosineSettings.PREFIX + ".interval = " + settings.interval()
                    + ": the exact natural gradient needs Fisher-vector products, but policy "
                    + policy.getClass().getSimpleName() + " has no forward mode (outputTangent); set it to 0");
        }
        return new DirectionCosine(settings);
    }

    /** A diagnostic that never measures. */
    static DirectionCosine off() {
        return OFF;
    }

    /** Whether update number {@code update} (1 for the first) measures the cosine. */
    boolean measures(long update) {
        return settings != null && settings.measures(update);
    }

    /**
     * What one measurement found.
     *
     * @param joint the cosine over all parameters
     * @param perGroup the mean over parameter groups ({@link Gradient#group}: a separate actor and
     *     critic) of the cosine within each group: blind to how the direction weighs one group against
     *     the other, which a per-group trust region sets anew; equal to {@code joint} with one group
     */
    record Measurement(double joint, double perGroup) {
        static final Measurement NONE = new Measurement(Double.NaN, Double.NaN);
    }

    /**
     * The cosines between {@code direction} and the exact damped natural gradient of {@code gradient}
     * on the batch of {@code pass}, at the parameters that made {@code pass}.
     */
    Measurement measure(Policy policy, ForwardPass pass, Gradient gradient, Direction direction, double valueFisherCoefficient) {
        Map<String, INDArray> reference = reference(policy, pass, gradient, valueFisherCoefficient);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        gradient.blocks().keySet().forEach(block -> groups.computeIfAbsent(gradient.group(block), g -> new ArrayList<>()).add(block));
        double sum = 0;
        for (List<String> blocks : groups.values()) {
            sum += cosine(direction.blocks(), reference, blocks);
        }
        return new Measurement(cosine(direction.blocks(), reference, gradient.blocks().keySet()), sum / groups.size());
    }

    /** The exact damped natural gradient {@code (F + lambda I)^{-1} grad} of the batch of {@code pass}, double blocks. */
    Map<String, INDArray> reference(Policy policy, ForwardPass pass, Gradient gradient, double valueFisherCoefficient) {
        long start = System.nanoTime();
        FisherVectorProduct product = PolicyFisherPass.fisherVectorProduct(policy, pass, valueFisherCoefficient);
        ConjugateGradient.Solution reference = ConjugateGradient.solve(product, gradient.blocks(), settings.damping(),
                settings.maxIterations(), settings.tolerance());
        LOG.debug("reference natural gradient: {} Fisher-vector products, relative residual {}, {} ms", reference.iterations(),
                reference.relativeResidual(), (System.nanoTime() - start) / 1_000_000);
        if (reference.relativeResidual() > settings.tolerance() && warnedUnconverged.compareAndSet(false, true)) {
            LOG.warn("the exact natural gradient of the direction-cosine diagnostic stopped at a relative residual of {}"
                    + " after {} iterations, above its tolerance {}: direction_cosine is that approximate (raise {}.max-iterations);"
                    + " said once", reference.relativeResidual(), reference.iterations(), settings.tolerance(),
                    DirectionCosineSettings.PREFIX);
        }
        return reference.solution();
    }

    /** {@code <x, y> / (|x| |y|)} over {@code blocks}, in double precision; NaN when either is 0. */
    static double cosine(Map<String, INDArray> x, Map<String, INDArray> y, Iterable<String> blocks) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (String block : blocks) {
            INDArray a = x.get(block).castTo(DataType.DOUBLE).reshape(x.get(block).length());
            INDArray b = y.get(block).castTo(DataType.DOUBLE).reshape(y.get(block).length());
            xy += a.mul(b).sumNumber().doubleValue();
            xx += a.mul(a).sumNumber().doubleValue();
            yy += b.mul(b).sumNumber().doubleValue();
        }
        return xx > 0 && yy > 0 ? xy / Math.sqrt(xx * yy) : Double.NaN;
    }
}
