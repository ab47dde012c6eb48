package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.Environment;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.providers.CartPoleProvider;
import io.acktr.envs.providers.PendulumProvider;
import io.acktr.envs.vector.SyncVectorEnvironment;
import io.acktr.envs.vector.VectorStep;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WrapperChainTest {
    private static final double[] ACTION = {0, 0};
    private static final double INFINITY = Double.POSITIVE_INFINITY;

    private static WrapperChain chain(String wrappers) {
        return WrapperChain.from(WrapperSettingsTest.config("acktr.env.wrappers = " + wrappers));
    }

    private static WrapperChain normalizing() {
        return chain("[ { type = normalize-observation }, { type = normalize-reward, gamma = 0.5 } ]");
    }

    @Test
    void appliesTheEntriesInListOrderAroundAnInnermostMonitor() {
        WrapperChain chain = chain("[ { type = time-feature }, { type = normalize-observation }, { type = frame-stack, frames = 2 } ]");

        Environment env = chain.wrap(new PendulumProvider().create());

        assertThat(env).isInstanceOf(FrameStack.class);
        Environment second = ((EnvironmentWrapper) env).environment();
        assertThat(second).isInstanceOf(NormalizeObservation.class);
        Environment first = ((EnvironmentWrapper) second).environment();
        assertThat(first).isInstanceOf(TimeFeature.class);
        assertThat(((EnvironmentWrapper) first).environment()).isInstanceOf(EpisodeMonitor.class);
        // Pendulum's 3 observations, plus the time feature, normalised (unbounded), stacked twice.
        assertThat(env.observationSpace()).isEqualTo(BoxSpace.uniform(-INFINITY, INFINITY, 2, 4));
        assertThat(env.reset(0)).hasSize(8);
    }

    @Test
    void anEmptyListStillMonitorsEpisodes() {
        Environment env = chain("[]").wrap(new CartPoleProvider().create());

        assertThat(env).isInstanceOf(EpisodeMonitor.class);
        assertThat(env.observationSpace()).isEqualTo(new CartPole().observationSpace());
    }

    @Test
    void rescaledAndClippedActionsReachTheEnvironmentWithinItsBounds() {
        FakeEnvironment inner = new FakeEnvironment(BoxSpace.uniform(-1, 1, 1),
                new BoxSpace(new double[] {-2, 0}, new double[] {2, 10}, new int[] {2}));
        Environment env = chain("[ { type = rescale-action, low = -1, high = 1 }, { type = clip-action } ]").wrap(inner);
        env.reset(0);

        env.step(new double[] {3, 0.5});

        assertThat(env.actionSpace()).isEqualTo(BoxSpace.uniform(-INFINITY, INFINITY, 2));
        assertThat(inner.actions.get(0)).containsExactly(2, 7.5);
    }

    @Test
    void everyWrappedEnvironmentUpdatesTheSameStatistics() {
        WrapperChain chain = normalizing();
        List<Environment> envs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            envs.add(chain.wrap(FakeEnvironment.ofSize(2).observations(new double[] {e, 10 * e}, new double[] {e + 1, 0})
                    .rewards(e + 1)));
        }
        for (Environment env : envs) {
            env.reset(0);
            env.step(ACTION);
            env.step(ACTION);
        }

        Config exported = chain.exportStatistics();
        RunningStatistics observations = RunningStatistics.fromConfig(exported.getConfig("0"));
        RunningStatistics returns = RunningStatistics.fromConfig(exported.getConfig("1"));
        // Each environment showed observations o0, o1, o0 and had returns r, 1.5 r (gamma 0.5) for its reward r.
        assertThat(observations.count()).isCloseTo(9 + 1e-4, within(1e-12));
        assertThat(observations.mean()[0]).isCloseTo(DirectMoments.of(0, 1, 0, 1, 2, 1, 2, 3, 2).mean(), within(1e-12));
        assertThat(observations.variance()[1]).isCloseTo(DirectMoments.of(0, 0, 0, 10, 0, 10, 20, 0, 20).variance(), within(1e-12));
        assertThat(returns.count()).isCloseTo(6 + 1e-4, within(1e-12));
        assertThat(returns.variance()[0]).isCloseTo(DirectMoments.of(1, 1.5, 2, 3, 3, 4.5).variance(), within(1e-12));
        assertThat(exported.getString("0.type")).isEqualTo("normalize-observation");
        assertThat(exported.getString("1.type")).isEqualTo("normalize-reward");
    }

    @Test
    void evaluationWrappersUseTheSharedStatisticsWithoutUpdatingThem() {
        WrapperChain chain = normalizing();
        Environment training = chain.wrap(FakeEnvironment.ofSize(2).observations(new double[] {1, 2}, new double[] {5, -3}));
        Environment evaluation = chain.wrapForEvaluation(FakeEnvironment.ofSize(2).observations(new double[] {4, 4}).rewards(2));
        training.reset(0);
        training.step(ACTION);
        Config before = chain.exportStatistics();

        double[] observation = evaluation.reset(0);
        StepResult step = evaluation.step(ACTION);

        assertThat(chain.exportStatistics()).isEqualTo(before);
        RunningStatistics observations = RunningStatistics.fromConfig(before.getConfig("0"));
        assertThat(observation[0]).isCloseTo((4 - observations.mean()[0]) / Math.sqrt(observations.variance()[0] + 1e-8), within(1e-12));
        RunningStatistics returns = RunningStatistics.fromConfig(before.getConfig("1"));
        assertThat(step.reward()).isCloseTo(Math.min(10, 2 / Math.sqrt(returns.variance()[0] + 1e-8)), within(1e-12));
    }

    @Test
    void exportedStatisticsRestoreIntoAFreshChainThroughHoconText() {
        WrapperChain original = normalizing();
        Environment env = original.wrap(FakeEnvironment.ofSize(2).rewards(1, -2, 3));
        env.reset(0);
        for (int i = 0; i < 5; i++) {
            env.step(ACTION);
        }
        String checkpoint = original.exportStatistics().root().render(ConfigRenderOptions.concise());

        WrapperChain resumed = normalizing();
        resumed.restoreStatistics(ConfigFactory.parseString(checkpoint));
        Environment originalEvaluation = original.wrapForEvaluation(FakeEnvironment.ofSize(2));
        Environment resumedEvaluation = resumed.wrapForEvaluation(FakeEnvironment.ofSize(2));

        assertThat(resumed.exportStatistics()).isEqualTo(original.exportStatistics());
        assertThat(resumedEvaluation.reset(0)).containsExactly(originalEvaluation.reset(0));
        assertThat(resumedEvaluation.step(ACTION).reward()).isEqualTo(originalEvaluation.step(ACTION).reward());
    }

    @Test
    void restoringReplacesTheStatisticsOfWrappersInUse() {
        WrapperChain chain = normalizing();
        Environment env = chain.wrap(FakeEnvironment.ofSize(2).observations(new double[] {3, 3}));
        Config saved = ConfigFactory.parseString("""
                "0" { type = normalize-observation, count = 1e9, mean = [1, 3], variance = [4, 1] }
                "1" { type = normalize-reward, count = 1e9, mean = [0], variance = [4] }""");

        chain.restoreStatistics(saved);

        assertThat(env.reset(0)[0]).isCloseTo(2 / Math.sqrt(4 + 1e-8), within(1e-6));
        assertThat(env.step(ACTION).reward()).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void restoreRejectsStatisticsThatDoNotFitAndChangesNothing() {
        WrapperChain chain = normalizing();
        chain.wrap(FakeEnvironment.ofSize(2)).reset(0);
        Config before = chain.exportStatistics();
        String observations = "\"0\" { type = normalize-observation, count = 2, mean = [1, 3], variance = [4, 1] }\n";
        String reward = "\"1\" { type = normalize-reward, count = 2, mean = [0], variance = [4] }\n";

        assertThatThrownBy(() -> chain.restoreStatistics(ConfigFactory.parseString(observations)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("saved statistics lack acktr.env.wrappers[1] (normalize-reward)");
        assertThatThrownBy(() -> chain.restoreStatistics(ConfigFactory.parseString(observations + reward.replace("\"1\"", "\"0\""))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("are of normalize-reward, but acktr.env.wrappers[0] is normalize-observation");
        assertThatThrownBy(() -> chain.restoreStatistics(ConfigFactory.parseString(observations + reward + "\"7\" { type = x }")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"7\" do not name an entry of acktr.env.wrappers, which has 2");
        assertThatThrownBy(() -> chain.restoreStatistics(ConfigFactory.parseString(observations.replace("[1, 3]", "[1]")
                .replace("[4, 1]", "[4]") + reward)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("have 1 elements, but those in use have 2");
        assertThat(chain.exportStatistics()).isEqualTo(before);
    }

    @Test
    void exportNeedsStatisticsForEveryNormalizingEntry() {
        assertThatThrownBy(() -> normalizing().exportStatistics())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no statistics yet for acktr.env.wrappers[0] (normalize-observation)");
        assertThat(chain("[ { type = clip-action } ]").exportStatistics().isEmpty()).isTrue();
    }

    @Test
    void aWrapperThatCannotWrapTheEnvironmentNamesItsEntry() {
        WrapperChain chain = chain("[ { type = normalize-observation }, { type = rescale-action } ]");

        assertThatThrownBy(() -> chain.wrap(new CartPoleProvider().create()))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[1]")
                .hasMessageContaining("\"rescale-action\" cannot wrap CartPole-v1: RescaleAction needs a box action space, "
                        + "but CartPole-v1 has Discrete(2)");
        assertThatThrownBy(() -> chain("[ { type = time-feature } ]").wrap(new CartPole()))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[0]")
                .hasMessageContaining("TimeFeature needs a time limit");
    }

    @Test
    void anEnvironmentThatNoWrapperTakesIsClosed() {
        FakeEnvironment untimed = FakeEnvironment.ofSize(2);
        assertThatThrownBy(() -> chain("[ { type = clip-action }, { type = time-feature } ]").wrap(untimed))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[");
        assertThat(untimed.closed).isTrue();

        FakeEnvironment wider = FakeEnvironment.ofSize(3);
        WrapperChain chain = normalizing();
        chain.wrap(FakeEnvironment.ofSize(2));
        assertThatThrownBy(() -> chain.wrap(wider)).isInstanceOf(ConfigException.BadValue.class);
        assertThat(wider.closed).isTrue();

        FakeEnvironment taken = FakeEnvironment.ofSize(2);
        chain.wrap(taken);
        assertThat(taken.closed).as("a wrapped environment stays open").isFalse();
    }

    @Test
    void environmentsWithAnotherObservationSizeCannotShareTheStatistics() {
        WrapperChain chain = normalizing();
        chain.wrap(FakeEnvironment.ofSize(2));

        assertThatThrownBy(() -> chain.wrap(FakeEnvironment.ofSize(3)))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.wrappers[0]")
                .hasMessageContaining("have 2 elements, but this environment needs 3");
    }

    @Test
    void aVectorOfWrappedEnvironmentsReportsRawReturnsUnderRewardNormalization() {
        WrapperChain chain = chain("""
                [ { type = time-feature }, { type = normalize-observation }, { type = normalize-reward },
                  { type = frame-stack, frames = 4 }, { type = rescale-action }, { type = clip-action } ]""");
        List<Environment> envs = List.of(chain.wrap(new PendulumProvider().create()), chain.wrap(new PendulumProvider().create()));
        Environment reference = new PendulumProvider().create();
        double referenceReturn = 0;
        reference.reset(7);
        for (int t = 0; t < PendulumProvider.MAX_EPISODE_STEPS; t++) {
            referenceReturn += reference.step(new double[] {1.0}).reward(); // what 0.5 rescales to
        }

        try (SyncVectorEnvironment vector = new SyncVectorEnvironment(envs)) {
            assertThat(vector.observationSpace()).isEqualTo(BoxSpace.uniform(-INFINITY, INFINITY, 4, 4));
            vector.reset(7);
            VectorStep last = null;
            double normalizedSum = 0;
            for (int t = 0; t < PendulumProvider.MAX_EPISODE_STEPS; t++) {
                last = vector.step(new double[][] {{0.5}, {0.5}});
                normalizedSum += last.rewards()[0];
            }

            assertThat(last.truncated()).containsExactly(true, true);
            assertThat(last.episodeLengths()).containsExactly(200, 200);
            assertThat(last.episodeReturns()[0]).isCloseTo(referenceReturn, within(1e-9));
            assertThat(last.episodeReturns()[0]).isNotCloseTo(normalizedSum, within(1.0));
        }
    }

    @Test
    void aDeferredChainNormalisesWithFrozenStatisticsAndHandsItsSamplesToTheRunsChain() {
        WrapperChain run = normalizing();
        WrapperChain sequential = normalizing();
        run.wrapForEvaluation(new PendulumProvider().create());
        List<WrapperChain> deferred = List.of(WrapperChain.deferred(run.settings()), WrapperChain.deferred(run.settings()));
        List<Environment> workers = new ArrayList<>();
        List<Environment> reference = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            workers.add(deferred.get(e).wrap(new PendulumProvider().create()));
            reference.add(sequential.wrap(new PendulumProvider().create()));
        }
        List<RunningStatistics> frozen = run.statistics();
        for (int e = 0; e < 2; e++) {
            deferred.get(e).setStatistics(frozen);
            workers.get(e).reset(10 + e);
            for (int t = 0; t < 5; t++) {
                workers.get(e).step(new double[] {0.5});
            }
            assertThat(deferred.get(e).statistics()).as("frozen while stepping").isEqualTo(frozen);
        }
        // the run's chain gets environment 0's samples, then environment 1's: as if it had stepped them in that order
        for (WrapperChain chain : deferred) {
            run.addSamples(chain.drainSamples());
            assertThat(chain.drainSamples()).allSatisfy(samples -> assertThat(samples).isEmpty());
        }
        for (int e = 0; e < 2; e++) {
            reference.get(e).reset(10 + e);
            for (int t = 0; t < 5; t++) {
                reference.get(e).step(new double[] {0.5});
            }
        }
        assertThat(run.statistics()).isEqualTo(sequential.statistics());
        assertThat(run.statistics().get(0).count()).isEqualTo(RunningMeanVariance.INITIAL_COUNT + 12);
        assertThat(run.normalizerCount()).isEqualTo(2);
    }
}
