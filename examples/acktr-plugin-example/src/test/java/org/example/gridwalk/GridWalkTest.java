package org.example.gridwalk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.acktr.api.env.EnvironmentProvider;
import io.acktr.api.env.InvalidActionException;
import io.acktr.api.env.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GridWalkTest {
    private static final double[] LEFT = {0};
    private static final double[] RIGHT = {1};

    @Test
    void walkingRightReachesTheGoalAndTerminatesWithTheGoalReward() {
        GridWalk env = new GridWalk();
        double[] observation = env.reset(7);
        int start = env.position();
        assertTrue(start >= 0 && start < GridWalk.CELLS / 2, "start " + start + " is in the left half");
        assertArrayEquals(new double[] {start / 9.0}, observation, 1e-12);

        StepResult result;
        int steps = 0;
        do {
            result = env.step(RIGHT);
            steps++;
            assertTrue(env.observationSpace().contains(result.observation()));
        } while (!result.done());

        assertEquals(GridWalk.CELLS - 1 - start, steps);
        assertTrue(result.terminated());
        assertFalse(result.truncated());
        assertEquals(GridWalk.GOAL_REWARD, result.reward());
        assertArrayEquals(new double[] {1.0}, result.observation());
    }

    @Test
    void theWallStopsStepsLeftOfTheFirstCellAndEachCostsTheStepReward() {
        GridWalk env = new GridWalk();
        env.reset(0);

        for (int i = 0; i < GridWalk.CELLS; i++) {
            StepResult result = env.step(LEFT);
            assertEquals(GridWalk.STEP_REWARD, result.reward());
            assertFalse(result.done());
        }
        assertEquals(0, env.position());
    }

    @Test
    void anEpisodeThatNeverReachesTheGoalIsTruncatedAfterFiftySteps() {
        GridWalk env = new GridWalk();
        env.reset(0);

        for (int step = 1; step <= GridWalk.MAX_EPISODE_STEPS; step++) {
            StepResult result = env.step(LEFT);
            assertFalse(result.terminated());
            assertEquals(step == GridWalk.MAX_EPISODE_STEPS, result.truncated(), "truncated at step " + step);
        }
    }

    @Test
    void theSameSeedGivesTheSameStartsAndResetContinuesTheStream() {
        GridWalk first = new GridWalk();
        GridWalk second = new GridWalk();
        List<Integer> firstStarts = new ArrayList<>();
        List<Integer> secondStarts = new ArrayList<>();
        first.reset(42);
        second.reset(42);
        for (int episode = 0; episode < 20; episode++) {
            firstStarts.add(first.position());
            secondStarts.add(second.position());
            first.reset();
            second.reset();
        }

        assertEquals(firstStarts, secondStarts);
        assertTrue(firstStarts.stream().distinct().count() > 1, "starts vary between episodes: " + firstStarts);
    }

    @Test
    void anActionOutsideDiscreteTwoIsRefusedNamingTheEnvironment() {
        GridWalk env = new GridWalk();
        env.reset(0);

        InvalidActionException error = assertThrows(InvalidActionException.class, () -> env.step(new double[] {2}));
        assertTrue(error.getMessage().contains("GridWalk-v0"), error.getMessage());
    }

    @Test
    void steppingBeforeResetIsAnError() {
        assertThrows(IllegalStateException.class, () -> new GridWalk().step(RIGHT));
    }

    @Test
    void serviceLoaderFindsTheProviderUnderItsId() {
        List<String> ids = new ArrayList<>();
        for (EnvironmentProvider provider : ServiceLoader.load(EnvironmentProvider.class)) {
            ids.add(provider.id());
        }

        assertEquals(List.of("GridWalk-v0"), ids);
        assertEquals("GridWalk-v0", new GridWalkProvider().create().id());
    }
}
