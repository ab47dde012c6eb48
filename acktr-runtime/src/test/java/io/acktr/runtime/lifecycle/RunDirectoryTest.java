package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    private static final ClassLoader LOADER = RunDirectoryTest.class.getClassLoader();

    @Test
    void configConfLoadsBackAsTheRunsConfiguration(@TempDir Path dir) {
        Config run = ConfigLoader.load(LOADER, Optional.empty(), List.of("acktr.env.id=Pendulum-v1", "acktr.seed=7",
                "acktr.env.wrappers=[{type = normalize-observation}, {type = normalize-reward, gamma = 0.9}]",
                "acktr.policy.mlp.hidden-sizes=[32, 16]"));

        Path directory = RunDirectory.prepare(dir.resolve("run"), run);

        Config loaded = ConfigLoader.load(LOADER, Optional.of(directory.resolve(RunDirectory.CONFIG_FILE)), List.of());
        assertThat(loaded.getString("acktr.env.id")).isEqualTo("Pendulum-v1");
        assertThat(loaded.getList("acktr.env.wrappers")).hasSize(2);
        assertThat(loaded.getConfig("acktr")).isEqualTo(run.getConfig("acktr"));
    }

    @Test
    void ofTwoRunsStartingIntoOneFolderExactlyOneClaimsIt(@TempDir Path dir) throws Exception {
        Config run = ConfigLoader.load(LOADER, Optional.empty(), List.of());
        Path target = dir.resolve("shared");
        for (int round = 0; round < 20; round++) {
            Path folder = target.resolve("round-" + round);
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Boolean> claim = () -> {
                start.await();
                try {
                    RunDirectory.prepare(folder, run);
                    return true;
                } catch (ConfigException e) {
                    assertThat(e).hasMessageContaining("claimed by another run").hasMessageContaining(folder.toString());
                    return false;
                }
            };
            ExecutorService racers = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> results = racers.invokeAll(List.of(claim, claim));
                assertThat(results.get(0).get() ^ results.get(1).get()).as("round %d: one winner", round).isTrue();
            } finally {
                racers.shutdownNow();
            }
        }
    }

    @Test
    void defaultNamesDifferForRunsStartedTogether() {
        Config run = ConfigLoader.load(LOADER, Optional.empty(), List.of());
        Set<Path> names = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            names.add(RunDirectory.defaultPath(run));
        }
        assertThat(names).hasSize(200);
    }

    @Test
    void aRunDirectoryThatIsAFileIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Config run = ConfigLoader.load(LOADER, Optional.empty(), List.of());
        assertThatThrownBy(() -> RunDirectory.prepare(file, run)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.run-dir").hasMessageContaining(file.toString()).hasMessageContaining("is a file");
        assertThatThrownBy(() -> RunDirectory.prepare(file.resolve("below"), run)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("acktr.run-dir").hasMessageContaining("cannot be created");
    }

    @Test
    void aFolderThatHeldARunIsRefusedEvenWithoutProgress(@TempDir Path dir) {
        Config run = ConfigLoader.load(LOADER, Optional.empty(), List.of());
        RunDirectory.prepare(dir.resolve("once"), run);
        assertThatThrownBy(() -> RunDirectory.prepare(dir.resolve("once"), run)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("claimed by another run");
    }
}
