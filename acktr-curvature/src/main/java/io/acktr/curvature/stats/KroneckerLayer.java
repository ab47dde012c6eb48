package io.acktr.curvature.stats;

import io.acktr.numerics.Gemm;
import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.numerics.Vectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer with Kronecker structure as the curvature estimators see it: rows {@code abar_t} of
 * homogeneous inputs and rows {@code g_t} of pre-activation gradients, {@code T = locations} rows
 * per sample (1 for a dense layer; the output positions of a convolution, whose rows are im2col
 * patches). Sample {@code i}'s gradient is {@code G_i = sum_t g_t abar_t^T}.
 *
 * <p>The Kronecker factors follow KFC (Grosse and Martens 2016): {@code A} averages
 * {@code abar abar^T} over samples and locations, {@code G} averages {@code g g^T} over samples
 * and locations and is scaled by {@code T} (spatially uncorrelated derivatives), so that
 * {@code A ⊗ G} approximates {@code E[vec(G_i) vec(G_i)^T]}. The products are taken in the
 * statistics' own data type (the policy's) and folded into running factors kept in double
 * precision; results are always double.
 */
public record KroneckerLayer(String name, INDArray inputs, INDArray gradients, int locations) {

    /** Accepts dense and convolutional statistics; any other kind is refused, naming the estimator and the layer. */
    public static KroneckerLayer of(LayerStatistics layer, String estimator) {
        if (layer instanceof DenseLayerStatistics dense) {
            return new KroneckerLayer(dense.parameterName(), dense.activations(), dense.preActivationGradients(), 1);
        }
        if (layer instanceof ConvLayerStatistics conv) {
            return new KroneckerLayer(conv.parameterName(), conv.patches(), conv.preActivationGradients(),
                    conv.locations());
        }
        throw new IllegalArgumentException(estimator + " supports dense and convolutional layers; layer "
                + layer.parameterName() + " is of kind " + layer.getClass().getSimpleName());
    }

    public int batchSize() {
        return (int) (inputs.rows() / locations);
    }

    public int inputWidth() {
        return (int) inputs.columns();
    }

    public int outputWidth() {
        return (int) gradients.columns();
    }

    /** {@code A = sum_{i,t} abar abar^T / (N T)}, {@code d_in x d_in}, c order. */
    public INDArray inputFactor() {
        return gram(inputs).muli(1.0 / inputs.rows());
    }

    /** {@code G = T sum_{i,t} g g^T / (N T) = sum_{i,t} g g^T / N}, {@code d_out x d_out}, c order. */
    public INDArray gradientFactor() {
        return gram(gradients).muli(1.0 / batchSize());
    }

    /** Whether every input and gradient is finite. */
    public boolean isFinite() {
        return Vectors.isFinite(inputs) && Vectors.isFinite(gradients);
    }

    /**
     * {@code target <- keep target + weight A} on the lower triangle of {@code target} (see
     * {@link Gemm#gramLower}), in place, in one product in the statistics' data type, which
     * {@code target} must have.
     */
    public void addInputFactorLower(INDArray target, double keep, double weight) {
        Gemm.gramLower(inputs, target, weight / inputs.rows(), keep);
    }

    /** {@code target <- keep target + weight G}, as {@link #addInputFactorLower}. */
    public void addGradientFactorLower(INDArray target, double keep, double weight) {
        Gemm.gramLower(gradients, target, weight / batchSize(), keep);
    }

    /** The data type of the statistics (the policy's). */
    public DataType dataType() {
        return inputs.dataType();
    }

    /** {@code rows^T rows} in the rows' data type, cast to double. */
    private static INDArray gram(INDArray rows) {
        return Gemm.product(rows, rows, true, false).castTo(DataType.DOUBLE);
    }

    /** The per-sample gradients {@code G_i = sum_t g_t abar_t^T}, {@code N x d_out x d_in}, one batched product. */
    public INDArray perSampleGradients() {
        int n = batchSize();
        INDArray g = gradients.reshape('c', n, locations, outputWidth());
        INDArray a = inputs.castTo(gradients.dataType()).reshape('c', n, locations, inputWidth());
        return Nd4j.matmul(g, a, true, false, false);
    }

    /** {@code N x (d_out d_in)}: row {@code i} is {@code vec(G_i)} in the weight matrix's row-major order. */
    public INDArray perSampleRows() {
        return perSampleGradients().reshape('c', batchSize(), (long) outputWidth() * inputWidth()).castTo(DataType.DOUBLE);
    }

    /**
     * {@code E[G_i o G_i]}, {@code d_out x d_in}: for a dense layer {@code (g o g)^T (abar o abar) / N},
     * one product; for a convolution the mean of the squared per-sample gradients.
     */
    public INDArray meanSquaredGradient() {
        if (locations == 1) {
            INDArray g = gradients.castTo(DataType.DOUBLE);
            INDArray a = inputs.castTo(DataType.DOUBLE);
            return g.mul(g).transpose().mmul(a.mul(a)).divi(batchSize());
        }
        INDArray perSample = perSampleGradients().castTo(DataType.DOUBLE);
        return perSample.muli(perSample).mean(0);
    }

    /**
     * {@code E[(Q_G^T G_i Q_A) o (Q_G^T G_i Q_A)]}, {@code d_out x d_in}, the second moment of the
     * per-sample gradients in the eigenbasis; for a dense layer
     * {@code ((g Q_G) o (g Q_G))^T ((abar Q_A) o (abar Q_A)) / N}.
     */
    public INDArray projectedMeanSquare(INDArray qg, INDArray qa) {
        INDArray gq = gradients.castTo(DataType.DOUBLE).mmul(qg);
        INDArray aq = inputs.castTo(DataType.DOUBLE).mmul(qa);
        if (locations == 1) {
            return gq.mul(gq).transpose().mmul(aq.mul(aq)).divi(batchSize());
        }
        int n = batchSize();
        INDArray projected = Nd4j.matmul(gq.reshape('c', n, locations, outputWidth()),
                aq.reshape('c', n, locations, inputWidth()), true, false, false);
        return projected.muli(projected).mean(0);
    }
}
