package io.acktr.runtime.settings;

import static io.acktr.api.plugin.SettingsReader.requireAtLeast;
import static io.acktr.api.plugin.SettingsReader.requireIn;
import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import io.acktr.api.plugin.SettingsReader;
import java.util.List;

/**
 * Settings of {@code acktr.divergence}, the guard against a finite blow-up; defaults live in
 * {@code reference.conf}. After {@code warmupUpdates}, an update whose loss magnitude
 * {@code |policy loss| + |value loss|} exceeds both {@code minLoss} and {@code lossFactor} times the
 * largest loss magnitude of the run so far (the floor keeps a first reward after a long run of zero
 * ones from counting), or whose parameter norm exceeds {@code parameterNormFactor} times its running
 * reference, an exponential average (weight {@code referenceDecay} on the past), diverged; both
 * follow only the updates that did not.
 *
 * @param action {@code stop}: end the run (exit 1), keeping the last good checkpoint; {@code rollback}:
 *     put the parameters and the update's state of the last good checkpoint back, count the update as
 *     skipped and train on
 * @param returnCollapse a collapse of the mean return after a peak: the mean of the last 100
 *     episodes fell back by more than this fraction of what the run had gained from its first full
 *     window to its peak (0: not watched); then the run stops, or rolls back to its best checkpoint
 */
public record DivergenceSettings(String action, double lossFactor, double minLoss, double parameterNormFactor,
                                 double referenceDecay, int warmupUpdates, double returnCollapse) {
    public static final String PREFIX = "acktr.divergence";
    public static final String STOP = "stop";
    public static final String ROLLBACK = "rollback";

    public DivergenceSettings {
        requireNonNull(action, "action is null");
        if (!List.of(STOP, ROLLBACK).contains(action)) {
            throw SettingsReader.invalid(PREFIX + ".action", action, "must be one of " + STOP + ", " + ROLLBACK);
        }
        requireIn(PREFIX + ".loss-factor", lossFactor, 2, 1e12, false);
        requireIn(PREFIX + ".min-loss", minLoss, 0, 1e300, false);
        requireIn(PREFIX + ".parameter-norm-factor", parameterNormFactor, 1.5, 1e12, false);
        requireIn(PREFIX + ".reference-decay", referenceDecay, 0, 1, true);
        requireAtLeast(PREFIX + ".warmup-updates", warmupUpdates, 1);
        requireIn(PREFIX + ".return-collapse", returnCollapse, 0, 1, false);
    }

    public static DivergenceSettings from(Config config) {
        SettingsReader r = new SettingsReader(config, PREFIX);
        return new DivergenceSettings(r.oneOf("action", List.of(STOP, ROLLBACK)), r.doubleValue("loss-factor"),
                r.doubleValue("min-loss"), r.doubleValue("parameter-norm-factor"), r.doubleValue("reference-decay"), r.intValue("warmup-updates"),
                r.doubleValue("return-collapse"));
    }

    /** Whether a collapse of the mean return after a peak is watched. */
    public boolean watchesReturn() {
        return returnCollapse > 0;
    }

    public boolean rollsBack() {
        return action.equals(ROLLBACK);
    }
}
