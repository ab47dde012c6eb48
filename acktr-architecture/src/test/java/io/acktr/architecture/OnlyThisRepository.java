package io.acktr.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.net.URI;
import java.nio.file.Path;

/**
 * Imports only classes compiled in this repository (system property {@code acktr.repository},
 * set by the build), never the acktr jars of the local Maven repository: those may be older than
 * the code under test. Run without the modules it checks ({@code -am}), the architecture test
 * then finds no classes and fails saying so, rather than checking stale ones.
 */
public final class OnlyThisRepository implements ImportOption {
    private final Path repository = Path.of(System.getProperty("acktr.repository", "..")).toAbsolutePath().normalize();

    /**
     * A class file under the repository, or an entry of a jar under it (a reactor build past
     * {@code package} hands the modules' own jars to the test, not their class folders).
     */
    @Override
    public boolean includes(Location location) {
        URI uri = location.asURI();
        if ("jar".equals(uri.getScheme())) {
            String inner = uri.getRawSchemeSpecificPart();
            int entry = inner.indexOf("!/");
            uri = URI.create(entry < 0 ? inner : inner.substring(0, entry));
        }
        return "file".equals(uri.getScheme()) && Path.of(uri).startsWith(repository);
    }
}
