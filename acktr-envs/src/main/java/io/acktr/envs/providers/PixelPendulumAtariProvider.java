package io.acktr.envs.providers;

import io.acktr.envs.pixel.ImageFrameStack;
import io.acktr.envs.pixel.PixelPendulum;

/**
 * {@code PixelPendulumAtari-v1}: Pendulum-v1 seen as the last {@value #FRAMES} {@value #SIZE} x
 * {@value #SIZE} grey images (shape {@code [84, 84, 4]}, oldest first), the shape Atari games have
 * after the usual preprocessing (Mnih et al. 2015), and Pendulum-v1's 200-step time limit.
 *
 * <p>It exists so that the {@code cnn} policy's default torso, the Nature-DQN convolutions, trains on
 * its intended input size without an Atari emulator: training speed and resident memory of Nature-CNN
 * runs are measured on it. Its dynamics, rewards and episode ends are Pendulum-v1's, as
 * {@code PixelPendulum-v1}'s are.
 */
public final class PixelPendulumAtariProvider extends TimeLimitedProvider {
    public static final String ID = "PixelPendulumAtari-v1";
    public static final int SIZE = 84;
    public static final int FRAMES = 4;

    public PixelPendulumAtariProvider() {
        super(ID,
                "Pendulum-v1 seen as the last " + FRAMES + " " + SIZE + " x " + SIZE + " grey images (Atari's shape, for the "
                + "Nature CNN); " + PendulumProvider.MAX_EPISODE_STEPS + " steps",
                PendulumProvider.MAX_EPISODE_STEPS, () -> new ImageFrameStack(new PixelPendulum(SIZE), FRAMES, ID));
    }
}
