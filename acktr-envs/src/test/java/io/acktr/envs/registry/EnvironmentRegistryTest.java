package io.acktr.envs.registry;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.providers.CartPoleProvider;
import io.acktr.envs.providers.PendulumProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentRegistryTest {
    private static final String SERVICES_FILE = "META-INF/services/" + EnvironmentProvider.class.getName();

    @Test
    void serviceLoaderFindsTheClassicControlAndMinAtarEnvironments() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(EnvironmentRegistryTest.class.getClassLoader());

        assertThat(registry.providers()).extracting(EnvironmentProvider::id).containsExactly("CartPole-v1",
                "MinAtar/Asterix-v0", "MinAtar/Breakout-v0", "MinAtar/Freeway-v0", "MinAtar/Seaquest-v0",
                "MinAtar/SpaceInvaders-v0", "Pendulum-v1");
        assertThat(registry.problems()).isEmpty();
        try (Environment env = registry.create("CartPole-v1")) {
            assertThat(env.id()).isEqualTo("CartPole-v1");
        }
        assertThat(registry.find("Pendulum-v1")).get().isInstanceOf(PendulumProvider.class);
    }

    @Test
    void providersAreSortedById() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new PendulumProvider(), new CartPoleProvider()));

        assertThat(registry.providers()).extracting(EnvironmentProvider::id).containsExactly("CartPole-v1", "Pendulum-v1");
    }

    @Test
    void unknownIdFailsListingTheKnownIds() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new PendulumProvider(), new CartPoleProvider()));

        assertThatThrownBy(() -> registry.create("CartPol-v1"))
                .isInstanceOf(UnknownEnvironmentException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown environment id \"CartPol-v1\"; known ids: CartPole-v1, Pendulum-v1");
        assertThat(registry.find("CartPol-v1")).isEmpty();
    }

    @Test
    void firstProviderOfADuplicateIdWinsAndTheClashIsRecorded() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new CartPoleProvider(), new ImpostorCartPoleProvider(),
                new PendulumProvider()));

        assertThat(registry.find("CartPole-v1")).get().isInstanceOf(CartPoleProvider.class);
        assertThat(registry.providers()).hasSize(2);
        assertThat(registry.problems()).singleElement().asString()
                .contains("\"CartPole-v1\"", CartPoleProvider.class.getName(), ImpostorCartPoleProvider.class.getName());
    }

    @Test
    void providerWhoseIdThrowsIsRecordedAndTheOthersStillWork() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new BrokenIdProvider(), new PendulumProvider()));

        assertThat(registry.problems()).singleElement().asString()
                .contains(BrokenIdProvider.class.getName(), "id()", "no id today");
        assertThat(registry.create("Pendulum-v1").id()).isEqualTo("Pendulum-v1");
    }

    @Test
    void providersThatFailToLoadAreRecordedAndTheRestStillWork(@TempDir Path directory) throws IOException {
        Path services = directory.resolve("services");
        Files.writeString(services, String.join("\n",
                CartPoleProvider.class.getName(),
                ThrowingConstructorProvider.class.getName(),
                "io.acktr.envs.registry.DoesNotExistProvider",
                PendulumProvider.class.getName()) + "\n");
        ClassLoader loader = new ServicesFileClassLoader(EnvironmentRegistryTest.class.getClassLoader(), services.toUri().toURL());

        EnvironmentRegistry registry = EnvironmentRegistry.load(loader);

        assertThat(registry.providers()).extracting(EnvironmentProvider::id).containsExactly("CartPole-v1", "Pendulum-v1");
        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems().get(0)).contains(ThrowingConstructorProvider.class.getName());
        assertThat(registry.problems().get(1)).contains("io.acktr.envs.registry.DoesNotExistProvider");
        assertThat(registry.create("CartPole-v1").id()).isEqualTo("CartPole-v1");
    }

    @Test
    void aProviderWhoseCreateFailsDoesNotAffectOthers() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new FailingCreateProvider(), new PendulumProvider()));

        assertThatThrownBy(() -> registry.create("Broken-v0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot build");
        assertThat(registry.create("Pendulum-v1").id()).isEqualTo("Pendulum-v1");
    }

    public static final class ImpostorCartPoleProvider implements EnvironmentProvider {
        @Override
        public String id() {
            return "CartPole-v1";
        }

        @Override
        public Environment create() {
            return new CartPole();
        }
    }

    public static final class BrokenIdProvider implements EnvironmentProvider {
        @Override
        public String id() {
            throw new IllegalStateException("no id today");
        }

        @Override
        public Environment create() {
            throw new AssertionError("never called");
        }
    }

    public static final class FailingCreateProvider implements EnvironmentProvider {
        @Override
        public String id() {
            return "Broken-v0";
        }

        @Override
        public Environment create() {
            throw new IllegalStateException("cannot build Broken-v0");
        }
    }

    public static final class ThrowingConstructorProvider implements EnvironmentProvider {
        public ThrowingConstructorProvider() {
            throw new IllegalStateException("constructor failed");
        }

        @Override
        public String id() {
            return "Throwing-v0";
        }

        @Override
        public Environment create() {
            throw new AssertionError("never called");
        }
    }

    /** Serves one given services file for {@link EnvironmentProvider} and delegates classes to its parent. */
    private static final class ServicesFileClassLoader extends ClassLoader {
        private final URL servicesFile;

        ServicesFileClassLoader(ClassLoader parent, URL servicesFile) {
            super(parent);
            this.servicesFile = servicesFile;
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICES_FILE.equals(name) ? Collections.enumeration(List.of(servicesFile)) : super.getResources(name);
        }
    }
}
