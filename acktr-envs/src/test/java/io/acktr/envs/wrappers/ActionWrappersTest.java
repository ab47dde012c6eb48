package io.acktr.envs.wrappers;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.InvalidActionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@link ClipAction} and {@link RescaleAction}. */
class ActionWrappersTest {
    /** Actions: element 0 in [-2, 2], element 1 in [0, 10]. */
    private static FakeEnvironment environment() {
        return new FakeEnvironment(BoxSpace.uniform(-1, 1, 1), new BoxSpace(new double[] {-2, 0}, new double[] {2, 10}, new int[] {2}));
    }

    @Test
    void clipActionClipsEachElementToTheBounds() {
        FakeEnvironment inner = environment();
        ClipAction env = new ClipAction(inner);
        env.reset(0);

        env.step(new double[] {5, -3});
        env.step(new double[] {-7, 12});
        env.step(new double[] {0.5, 4});

        assertThat(inner.actions).containsExactly(new double[] {2, 0}, new double[] {-2, 10}, new double[] {0.5, 4});
    }

    @Test
    void clipActionAcceptsAnyFiniteActionOfTheShape() {
        ClipAction env = new ClipAction(environment());
        env.reset(0);

        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 2));
        assertThatThrownBy(() -> env.step(new double[] {Double.NaN, 0})).isInstanceOf(InvalidActionException.class);
        assertThatThrownBy(() -> env.step(new double[] {0})).isInstanceOf(InvalidActionException.class);
    }

    @Test
    void rescaleActionMapsTheEndpointsAndMidpointOntoTheBounds() {
        FakeEnvironment inner = environment();
        RescaleAction env = new RescaleAction(inner, -1, 1);
        env.reset(0);

        env.step(new double[] {-1, -1});
        env.step(new double[] {1, 1});
        env.step(new double[] {0, 0});
        env.step(new double[] {0.5, -0.5});

        assertThat(inner.actions.get(0)).containsExactly(-2, 0);
        assertThat(inner.actions.get(1)).containsExactly(2, 10);
        assertThat(inner.actions.get(2)).containsExactly(0, 5);
        assertThat(inner.actions.get(3)).containsExactly(new double[] {1, 2.5}, within(1e-12));
        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(-1, 1, 2));
    }

    @Test
    void rescaleActionToAnotherRange() {
        FakeEnvironment inner = environment();
        RescaleAction env = new RescaleAction(inner, 0, 4);
        env.reset(0);

        env.step(new double[] {1, 3});

        assertThat(inner.actions.get(0)).containsExactly(-1, 7.5);
        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(0, 4, 2));
    }

    @Test
    void clipOutsideRescaleKeepsActionsWithinTheBounds() {
        FakeEnvironment inner = environment();
        ClipAction env = new ClipAction(new RescaleAction(inner, -1, 1));
        env.reset(0);

        env.step(new double[] {3, -3});

        assertThat(inner.actions.get(0)).containsExactly(2, 0);
    }

    @Test
    void rescaleActionNeedsFiniteBoxBoundsAndAnIncreasingRange() {
        assertThatThrownBy(() -> new RescaleAction(new ClipAction(environment()), -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RescaleAction needs finite action bounds, but Fake-v0 has Box(-Infinity, Infinity, [2])");
        assertThatThrownBy(() -> new RescaleAction(environment(), 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low must be < high, got 1.0 and 1.0");
        assertThatThrownBy(() -> new RescaleAction(new FakeEnvironment(BoxSpace.uniform(0, 1, 1), new DiscreteSpace(2)), -1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RescaleAction needs a box action space, but Fake-v0 has Discrete(2)");
        assertThatThrownBy(() -> new ClipAction(new FakeEnvironment(BoxSpace.uniform(0, 1, 1), new DiscreteSpace(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ClipAction needs a box action space");
    }

    @Test
    void actionWrappersAnnounceTheActionTheyWillStepWith() {
        FakeEnvironment clipped = environment();
        FakeEnvironment rescaled = environment();
        ClipAction clip = new ClipAction(clipped);
        RescaleAction rescale = new RescaleAction(rescaled, -1, 1);
        clip.reset(0);
        rescale.reset(0);

        clip.announceStep(new double[] {5, -5});
        clip.step(new double[] {5, -5});
        rescale.announceStep(new double[] {1, 0});
        rescale.step(new double[] {1, 0});

        assertThat(clipped.announced).containsExactly(clipped.actions.get(0));
        assertThat(rescaled.announced).containsExactly(rescaled.actions.get(0));
    }
}
