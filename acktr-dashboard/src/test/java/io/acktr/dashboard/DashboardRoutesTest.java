package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The routes of a dashboard watching a real short CartPole-v1 run, through Vert.x's web client. */
class DashboardRoutesTest {
    private static final DashboardSettings LOOPBACK_ANY_PORT = new DashboardSettings("127.0.0.1", 0, 4000);

    @Test
    void theJsonAndTheEventStreamFollowARunAsItAdvances(@TempDir Path dir) throws Exception {
        try (WebDashboard dashboard = WebDashboard.start(LOOPBACK_ANY_PORT, "--host", "--port");
             Http http = new Http(dashboard.url());
             GatedTraining training = new GatedTraining(dir.resolve("cartpole"), 1280, dashboard)) {
            StringBuffer events = new StringBuffer();
            HttpClientResponse stream = http.stream("/api/events", events);
            assertThat(stream.getHeader("Content-Type")).startsWith("text/event-stream");

            training.allow(3);
            Http.await("3 rows", () -> updates(http) >= 3);
            JsonObject listing = http.json("/api/runs");
            assertThat(listing.getJsonArray("columns").getList()).startsWith("env_steps", "updates", "episodes", "mean_return");
            JsonObject run = listing.getJsonArray("runs").getJsonObject(0);
            assertThat(run.getString("id")).isEqualTo("r1");
            assertThat(run.getString("name")).isEqualTo("cartpole");
            assertThat(run.getString("env")).isEqualTo("CartPole-v1");
            assertThat(run.getString("group")).contains(" + ");
            assertThat(run.getString("node")).isEqualTo("local");
            assertThat(run.getString("state")).isEqualTo("running");
            assertThat(run.getLong("totalSteps")).isEqualTo(1280);
            assertThat(run.getLong("steps")).isEqualTo(240);
            JsonArray rows = http.json("/api/runs/r1/progress").getJsonArray("rows");
            assertThat(rows).hasSize(3);
            assertThat(rows.getJsonArray(2).getLong(0)).isEqualTo(240);
            HttpResponse<Buffer> config = http.get("/api/runs/r1/config");
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.bodyAsString()).contains("CartPole-v1", "total-steps=1280");

            Http.await("3 rows on the event stream", () -> count(events, "event: row") >= 3);
            int rowsWhilePaused = count(events, "event: row");
            training.allow(10);
            Http.await("10 rows on the event stream", () -> count(events, "event: row") >= 10);
            assertThat(count(events, "event: row")).isGreaterThan(rowsWhilePaused);

            training.finish();
            Http.await("the run's end on the event stream", () -> events.toString().contains("\"state\":\"finished\""));
            assertThat(count(events, "event: row")).isEqualTo(16);
            assertThat(envSteps(events)).containsExactly(80L, 160L, 240L, 320L, 400L, 480L, 560L, 640L, 720L, 800L, 880L,
                    960L, 1040L, 1120L, 1200L, 1280L);
            assertThat(http.json("/api/runs").getJsonArray("runs").getJsonObject(0).getString("state")).isEqualTo("finished");
            assertThat(http.json("/api/runs/r1/progress").getJsonArray("rows")).hasSize(16);
            assertThat(http.get("/api/runs/r1/files/progress.csv").bodyAsString()).startsWith("env_steps,updates,");
        }
    }

    @Test
    void theRunFileRoutesRefusePathTraversal(@TempDir Path dir) throws Exception {
        try (WebDashboard dashboard = WebDashboard.start(LOOPBACK_ANY_PORT, "--host", "--port");
             Http http = new Http(dashboard.url())) {
            RunFoldersTest.storedRun(dir.resolve("run"), "kfac", 3);
            RunFolders.addAll(dashboard.board(), List.of(dir.resolve("run")));
            assertThat(http.status(HttpMethod.GET, "/api/runs/r1/files/config.conf")).isEqualTo(200);

            for (String path : List.of(
                    "/api/runs/r1/files/..%2F..%2F..%2Fetc%2Fpasswd",
                    "/api/runs/r1/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                    "/api/runs/r1/files/%2E%2E%2Frun.lock",
                    "/api/runs/r1/files/../../../../etc/passwd",
                    "/api/runs/r1/files/..%252f..%252fetc%252fpasswd",
                    "/api/runs/r1/files/run.lock",
                    "/api/runs/..%2F..%2F..%2Fetc/config",
                    "/api/runs/%2e%2e/config",
                    "/api/runs/r1%2F..%2F..%2F/config",
                    "/api/runs/..%5c..%5cetc/config",
                    "/../../../../etc/passwd",
                    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/uplot/..%2F..%2F..%2F..%2FMETA-INF%2FMANIFEST.MF",
                    "/uplot/../../../../io/acktr/dashboard/DashboardVerticle.class",
                    "/..%2F..%2Fio%2Facktr%2Fdashboard%2FDashboardVerticle.class")) {
                assertThat(http.status(HttpMethod.GET, path)).as(path).isIn(400, 404);
            }
        }
    }

    @Test
    void thePageAndUplotAreServedFromTheJarsAndNothingButGetIsAnswered() throws Exception {
        try (WebDashboard dashboard = WebDashboard.start(LOOPBACK_ANY_PORT, "--host", "--port");
             Http http = new Http(dashboard.url())) {
            HttpResponse<Buffer> page = http.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.bodyAsString()).contains("uplot/uPlot.iife.min.js", "dashboard.js");
            assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'");
            assertThat(http.get("/uplot/uPlot.iife.min.js").bodyAsString()).contains("uPlot");
            assertThat(http.get("/dashboard.js").statusCode()).isEqualTo(200);
            assertThat(http.status(HttpMethod.POST, "/api/runs")).isEqualTo(405);
            assertThat(http.status(HttpMethod.PUT, "/api/events")).isEqualTo(405);
            assertThat(http.status(HttpMethod.GET, "/api/runs/r7/progress")).isEqualTo(404);
        }
    }

    private static long updates(Http http) {
        JsonArray runs = http.json("/api/runs").getJsonArray("runs");
        return runs.isEmpty() ? 0 : runs.getJsonObject(0).getLong("updates");
    }

    private static int count(StringBuffer text, String what) {
        return text.toString().split(Pattern.quote(what), -1).length - 1;
    }

    private static List<Long> envSteps(StringBuffer events) {
        Matcher m = Pattern.compile("event: row\ndata: (\\{.*})\n\n").matcher(events);
        List<Long> steps = new java.util.ArrayList<>();
        while (m.find()) {
            steps.add(new JsonObject(m.group(1)).getJsonArray("row").getLong(0));
        }
        return steps;
    }
}
