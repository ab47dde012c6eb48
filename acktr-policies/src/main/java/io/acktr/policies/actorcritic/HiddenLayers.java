package io.acktr.policies.actorcritic;

import io.acktr.policies.layers.LayerStack;
import java.util.List;
import java.util.Random;

/**
 * Builds the hidden layers of one network, or of the shared torso: everything between the
 * observations and the linear output layers {@code pi/out} and {@code vf/out}.
 */
@FunctionalInterface
public interface HiddenLayers {
    /**
     * The layers, named {@code prefix/...} ({@code prefix} is {@code torso}, {@code pi} or {@code vf}),
     * initialised in order from {@code random}; may be empty.
     */
    List<LayerStack.Layer> create(String prefix, Random random);
}
