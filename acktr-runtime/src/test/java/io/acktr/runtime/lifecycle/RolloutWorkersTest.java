package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.ConfigLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's results do not depend on how many rollout workers share its environments. */
class RolloutWorkersTest {
    private static final ClassLoader LOADER = RolloutWorkersTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);
    /** Columns that measure the machine, not the run. */

    private static List<String> progress(Path runDir, String... overrides) throws IOException {
        List<String> all = new ArrayList<>(List.of("acktr.run-dir=\"" + runDir + "\""));
        all.addAll(List.of(overrides));
        Config config = ConfigLoader.load(LOADER, Optional.empty(), all);
        new TrainingSession(config, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
        return UntimedProgress.of(runDir);
    }

    @Test
    void oneAndTwoRolloutWorkersWriteTheSameProgressOnCartPole(@TempDir Path dir) throws IOException {
        String[] run = {"acktr.env.count=5", "acktr.total-steps=2000", "acktr.seed=3"};
        List<String> one = progress(dir.resolve("one"), concat(run, "acktr.runtime.rollout-workers=1"));
        List<String> two = progress(dir.resolve("two"), concat(run, "acktr.runtime.rollout-workers=2"));
        assertThat(one).hasSize(21);
        assertThat(two).containsExactlyElementsOf(one);
    }

    @Test
    void oneAndThreeRolloutWorkersWriteTheSameProgressOnNormalisedPendulum(@TempDir Path dir) throws IOException {
        String[] run = {"acktr.env.id=Pendulum-v1", "acktr.env.count=6", "acktr.total-steps=3600",
                "acktr.env.wrappers=[{type = normalize-observation}, {type = normalize-reward}]"};
        List<String> one = progress(dir.resolve("one"), concat(run, "acktr.runtime.rollout-workers=1"));
        List<String> three = progress(dir.resolve("three"), concat(run, "acktr.runtime.rollout-workers=3"));
        assertThat(one).hasSize(31);
        assertThat(three).containsExactlyElementsOf(one);
    }

    @Test
    void listenersReceiveEveryUpdateInOrderThenTheEnd(@TempDir Path dir) {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        io.acktr.api.training.TrainingListener recorder = new io.acktr.api.training.TrainingListener() {
            @Override
            public void onUpdate(io.acktr.api.training.UpdateMetrics metrics) {
                events.add("update " + metrics.updates() + " episodes " + metrics.episodes());
            }

            @Override
            public void onEpisode(double episodeReturn, long episodeLength) {
                events.add("episode");
            }

            @Override
            public void onEnd() {
                events.add("end");
            }
        };
        Config config = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.run-dir=\"" + dir.resolve("run") + "\"",
                "acktr.env.count=4", "acktr.total-steps=2400", "acktr.runtime.rollout-workers=2"));
        var summary = new TrainingSession(config, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of(recorder));

        List<String> updates = events.stream().filter(e -> e.startsWith("update")).toList();
        assertThat(updates).hasSize(30);
        long episodes = 0;
        int update = 0;
        for (String event : events.subList(0, events.size() - 1)) {
            if (event.equals("episode")) {
                episodes++;
            } else {
                update++;
                assertThat(event).isEqualTo("update " + update + " episodes " + episodes);
            }
        }
        assertThat(events.get(events.size() - 1)).isEqualTo("end");
        assertThat(episodes).isEqualTo(summary.episodes()).isPositive();
    }

    private static String[] concat(String[] a, String b) {
        String[] all = Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }
}
