package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.training.UpdateMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleReporterTest {
    private static UpdateMetrics metrics(long updates, double kl) {
        return new UpdateMetrics(160 * updates, updates, 12, 21.5, 0.69, 1.25, -0.01, kl, 1e-3, 0.25, 812.5, 0, 0,
                Double.NaN, Double.NaN);
    }

    @Test
    void printsTheMeasuredKlAndADashForAnUpdateThatDidNotMeasureIt() {
        StringWriter text = new StringWriter();
        ConsoleReporter reporter = new ConsoleReporter(new PrintWriter(text), 10, 1600);
        reporter.onUpdate(metrics(9, 5e-4)); // between two lines: nothing
        reporter.onUpdate(metrics(10, Double.NaN)); // the last update, not measured
        reporter.onUpdate(metrics(20, 1.02e-5));
        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("updates    10").contains("| kl - |").doesNotContain("NaN");
        assertThat(lines[1]).contains("updates    20").contains("| kl 1.02e-05 |");
    }
}
