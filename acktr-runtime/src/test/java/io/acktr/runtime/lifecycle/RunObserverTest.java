package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.RunEnded;
import io.acktr.runtime.bus.RunObserver;
import io.acktr.runtime.bus.StartedRun;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An observer is told of the run before its first update and hears every update on the run's bus. */
class RunObserverTest {
    @Test
    void anObserverSeesTheRunAndEveryUpdateOnItsMetricsAddress(@TempDir Path dir) {
        ClassLoader loader = getClass().getClassLoader();
        var config = ConfigLoader.load(loader, Optional.empty(), List.of("acktr.run-dir=\"" + dir.resolve("watched") + "\"",
                "acktr.total-steps=640", "acktr.env.count=4"));
        List<StartedRun> started = new CopyOnWriteArrayList<>();
        List<Object> heard = new CopyOnWriteArrayList<>();
        RunObserver observer = (run, bus) -> {
            started.add(run);
            bus.localConsumer(Addresses.metrics(run.runId()), message -> heard.add(message.body()));
        };

        new TrainingSession(config, loader, new GuicePluginLookup(loader))
                .train(null, OptionalDouble.empty(), List.of(), observer.inSuite("cartpole/variant-a/seed-1", "variant-a"));

        assertThat(started).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo("watched");
            assertThat(run.name()).isEqualTo("cartpole/variant-a/seed-1");
            assertThat(run.directory()).isEqualTo(dir.resolve("watched"));
            assertThat(run.environmentId()).isEqualTo("CartPole-v1");
            assertThat(run.group()).isEqualTo("variant-a");
            assertThat(run.totalSteps()).isEqualTo(640);
            assertThat(run.node()).isEqualTo("local");
        });
        assertThat(heard.stream().filter(UpdateMetrics.class::isInstance).map(m -> ((UpdateMetrics) m).envSteps()))
                .containsExactly(80L, 160L, 240L, 320L, 400L, 480L, 560L, 640L);
        assertThat(heard.get(heard.size() - 1)).isEqualTo(new RunEnded(8, false));
    }
}
