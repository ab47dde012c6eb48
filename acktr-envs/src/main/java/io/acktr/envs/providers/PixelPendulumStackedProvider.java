package io.acktr.envs.providers;

import io.acktr.envs.pixel.ImageFrameStack;
import io.acktr.envs.pixel.PixelPendulum;

/**
 * {@code PixelPendulumStacked-v1}: {@code PixelPendulum-v1} with its last {@value #FRAMES} images
 * stacked along the channel axis (shape {@code [32, 32, 3]}, oldest first; a reset fills the stack
 * with the first image), so that the motion of the rod is visible, and Pendulum-v1's 200-step
 * time limit.
 *
 * <p>With the {@code mlp} policy the first layer sees 3,072 inputs, so K-FAC's input factor for it
 * is 3,073 x 3,073: {@code acktr train} runs, but slowly (about 17 environment steps per second on
 * two cores with the default run). A convolutional policy suits these observations better.
 */
public final class PixelPendulumStackedProvider extends TimeLimitedProvider {
    public static final String ID = "PixelPendulumStacked-v1";
    public static final int FRAMES = 3;

    public PixelPendulumStackedProvider() {
        super(ID,
                "Pendulum-v1 seen as the last " + FRAMES + " " + PixelPendulum.DEFAULT_SIZE + " x " + PixelPendulum.DEFAULT_SIZE
                + " grey images; " + PendulumProvider.MAX_EPISODE_STEPS + " steps",
                PendulumProvider.MAX_EPISODE_STEPS, () -> new ImageFrameStack(new PixelPendulum(), FRAMES, ID));
    }
}
