package io.acktr.runtime.lifecycle;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a progress line every {@code interval} updates (and after the last); {@code kl -} where
 * the update did not measure its step ({@code acktr.algorithm.measure-step-interval}).
 */
public final class ConsoleReporter implements TrainingListener {
    private final PrintWriter out;
    private final int interval;
    private final long totalSteps;

    public ConsoleReporter(PrintWriter out, int interval, long totalSteps) {
        this.out = out;
        this.interval = interval;
        this.totalSteps = totalSteps;
    }

    @Override
    public void onUpdate(UpdateMetrics m) {
        if (m.updates() % interval != 0 && m.envSteps() < totalSteps) {
            return;
        }
        out.printf(Locale.ROOT, "steps %8d/%d (%3.0f%%) | updates %5d | episodes %6d | mean return %8.2f | entropy %.3f"
                        + " | value loss %.4g | kl %s | step %.3g | %6.0f steps/s%n",
                m.envSteps(), totalSteps, 100.0 * m.envSteps() / totalSteps, m.updates(), m.episodes(), m.meanReturn(),
                m.entropy(), m.valueLoss(), Double.isNaN(m.kl()) ? "-" : String.format(Locale.ROOT, "%.2e", m.kl()),
                m.stepSize(), m.fps());
        out.flush();
    }
}
