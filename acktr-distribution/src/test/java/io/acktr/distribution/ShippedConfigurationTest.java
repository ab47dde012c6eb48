package io.acktr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShippedConfigurationTest {
    @Test
    void theBundledCartPoleConfigIsTheEmbeddedDefaultRun() throws Exception {
        String bundled = Files.readString(Path.of("src/bundle/conf/cartpole-acktr.conf"));
        try (InputStream embedded = getClass().getClassLoader().getResourceAsStream("io/acktr/runtime/default-run.conf")) {
            assertThat(embedded).as("default-run.conf on the class path").isNotNull();
            assertThat(new String(embedded.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(bundled);
        }
    }
}
