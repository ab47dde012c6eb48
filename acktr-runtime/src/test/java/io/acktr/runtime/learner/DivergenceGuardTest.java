package io.acktr.runtime.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.settings.DivergenceSettings;
import org.junit.jupiter.api.Test;

class DivergenceGuardTest {
    private static DivergenceGuard guard(double returnCollapse) {
        return new DivergenceGuard(new DivergenceSettings("stop", 1e4, 1e3, 100, 0.9, 10, returnCollapse));
    }

    @Test
    void aSolvedTasksLossThatJumpsBackToItsLearningScaleIsNotABlowUp() {
        // the built-in ablation's diagonal run on CartPole seed 3: losses of ~100 while learning, a
        // critic fitted to 1e-2 once every episode lasts 500 steps, then 1,321 when one episode fails
        DivergenceGuard guard = guard(0);
        for (int update = 0; update < 50; update++) {
            assertThat(guard.check(update < 20 ? 100 + update : 0.01, 10)).isEmpty();
        }

        assertThat(guard.check(1320.59, 10)).as("13 times the largest loss so far").isEmpty();
    }

    @Test
    void aLossBeyondTheFactorTimesTheLargestSoFarDivergedAndDoesNotRaiseTheReference() {
        DivergenceGuard guard = guard(0);
        for (int update = 0; update < 10; update++) {
            guard.check(update == 3 ? 5 : 1, 10);
        }

        assertThat(guard.check(49_000, 10)).as("under 1e4 x 5, and the largest from now on").isEmpty();
        assertThat(guard.check(5e8, 10)).as("over 1e4 x 49,000").get().asString()
                .contains("the largest of the run so far, 49000.0", "acktr.divergence.loss-factor");
        assertThat(guard.check(5e8, 10)).as("the blow-up did not become the reference").get().asString()
                .contains("the largest of the run so far, 49000.0");
    }

    @Test
    void aLossUnderTheFloorNeverDivergesWhateverItsRatio() {
        DivergenceGuard guard = guard(0);
        for (int update = 0; update < 10; update++) {
            guard.check(1e-6, 10);
        }

        assertThat(guard.check(999, 10)).as("under min-loss = 1e3").isEmpty();
        assertThat(guard.check(1e7, 10)).isPresent();
    }

    @Test
    void nothingDivergesDuringTheWarmUp() {
        DivergenceGuard guard = guard(0);
        guard.check(1, 10);

        assertThat(guard.check(1e9, 1e4)).as("update 2 of a 10-update warm-up").isEmpty();
    }

    @Test
    void aParameterNormBeyondTheFactorTimesItsRunningAverageDiverged() {
        DivergenceGuard guard = guard(0);
        for (int update = 0; update < 10; update++) {
            guard.check(1, 10);
        }

        assertThat(guard.check(1, 999)).as("99.9 times the average of 10").isEmpty();
        assertThat(guard.check(1, 1e5)).as("over 100 times the new average, 108.9").get().asString().contains("parameter norm", "acktr.divergence.parameter-norm-factor");
    }

    @Test
    void aMeanReturnThatLosesMoreThanTheFractionOfItsGainsAfterAPeakHasCollapsed() {
        DivergenceGuard guard = guard(0.5);

        assertThat(guard.checkReturn(99, 100, 10)).as("not a full window yet").isEmpty();
        assertThat(guard.checkReturn(100, 100, 20)).as("the first full window: the start").isEmpty();
        assertThat(guard.checkReturn(300, 100, 500)).as("the peak").isEmpty();
        assertThat(guard.checkReturn(400, 100, 261)).as("lost 239 of 480").isEmpty();
        assertThat(guard.checkReturn(500, 100, 259)).as("lost 241 of 480").get().asString()
                .contains("fell to 259", "peak 500", "since 20", "acktr.divergence.return-collapse = 0.5");
    }

    @Test
    void negativeReturnsCollapseByTheSameRule() {
        DivergenceGuard guard = guard(0.3);
        guard.checkReturn(100, 100, -1200);
        guard.checkReturn(200, 100, -200);

        assertThat(guard.checkReturn(300, 100, -480)).as("lost 280 of 1000").isEmpty();
        assertThat(guard.checkReturn(400, 100, -536)).as("lost 336 of 1000").isPresent();
    }

    @Test
    void aRunThatNeverGainedOrIsNotWatchedNeverCollapses() {
        DivergenceGuard falling = guard(0.5);
        falling.checkReturn(100, 100, 50);
        assertThat(falling.checkReturn(200, 100, 10)).as("below its start, but it never gained").isEmpty();

        DivergenceGuard off = guard(0);
        off.checkReturn(100, 100, 20);
        off.checkReturn(200, 100, 500);
        assertThat(off.checkReturn(300, 100, 21)).isEmpty();
    }

    @Test
    void afterARollbackTheReturnIsWatchedAfreshFromWhereItIs() {
        DivergenceGuard guard = guard(0.5);
        guard.checkReturn(100, 100, 20);
        guard.checkReturn(200, 100, 500);
        assertThat(guard.checkReturn(300, 100, 100)).isPresent();

        guard.rearmReturn(100);

        assertThat(guard.checkReturn(400, 100, 90)).as("no gain since the rollback").isEmpty();
        guard.checkReturn(500, 100, 300);
        assertThat(guard.checkReturn(600, 100, 199)).as("lost 101 of the 200 regained").isPresent();
    }

    @Test
    void theReturnWatchSurvivesACheckpoint() {
        DivergenceGuard guard = guard(0.5);
        guard.checkReturn(100, 100, 20);
        guard.checkReturn(200, 100, 500);
        DivergenceGuard resumed = guard(0.5);

        resumed.restore(guard.save());

        assertThat(resumed.checkReturn(300, 100, 250)).isPresent();
    }
}
