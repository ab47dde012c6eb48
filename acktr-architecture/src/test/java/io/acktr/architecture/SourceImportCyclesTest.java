package io.acktr.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Rule (a) once more, on the import declarations of every module's production sources: it sees the
 * dependencies javac inlines away (a package using only another's constants), which
 * {@link ArchitectureTest} cannot.
 */
class SourceImportCyclesTest {
    @Test
    void packagesUnderIoAcktrImportEachOtherWithoutCycles() {
        Path repository = Path.of(System.getProperty("acktr.repository", ".."));
        SourceImports imports = SourceImports.read(SourceImports.mainSourceDirectories(repository), "io.acktr");

        assertThat(imports.imports()).as("imports between io.acktr packages found below %s", repository.toAbsolutePath())
                .isNotEmpty();
        assertThat(imports.cycles()).as("package cycles in the sources").isEmpty();
    }
}
