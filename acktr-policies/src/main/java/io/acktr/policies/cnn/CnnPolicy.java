package io.acktr.policies.cnn;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Space;
import io.acktr.policies.actorcritic.ActorCriticPolicy;
import io.acktr.policies.actorcritic.HiddenLayers;
import io.acktr.policies.layers.ConvLayer;
import io.acktr.policies.layers.DenseLayer;
import io.acktr.policies.layers.LayerStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * An actor-critic CNN over image observations: convolutions (valid padding), dense hidden layers on
 * the flattened feature maps, then the linear heads of {@link ActorCriticPolicy}.
 *
 * <p>Observations are a {@link BoxSpace} of shape {@code [height, width, channels]} (channels
 * last, as Gymnasium and MinAtar), each flattened row-major into one row of the {@code N x flatSize}
 * observation matrix. Convolutions are {@link ConvLayer}s: a {@code filters x (k^2 C + 1)} weight
 * block per convolution, the last column the bias, and a channels-last output.
 *
 * <p>Parameter blocks, in order: with a shared torso {@code torso/conv0, torso/conv1, ...,
 * torso/0, ..., pi/out, vf/out}; otherwise {@code pi/conv0, ..., pi/0, ..., pi/out, vf/conv0, ...,
 * vf/0, ..., vf/out}; then {@code log_std} for a Gaussian head. Convolutions and hidden layers are
 * orthogonally initialised with gain sqrt(2) and zero biases, as stable-baselines3 does for its
 * Nature CNN. Observations are used as given: scale pixels in the environment.
 */
public final class CnnPolicy extends ActorCriticPolicy {
    /** The value of {@code acktr.policy.type} that selects this policy. */
    public static final String NAME = "cnn";

    public CnnPolicy(Space observationSpace, Space actionSpace, CnnArchitecture architecture, long seed) {
        super(observationSpace, actionSpace,
                hiddenLayers(requireNonNull(architecture, "architecture is null"),
                        imageShape(observationSpace, architecture)),
                architecture.sharedTorso(), architecture.dataType(), architecture.initialLogStd(), seed);
    }

    /**
     * {@code [height, width, channels]}, after checking the convolutions fit.
     *
     * @throws IllegalArgumentException for a space that is not a 3-D box, or whose images are too small
     */
    private static int[] imageShape(Space observationSpace, CnnArchitecture architecture) {
        requireNonNull(observationSpace, "observationSpace is null");
        if (!(observationSpace instanceof BoxSpace box) || box.shape().length != 3) {
            throw new IllegalArgumentException("a CNN policy needs a Box observation space of shape "
                    + "[height, width, channels], got " + observationSpace.describe());
        }
        int[] shape = box.shape();
        int height = shape[0];
        int width = shape[1];
        for (int i = 0; i < architecture.convLayers().size(); i++) {
            ConvLayerSpec spec = architecture.convLayers().get(i);
            if (spec.kernel() > height || spec.kernel() > width) {
                throw new IllegalArgumentException("observations of shape " + Arrays.toString(shape)
                        + " are too small for the convolutions " + architecture.convLayers() + ": conv" + i + " ("
                        + spec + ") gets a " + height + "x" + width + " input (valid padding)");
            }
            height = (height - spec.kernel()) / spec.stride() + 1;
            width = (width - spec.kernel()) / spec.stride() + 1;
        }
        return shape;
    }

    /** Convolutions {@code prefix/conv0 ...} then dense layers {@code prefix/0 ...}, initialised in that order. */
    private static HiddenLayers hiddenLayers(CnnArchitecture architecture, int[] imageShape) {
        return (String prefix, Random random) -> {
            List<LayerStack.Layer> layers = new ArrayList<>();
            int height = imageShape[0];
            int width = imageShape[1];
            int channels = imageShape[2];
            for (int i = 0; i < architecture.convLayers().size(); i++) {
                ConvLayerSpec spec = architecture.convLayers().get(i);
                ConvLayer conv = new ConvLayer(prefix + "/conv" + i, height, width, channels, spec.filters(),
                        spec.kernel(), spec.stride());
                layers.add(LayerStack.Layer.initialised(conv, architecture.activation(), HIDDEN_GAIN,
                        architecture.dataType(), random));
                height = conv.outputHeight();
                width = conv.outputWidth();
                channels = conv.filters();
            }
            int size = height * width * channels;
            for (int i = 0; i < architecture.hiddenSizes().size(); i++) {
                int next = architecture.hiddenSizes().get(i);
                layers.add(LayerStack.Layer.initialised(new DenseLayer(prefix + "/" + i, size, next),
                        architecture.activation(), HIDDEN_GAIN, architecture.dataType(), random));
                size = next;
            }
            return layers;
        };
    }
}
