package io.acktr.envs.providers;

import io.acktr.envs.pixel.PixelPendulum;

/**
 * {@code PixelPendulum-v1}: Pendulum-v1 observed as one 32 x 32 grey image, with Pendulum-v1's
 * 200-step time limit. One image does not show the angular velocity; see
 * {@link PixelPendulumStackedProvider} for the last 3 images stacked.
 */
public final class PixelPendulumProvider extends TimeLimitedProvider {
    public PixelPendulumProvider() {
        super(PixelPendulum.ID,
                "Pendulum-v1 seen as one " + PixelPendulum.DEFAULT_SIZE + " x " + PixelPendulum.DEFAULT_SIZE
                + " grey image (no velocity: stack frames); " + PendulumProvider.MAX_EPISODE_STEPS + " steps",
                PendulumProvider.MAX_EPISODE_STEPS, PixelPendulum::new);
    }
}
