package io.acktr.policies.layers;

import io.acktr.numerics.Elementwise;
import io.acktr.numerics.RationalTanh;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Element-wise activation functions {@code y = f(x)}. For each of them the derivative can be
 * computed from the output {@code y} alone, so a forward pass only needs to keep the outputs.
 */
public enum Activation {
    /** {@code tanh(x)}; {@code f'(x) = 1 - y^2}. */
    TANH {
        @Override
        public INDArray forward(INDArray preActivation) {
            return forwardInPlace(preActivation.dup('c'));
        }

        /** Float matrices by the rational approximation, in plain loops ({@link Elementwise#tanhInPlace}). */
        @Override
        public INDArray forwardInPlace(INDArray preActivation) {
            return Elementwise.tanhInPlace(preActivation);
        }

        @Override
        public INDArray derivative(INDArray output) {
            return output.mul(output).rsubi(1.0);
        }

        @Override
        public INDArray derivativeInto(INDArray output, INDArray target) {
            return Elementwise.oneMinusSquare(output, target);
        }

        /** {@code sign(x) (1 - e) / (1 + e)} with {@code e = exp(-2|x|)}: one intrinsic exp, no overflow. */
        @Override
        public void forwardInPlace(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                double x = values[i];
                double e = Math.exp(-2.0 * Math.abs(x));
                values[i] = Math.copySign((1.0 - e) / (1.0 + e), x);
            }
        }

        /** A rational approximation within {@code 4e-9} of {@code tanh}, which the JIT vectorises ({@link RationalTanh}). */
        @Override
        public void forwardInPlaceToFloatAccuracy(double[] values, int length) {
            RationalTanh.applyInPlace(values, length);
        }
    },
    /** {@code max(0, x)}; {@code f'(x) = 1 if y > 0 else 0}. */
    RELU {
        @Override
        public INDArray forward(INDArray preActivation) {
            return Transforms.relu(preActivation, true);
        }

        @Override
        public INDArray forwardInPlace(INDArray preActivation) {
            return Transforms.relu(preActivation, false);
        }

        @Override
        public INDArray derivative(INDArray output) {
            return output.gt(0.0).castTo(output.dataType());
        }

        @Override
        public INDArray derivativeInto(INDArray output, INDArray target) {
            Nd4j.getExecutioner().exec(new Step(output, target, 0.0)); // 1 where y > 0, else 0
            return target;
        }

        @Override
        public void forwardInPlace(double[] values, int length) {
            for (int i = 0; i < length; i++) {
                values[i] = Math.max(values[i], 0.0);
            }
        }
    },
    /** {@code x}, for linear output layers; {@code f'(x) = 1}. */
    IDENTITY {
        @Override
        public INDArray forward(INDArray preActivation) {
            return preActivation;
        }

        @Override
        public INDArray forwardInPlace(INDArray preActivation) {
            return preActivation;
        }

        @Override
        public INDArray derivative(INDArray output) {
            return output.ulike().assign(1.0);
        }

        @Override
        public INDArray derivativeInto(INDArray output, INDArray target) {
            return target.assign(1.0);
        }

        @Override
        public INDArray backward(INDArray output, INDArray outputGradient) {
            return outputGradient;
        }

        @Override
        public void forwardInPlace(double[] values, int length) {
        }
    };

    /** {@code f(x)} as a new array (the identity returns its argument). */
    public abstract INDArray forward(INDArray preActivation);

    /** {@code f(x)} written over {@code x}, which is returned: for a pre-activation nothing else reads. */
    public abstract INDArray forwardInPlace(INDArray preActivation);

    /** {@code f(x)} written over {@code values[0 .. length - 1]}, in double precision: the plain-array path of acting. */
    public abstract void forwardInPlace(double[] values, int length);

    /**
     * {@link #forwardInPlace(double[], int)} where float accuracy is enough, for a float policy's
     * plain-array path: a faster approximation where the function has one, within {@code 1e-8} of
     * {@code f(x)} relative to it (its tensor pass rounds at {@code 6e-8}); else the same.
     */
    public void forwardInPlaceToFloatAccuracy(double[] values, int length) {
        forwardInPlace(values, length);
    }

    /** {@code f'(x)} element-wise, computed from the output {@code y = f(x)}. */
    public abstract INDArray derivative(INDArray output);

    /** {@link #derivative} written into {@code target} (the output's shape and type), which is returned. */
    public abstract INDArray derivativeInto(INDArray output, INDArray target);

    /** {@code dL/dx = dL/dy * f'(x)}, given the output {@code y} and {@code dL/dy}. */
    public INDArray backward(INDArray output, INDArray outputGradient) {
        return derivative(output).muli(outputGradient);
    }

    /**
     * Forward mode: {@code y_dot = f'(x) * x_dot}, given the output {@code y} and the input's tangent
     * {@code x_dot}. The Jacobian is diagonal, so this is the same product as {@link #backward}.
     */
    public INDArray tangent(INDArray output, INDArray inputTangent) {
        return backward(output, inputTangent);
    }
}
