package io.acktr.envs.minatar;

/**
 * A clock that rings once every {@code period} steps: each {@link #tick()} counts one step, and the
 * tick that uses up the period answers {@code true} and starts the next period. The games drive
 * their spawns, moves, shots and difficulty ramps with these.
 */
final class Countdown {
    /** A period so long that the clock never rings within any episode. */
    static final int NEVER = Integer.MAX_VALUE;

    private int period;
    private int remaining;

    Countdown(int period) {
        restart(period);
    }

    /** Counts one step; true when the period has just run out (the clock then starts over). */
    boolean tick() {
        if (remaining == NEVER) {
            return false;
        }
        remaining--;
        if (remaining > 0) {
            return false;
        }
        remaining = period;
        return true;
    }

    /** Starts a fresh period of {@code period} steps. */
    void restart(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period = " + period + ": must be >= 1");
        }
        this.period = period;
        this.remaining = period;
    }

    /** Keeps the current count but makes later periods {@code period} steps long. */
    void changePeriod(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period = " + period + ": must be >= 1");
        }
        this.period = period;
        this.remaining = Math.min(remaining, period);
    }

    int period() {
        return period;
    }

    /** Ticks left until the clock next rings. */
    int remaining() {
        return remaining;
    }
}
