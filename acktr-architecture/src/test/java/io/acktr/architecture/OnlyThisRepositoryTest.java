package io.acktr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OnlyThisRepositoryTest {
    private static final Path REPOSITORY = Path.of(System.getProperty("acktr.repository", "..")).toAbsolutePath().normalize();
    private final OnlyThisRepository option = new OnlyThisRepository();

    @Test
    void aClassCompiledInThisRepositoryIsImported() {
        URI compiled = REPOSITORY.resolve("acktr-api/target/classes/io/acktr/api/env/Environment.class").toUri();

        assertThat(option.includes(Location.of(compiled))).isTrue();
    }

    @Test
    void aJarBuiltInThisRepositoryIsImported() {
        URI packaged = URI.create("jar:" + REPOSITORY.resolve("acktr-api/target/acktr-api-0.1.0-SNAPSHOT.jar").toUri()
                + "!/io/acktr/api/env/Environment.class");

        assertThat(option.includes(Location.of(packaged))).isTrue();
    }

    @Test
    void anAcktrJarFromTheLocalMavenRepositoryIsNot() {
        URI installed = URI.create("jar:file:/home/someone/.m2/repository/io/acktr/acktr-api/0.1.0-SNAPSHOT/"
                + "acktr-api-0.1.0-SNAPSHOT.jar!/io/acktr/api/env/Environment.class");

        assertThat(option.includes(Location.of(installed))).isFalse();
    }
}
