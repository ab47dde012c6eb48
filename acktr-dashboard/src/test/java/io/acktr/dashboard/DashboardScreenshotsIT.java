package io.acktr.dashboard;

import com.typesafe.config.ConfigFactory;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.lifecycle.TrainingSession;
import io.acktr.runtime.settings.ConfigLoader;
import io.acktr.runtime.suite.SuiteDefinition;
import io.acktr.runtime.suite.SuiteRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a check: makes the README's screenshots of the dashboard, during the default CartPole-v1
 * run and during a small suite, with headless Chromium. Runs only when asked:
 * {@code mvn -pl acktr-dashboard -am test -Dtest=DashboardScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false
 * -Dacktr.dashboard.screenshots=$PWD/docs}.
 */
class DashboardScreenshotsIT {
    private static final ClassLoader LOADER = DashboardScreenshotsIT.class.getClassLoader();

    @Test
    void screenshotsOfARunAndASuiteWhileTheyTrain(@TempDir Path dir) throws Exception {
        String folder = System.getProperty("acktr.dashboard.screenshots");
        Assumptions.assumeTrue(folder != null, "screenshots only with -Dacktr.dashboard.screenshots=DIR");
        Path chromium = HeadlessChromium.find().orElseThrow(() -> new IllegalStateException("no chromium on the PATH"));
        Path docs = Path.of(folder);

        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             HeadlessChromium browser = new HeadlessChromium(chromium, dir.resolve("profile"), 1280, 900)) {
            var config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.run-dir=\"" + dir.resolve("cartpole-kfac") + "\""));
            CompletableFuture<?> run = CompletableFuture.runAsync(() -> new TrainingSession(config, LOADER, new GuicePluginLookup(LOADER))
                    .train(null, OptionalDouble.empty(), List.of(), dashboard));
            Http.await("the run at 60 000 steps", () -> steps(dashboard, "r1") >= 60_000, 300);
            browser.open(dashboard.url());
            Thread.sleep(2000);
            browser.screenshot(docs.resolve("dashboard-run.png"));
            browser.open(dashboard.url() + "?metric=kl");
            Thread.sleep(2000);
            browser.screenshot(docs.resolve("dashboard-kl.png"));
            run.get(10, TimeUnit.MINUTES);
        }

        SuiteDefinition suite = SuiteDefinition.from(ConfigFactory.parseString("""
                suite {
                  name = small, seeds = [1, 2, 3], baseline = a2c
                  tasks = [{ name = cartpole, env = "CartPole-v1", total-steps = 40000, threshold = 475,
                             settings { acktr.env.count = 8 } }]
                  variants = [
                    { name = kfac, settings { acktr { curvature.type = kfac, step-size { type = trust-region,
                        trust-region.kl-radius = 0.002 }, algorithm { entropy-coefficient = 0.0, value-fisher-coefficient = 0.1 } } } }
                    { name = a2c, settings { acktr { curvature.type = identity, step-size.type = rmsprop } } }
                  ]
                }""").resolve());
        try (WebDashboard dashboard = WebDashboard.start(new DashboardSettings("127.0.0.1", 0, 4000), "--host", "--port");
             HeadlessChromium browser = new HeadlessChromium(chromium, dir.resolve("profile-suite"), 1280, 1000)) {
            CompletableFuture<?> running = CompletableFuture.runAsync(() ->
                    new SuiteRunner(suite, LOADER, List.of(), new GuicePluginLookup(LOADER), dashboard).run(dir.resolve("suite"), null, 2));
            Http.await("the suite's fifth run under way", () -> steps(dashboard, "r5") >= 20_000, 600);
            browser.open(dashboard.url());
            Thread.sleep(2000);
            browser.screenshot(docs.resolve("dashboard-suite.png"));
            running.get(20, TimeUnit.MINUTES);
        }
    }

    private static long steps(WebDashboard dashboard, String id) {
        return dashboard.board().run(id).map(BoardRun::lastRow).map(row -> (long) row[ProgressRows.ENV_STEPS]).orElse(0L);
    }
}
