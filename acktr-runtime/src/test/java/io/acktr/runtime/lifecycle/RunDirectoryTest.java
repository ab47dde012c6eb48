package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
}
