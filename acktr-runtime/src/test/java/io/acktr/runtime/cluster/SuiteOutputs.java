package io.acktr.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.lifecycle.UntimedProgress;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a run or a suite wrote, without what depends on the machine's speed: to compare where they ran. */
final class SuiteOutputs {
    private SuiteOutputs() {
    }

    /** The lines of a progress.csv without fps and resident_mb. */
    /**
     * {@code results.json} of the suite in {@code clustered} and every run's {@code progress.csv}
     * ({@code runs/<task>/<run>/progress.csv}, {@code rows} updates each) equal those in {@code reference}, timings aside.
     */
    static void assertSameSuite(Path clustered, Path reference, String task, List<String> runs, int rows) throws IOException {
        assertThat(untimed(new JsonObject(Files.readString(clustered.resolve("results.json"))), runs.size()))
                .isEqualTo(untimed(new JsonObject(Files.readString(reference.resolve("results.json"))), runs.size()));
        for (String run : runs) {
            Path csv = Path.of("runs", task).resolve(run).resolve("progress.csv");
            List<String> expected = UntimedProgress.lines(reference.resolve(csv));
            assertThat(expected).hasSize(1 + rows);
            assertThat(UntimedProgress.lines(clustered.resolve(csv))).as(run).isEqualTo(expected);
        }
    }

    private static JsonObject untimed(JsonObject results, int runCount) {
        JsonObject copy = results.copy();
        for (Object row : copy.getJsonArray("rows")) {
            ((JsonObject) row).remove("meanUpdateMillis");
            ((JsonObject) row).remove("updateTimeVsBaseline");
        }
        JsonArray runs = copy.getJsonArray("runs");
        assertThat(runs).hasSize(runCount);
        for (Object run : runs) {
            ((JsonObject) run).remove("meanUpdateMillis");
            ((JsonObject) run).remove("wallSeconds");
        }
        return copy;
    }
}
