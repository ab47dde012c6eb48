package io.acktr.curvature.stats;

import io.acktr.api.state.SavedState;
import io.acktr.numerics.Vectors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Running averages, per parameter block, of a diagonal Fisher {@code E[(grad log p)^2]} in double
 * precision, and the division by it. A batch holding NaN or Inf is left out and logged once per
 * block, so one bad batch cannot poison the statistics for good.
 */
public final class RunningDiagonal {
    private static final Logger LOG = LoggerFactory.getLogger(RunningDiagonal.class);

    private final String estimator;
    private final Map<String, INDArray> diagonals = new LinkedHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet(); // background statistics warn too

    /** @param estimator the estimator's name, for log messages */
    public RunningDiagonal(String estimator) {
        this.estimator = estimator;
    }

    /** Folds in a batch's mean squares: the first sets the average, later ones decay into it. */
    public boolean fold(String block, INDArray batchMeanSquares, double decay) {
        if (!Vectors.isFinite(batchMeanSquares)) {
            warnNonFinite(block);
            return false;
        }
        INDArray running = diagonals.get(block);
        if (running == null) {
            diagonals.put(block, batchMeanSquares);
        } else {
            running.muli(decay).addi(batchMeanSquares.muli(1 - decay));
        }
        return true;
    }

    /** Folds in {@code N x size} per-sample gradients as the mean of their squares. */
    public boolean foldPerSample(String block, INDArray perSampleGradients, double decay) {
        INDArray g = perSampleGradients.castTo(DataType.DOUBLE);
        return fold(block, g.mul(g).mean(true, 0), decay);
    }

    /** Logs, once per block, that a batch of {@code block}'s statistics was left out. */
    public void warnNonFinite(String block) {
        if (warned.add(block)) {
            LOG.warn("{}: the Fisher statistics of {} contain NaN or Inf; that batch was left out (logged once per block)",
                    estimator, block);
        }
    }

    public boolean has(String block) {
        return diagonals.containsKey(block);
    }

    /** A copy of the running diagonal of {@code block}. */
    public INDArray get(String block) {
        return diagonals.get(block).dup();
    }

    public Set<String> blocks() {
        return Collections.unmodifiableSet(diagonals.keySet());
    }

    /** {@code gradient / (diagonal + damping)}, in the gradient's shape and data type. */
    public INDArray precondition(String block, INDArray gradient, double damping) {
        INDArray diagonal = diagonals.get(block);
        INDArray grad = gradient.castTo(DataType.DOUBLE).reshape(diagonal.shape());
        return grad.div(diagonal.add(damping)).reshape(gradient.shape()).castTo(gradient.dataType());
    }

    /** The running diagonals (copies), by block. */
    public SavedState save() {
        return SavedState.empty().withCopies("", diagonals);
    }

    /** Replaces the running diagonals with the saved ones. */
    public void restore(SavedState state) {
        diagonals.clear();
        diagonals.putAll(state.copiesUnder(""));
    }
}
