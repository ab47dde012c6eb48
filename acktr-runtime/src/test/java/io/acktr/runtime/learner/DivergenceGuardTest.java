package io.acktr.runtime.learner;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.settings.DivergenceSettings;
import org.junit.jupiter.api.Test;

class DivergenceGuardTest {
    private static DivergenceGuard guard(double returnCollapse) {
        return new DivergenceGuard(new DivergenceSettings("stop", 1e4, 1e3, 100, 0.9, 10, returnCollapse));
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
