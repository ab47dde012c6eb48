package io.acktr.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Without the dashboard module on the class path (as here), --dashboard is bad input and acktr dashboard does not exist. */
class DashboardOptionsTest {
    private static int run(StringWriter err, String... args) {
        return AcktrCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void dashboardWithoutTheModuleExitsWith2SayingWhereItIs() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "train", "--dashboard")).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--dashboard: no dashboard on the class path (the module acktr-dashboard");
    }

    @Test
    void aDashboardFlagWithoutDashboardIsBadInput() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "train", "--dashboard-host", "127.0.0.1")).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("--dashboard-host needs --dashboard");
    }

    @Test
    void thereIsNoDashboardCommandWithoutTheModule() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "dashboard")).isEqualTo(AcktrCommand.EXIT_BAD_INPUT);
    }
}
