package io.acktr.envs.wrappers;

import com.typesafe.config.ConfigException;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.api.state.SavedState;
import io.acktr.envs.classic.Pendulum;
import io.acktr.envs.providers.PendulumProvider;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaggeredStartTest {
    private static final double[] ACTION = {0.5};

    private static WrapperChain staggered(String value) {
        return WrapperChain.from(WrapperSettingsTest.config("acktr.env.staggered-start = " + value));
    }

    @Test
    void cutsOnlyTheFirstEpisodeOnTheStepThatReachesItsLength() {
        StaggeredStart env = new StaggeredStart(FakeEnvironment.ofSize(1).terminatingAfter(5), 3);
        env.reset(0);

        assertThat(env.step(ACTION).done()).isFalse();
        assertThat(env.step(ACTION).done()).isFalse();
        StepResult cut = env.step(ACTION);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.terminated()).isFalse();

        env.reset();
        for (int t = 1; t < 5; t++) {
            assertThat(env.step(ACTION).done()).as("step %d of the second episode", t).isFalse();
        }
        assertThat(env.step(ACTION).terminated()).isTrue();
    }

    @Test
    void aFirstEpisodeThatEndsBeforeTheCutIsLeftAsItIs() {
        StaggeredStart env = new StaggeredStart(FakeEnvironment.ofSize(1).terminatingAfter(2), 3);
        env.reset(0);
        env.step(ACTION);
        StepResult end = env.step(ACTION);
        assertThat(end.terminated()).isTrue();
        assertThat(end.truncated()).isFalse();

        env.reset();
        env.step(ACTION);
        assertThat(env.step(ACTION).truncated()).as("the second episode is never cut").isFalse();
    }

    @Test
    void aRestoredWrapperCutsWhereTheSavedOneWould() {
        Environment original = new StaggeredStart(new TimeLimit(new Pendulum(), 200), 7);
        original.reset(3);
        for (int t = 0; t < 4; t++) {
            original.step(ACTION);
        }
        SavedState saved = EnvironmentSnapshots.save(original).orElseThrow();
        Environment restored = new StaggeredStart(new TimeLimit(new Pendulum(), 200), 7);
        EnvironmentSnapshots.restore(restored, saved);

        for (int t = 5; t <= 7; t++) {
            StepResult expected = original.step(ACTION);
            StepResult actual = restored.step(ACTION);
            assertThat(actual.observation()).isEqualTo(expected.observation());
            assertThat(actual.truncated()).as("step %d", t).isEqualTo(expected.truncated()).isEqualTo(t == 7);
        }
    }

    @Test
    void rejectsAnEmptyFirstEpisode() {
        assertThatThrownBy(() -> new StaggeredStart(FakeEnvironment.ofSize(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstEpisodeSteps");
    }

    @Test
    void theChainCutsEnvironmentIAfterITimesTheLimitOverTheCount() {
        WrapperChain chain = staggered("true");
        int count = 16;
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Environment env = chain.wrap(new PendulumProvider().create(), i, count);
            cuts.add(EnvironmentWrapper.find(env, StaggeredStart.class).map(StaggeredStart::firstEpisodeSteps).orElse(0));
        }

        assertThat(cuts).containsExactly(0, 12, 25, 37, 50, 62, 75, 87, 100, 112, 125, 137, 150, 162, 175, 187);
        assertThat(EnvironmentWrapper.find(staggered("false").wrap(new PendulumProvider().create(), 5, count),
                StaggeredStart.class)).isEmpty();
    }

    @Test
    void staggeredEnvironmentsReportOnlyWholeEpisodesAndEndThemInTurn() {
        WrapperChain chain = staggered("true");
        int count = 4;
        List<Environment> envs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            envs.add(chain.wrap(new PendulumProvider().create(), i, count));
        }
        int limit = PendulumProvider.MAX_EPISODE_STEPS;
        List<Long> reportedLengths = new ArrayList<>();
        List<List<Integer>> endSteps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            endSteps.add(new ArrayList<>());
        }
        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(envs)) {
            vector.reset(11);
            double[][] actions = {ACTION, ACTION, ACTION, ACTION};
            for (int t = 1; t <= 2 * limit; t++) {
                VectorStep step = vector.step(actions);
                for (int i = 0; i < count; i++) {
                    if (step.done(i)) {
                        endSteps.get(i).add(t);
                        assertThat(step.truncated()[i]).isTrue();
                        if (!Double.isNaN(step.episodeReturns()[i])) {
                            reportedLengths.add(step.episodeLengths()[i]);
                        }
                    }
                }
            }
        }

        assertThat(endSteps).containsExactly(List.of(200, 400), List.of(50, 250), List.of(100, 300), List.of(150, 350));
        assertThat(reportedLengths).hasSize(5).containsOnly((long) limit);
    }

    @Test
    void anEnvironmentWithoutATimeLimitCannotBeStaggered() {
        WrapperChain chain = staggered("true");

        FakeEnvironment refused = FakeEnvironment.ofSize(1);
        assertThatThrownBy(() -> chain.wrap(refused, 0, 2))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.staggered-start")
                .hasMessageContaining("Fake-v0 has no time limit of acktr's");
        assertThat(refused.closed).as("the refused environment is closed").isTrue();
    }

    @Test
    void aValueThatIsNotABooleanNamesThePath() {
        assertThatThrownBy(() -> staggered("[1]"))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.staggered-start")
                .hasMessageContaining("must be true or false");
    }
}
