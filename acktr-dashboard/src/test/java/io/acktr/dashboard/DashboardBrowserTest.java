package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.bus.NodeStatus;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs; {@code ACKTR_CHROMIUM} may name another) keeps the dashboard of a running short
 * training open, and the chart's point count, which the page writes into {@code data-points},
 * grows as the run advances, with no reload: the rows come by the event stream. A second run
 * appears when it starts. Fed as a coordinator feeds it, the page shows the nodes, a lost one as
 * lost, and a run handed to another node once, its curve back to the rows it resumes after.
 * Without a Chromium the test is skipped, saying so in one line. With
 * {@code -Dacktr.dashboard.screenshots=DIR} it also leaves screenshots of the page there.
 */
class DashboardBrowserTest {
    private static final String CHART = "JSON.stringify(document.getElementById('chart').dataset)";

    @Test
    void theChartGrowsWhileTheRunAdvancesAndASecondRunAppears(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        if (chromium.isEmpty()) {
            System.out.println("DashboardBrowserTest: SKIPPED, no chromium on the PATH (apt-get install chromium, or set ACKTR_CHROMIUM)");
            Assumptions.abort("no chromium on the PATH");
        }
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             HeadlessChromium browser = new HeadlessChromium(chromium.get(), dir.resolve("profile"), 1280, 800);
             GatedTraining first = new GatedTraining(dir.resolve("first"), 4000, dashboard);
             GatedTraining second = new GatedTraining(dir.resolve("second"), 4000, dashboard, "acktr.seed=2")) {
            first.allow(3);
            Http.await("3 rows", () -> rows(dashboard, "r1") == 3);
            browser.open(dashboard.url() + "?metric=entropy&grouped=0");
            JsonObject chart = awaitChart(browser, c -> c.getString("points").equals("3"));
            assertThat(chart.getString("runs")).isEqualTo("1");

            first.allow(12);
            chart = awaitChart(browser, c -> c.getString("points").equals("12"));
            assertThat(chart.getString("series")).isEqualTo("1");

            second.allow(2);
            chart = awaitChart(browser, c -> c.getString("runs").equals("2") && c.getString("points").equals("14"));
            assertThat(chart.getString("series")).isEqualTo("2");
            assertThat(browser.evaluate("document.querySelector('#runs tbody').textContent")).contains("first", "second");

            screenshots(browser, dashboard, first, second);
            first.finish();
            second.finish();
        }
    }

    @Test
    void theNodesTableShowsALostNodeAndARunReDispatchedRestartsItsCurve(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), "no chromium on the PATH");
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             HeadlessChromium browser = new HeadlessChromium(chromium.get(), dir.resolve("profile"), 1280, 800)) {
            dashboard.nodeChanged(new NodeStatus("node-a", "10.0.0.1", 2, 1, List.of(ClusterRunsTest.RUN), false));
            dashboard.nodeChanged(new NodeStatus("node-b", "10.0.0.2", 1, 0, List.of(), false));
            dashboard.attemptStarted(ClusterRunsTest.started("node-a"), 1, "acktr { seed = 1 }", List.of());
            dashboard.rowsArrived(ClusterRunsTest.RUN, ClusterRunsTest.rows(1, 5));
            browser.open(dashboard.url() + "?grouped=0");
            awaitChart(browser, c -> c.getString("points").equals("5"));
            assertThat(browser.evaluate("document.querySelector('#nodes tbody').textContent"))
                    .contains("node-a", "10.0.0.1", ClusterRunsTest.RUN, "node-b");
            assertThat(browser.evaluate("document.getElementById('config').textContent")).isEqualTo("acktr { seed = 1 }");

            dashboard.nodeChanged(new NodeStatus("node-a", "10.0.0.1", 2, 0, List.of(), true));
            dashboard.runQueued(ClusterRunsTest.RUN);
            dashboard.attemptStarted(ClusterRunsTest.started("node-b"), 2, "acktr { seed = 1 }",
                    ClusterRunsTest.rows(1, 3)); // its checkpoint: update 3
            dashboard.rowsArrived(ClusterRunsTest.RUN, ClusterRunsTest.rows(4, 4));

            JsonObject chart = awaitChart(browser, c -> c.getString("points").equals("4"));
            assertThat(chart.getString("runs")).isEqualTo("1");
            assertThat(browser.evaluate("document.querySelector('#runs tbody').textContent")).contains("node-b (attempt 2)");
            assertThat(browser.evaluate("document.querySelector('#nodes tr[data-node=\"node-a\"]').textContent")).endsWith("lost");
        }
    }

    /** With acktr.dashboard.screenshots set: the page while the runs train, for docs/. */
    private static void screenshots(HeadlessChromium browser, WebDashboard dashboard, GatedTraining first,
                                    GatedTraining second) throws Exception {
        String folder = System.getProperty("acktr.dashboard.screenshots");
        if (folder == null) {
            return;
        }
        first.allow(40);
        second.allow(30);
        Http.await("40 rows", () -> rows(dashboard, "r1") == 40 && rows(dashboard, "r2") == 30);
        browser.open(dashboard.url() + "?grouped=0");
        awaitChart(browser, c -> Integer.parseInt(c.getString("points")) >= 60);
        Thread.sleep(500);
        browser.screenshot(Path.of(folder, "dashboard-run.png"));
    }

    private static long rows(WebDashboard dashboard, String id) {
        return dashboard.board().run(id).map(run -> (long) run.rows().size()).orElse(0L);
    }

    private static JsonObject awaitChart(HeadlessChromium browser, java.util.function.Predicate<JsonObject> done)
            throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonObject chart = null;
        while (System.nanoTime() < deadline) {
            String value = browser.evaluate(CHART);
            chart = value == null ? null : new JsonObject(value);
            if (chart != null && chart.containsKey("points") && done.test(chart)) {
                return chart;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the chart did not get there within 60 s; last: " + chart);
    }
}
