package io.acktr.runtime.bootstrap.testplugins;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Builds {@value #FILE_NAME}: the plugins of this package, and one class that does not exist,
 * listed in its services file, and a class loader that loads them from that jar only (its parent
 * hides this package), as a plugin dropped into a bundle's {@code plugins/} directory is loaded.
 */
public final class ThirdPartyJar {
    public static final String FILE_NAME = "third-party-plugins.jar";
    public static final String MISSING_CLASS = ThirdPartyJar.class.getPackageName() + ".NotThere";
    private static final List<Class<?>> PLUGINS = List.of(FixedCopyPlugin.class, UnreadableSettingsPlugin.class,
            DuplicateNamePlugin.class, FailingConstructorPlugin.class);

    private ThirdPartyJar() {
    }

    /** The class loader of the jar written into {@code directory}; close it after use. */
    public static URLClassLoader classLoader(Path directory) throws IOException {
        Path jar = directory.resolve(FILE_NAME);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/io.acktr.api.AcktrPlugin"));
            StringBuilder services = new StringBuilder();
            for (Class<?> plugin : PLUGINS) {
                services.append(plugin.getName()).append('\n');
            }
            services.append(MISSING_CLASS).append('\n');
            out.write(services.toString().getBytes(StandardCharsets.UTF_8));
            for (Class<?> plugin : PLUGINS) {
                String entry = plugin.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = ThirdPartyJar.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
            }
        }
        ClassLoader testClassPath = ThirdPartyJar.class.getClassLoader();
        String hidden = ThirdPartyJar.class.getPackageName() + ".";
        ClassLoader withoutThisPackage = new ClassLoader(testClassPath) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(hidden)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, withoutThisPackage);
    }
}
