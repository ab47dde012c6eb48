package io.acktr.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteRunner;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every run of a suite trained with --jobs 2 appears on the dashboard, under its variant. */
class SuiteDashboardTest {
    @Test
    void everyRunOfASuiteAppearsGroupedByItsVariant(@TempDir Path dir) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseString("""
                suite {
                  name = tiny, seeds = [1, 2], baseline = a2c
                  tasks = [{ name = cartpole, env = "CartPole-v1", total-steps = 320, threshold = 475,
                             settings { acktr.env.count = 4 } }]
                  variants = [
                    { name = kfac, settings { acktr { curvature.type = kfac, step-size.type = trust-region } } }
                    { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
                  ]
                }""").resolve());
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             Http http = new Http(dashboard.url())) {
            new SuiteRunner(suite, loader, List.of(), new GuicePluginLookup(loader), dashboard).run(dir, null, 2);

            JsonArray runs = http.json("/api/runs").getJsonArray("runs");
            assertThat(runs).hasSize(4);
            assertThat(runs.stream().map(r -> ((JsonObject) r).getString("group")).sorted())
                    .containsExactly("a2c", "a2c", "kfac", "kfac");
            assertThat(runs.stream().map(r -> ((JsonObject) r).getString("name")).sorted()).containsExactly(
                    "cartpole/a2c/seed-1", "cartpole/a2c/seed-2", "cartpole/kfac/seed-1", "cartpole/kfac/seed-2");
            assertThat(runs.stream().map(r -> ((JsonObject) r).getString("state"))).containsOnly("finished");
            assertThat(runs.stream().map(r -> ((JsonObject) r).getLong("steps"))).containsOnly(320L);
            for (int i = 1; i <= 4; i++) {
                assertThat(http.json("/api/runs/r" + i + "/progress").getJsonArray("rows")).hasSize(4);
            }
        }
    }
}
