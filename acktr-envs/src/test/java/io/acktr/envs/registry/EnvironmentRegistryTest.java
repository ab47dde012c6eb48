package io.acktr.envs.registry;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.Environment;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.EnvironmentFamilyProvider;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import io.acktr.envs.classic.CartPole;
import io.acktr.envs.providers.CartPoleProvider;
import io.acktr.envs.providers.PendulumProvider;
import io.acktr.envs.wrappers.ObservationLengthCheck;
import io.acktr.envs.wrappers.TimeLimit;
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
    void serviceLoaderFindsTheClassicControlEnvironments() {
        EnvironmentRegistry registry = EnvironmentRegistry.load(EnvironmentRegistryTest.class.getClassLoader());

        assertThat(registry.providers()).extracting(EnvironmentProvider::id).contains("Acrobot-v1", "CartPole-v1",
                "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1");
        assertThat(registry.providers()).extracting(EnvironmentProvider::description).allMatch(d -> !d.isBlank());
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
    void createdEnvironmentsAreTheProvidersWrappedInAnObservationLengthCheck() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new CartPoleProvider()));

        Environment env = registry.create("CartPole-v1");

        assertThat(env).isInstanceOf(ObservationLengthCheck.class);
        Environment provided = ((ObservationLengthCheck) env).environment();
        assertThat(provided).isInstanceOf(TimeLimit.class);
        assertThat(env.reset(5)).containsExactly(new CartPole().reset(5));
        assertThat(env.render().pixels()).isEqualTo(provided.render().pixels());
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
    void duplicateIdsOnTheClassPathKeepTheFirstAndNameBothClasses(@TempDir Path directory) throws IOException {
        EnvironmentRegistry registry = EnvironmentRegistry.load(servicesLoader(directory,
                CartPoleProvider.class, ImpostorCartPoleProvider.class, PendulumProvider.class));

        assertThat(registry.ids()).containsExactly("CartPole-v1", "Pendulum-v1");
        assertThat(registry.find("CartPole-v1")).get().isInstanceOf(CartPoleProvider.class);
        assertThat(registry.problems()).singleElement().asString()
                .contains("\"CartPole-v1\"", CartPoleProvider.class.getName(), ImpostorCartPoleProvider.class.getName());
        assertThat(registry.create("CartPole-v1").reset(1)).hasSize(4);
    }

    @Test
    void providerWhoseIdThrowsIsRecordedAndTheOthersStillWork() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new BrokenIdProvider(), new PendulumProvider()));

        assertThat(registry.problems()).singleElement().asString()
                .contains(BrokenIdProvider.class.getName(), "id()", "no id today");
        assertThat(registry.create("Pendulum-v1").id()).isEqualTo("Pendulum-v1");
    }

    @Test
    void providerWithABlankIdIsRecorded() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new BlankIdProvider(), new PendulumProvider()));

        assertThat(registry.problems()).singleElement().asString().contains(BlankIdProvider.class.getName(), "blank id");
        assertThat(registry.ids()).containsExactly("Pendulum-v1");
    }

    @Test
    void providersThatFailToLoadAreRecordedAndTheRestStillWork(@TempDir Path directory) throws IOException {
        Path services = directory.resolve("services");
        Files.writeString(services, String.join("\n",
                CartPoleProvider.class.getName(),
                ThrowingConstructorProvider.class.getName(),
                "io.acktr.envs.registry.DoesNotExistProvider",
                FailingStaticInitializerProvider.class.getName(),
                PendulumProvider.class.getName()) + "\n");
        ClassLoader loader = new ServicesFileClassLoader(EnvironmentRegistryTest.class.getClassLoader(), services.toUri().toURL());

        EnvironmentRegistry registry = EnvironmentRegistry.load(loader);

        assertThat(registry.providers()).extracting(EnvironmentProvider::id).containsExactly("CartPole-v1", "Pendulum-v1");
        assertThat(registry.problems()).hasSize(3);
        assertThat(registry.problems().get(0)).contains(ThrowingConstructorProvider.class.getName(), "constructor failed");
        assertThat(registry.problems().get(1)).contains("io.acktr.envs.registry.DoesNotExistProvider", "not found");
        assertThat(registry.problems().get(2)).contains(FailingStaticInitializerProvider.class.getName(),
                "static initializer failed");
        assertThat(registry.create("CartPole-v1").id()).isEqualTo("CartPole-v1");
        assertThat(registry.create("Pendulum-v1").reset(0)).hasSize(3);
    }

    @Test
    void providerWhoseCreateThrowsIsNamedWithTheIdAndTheOthersStillWork() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new FailingCreateProvider(), new PendulumProvider()));

        assertThatThrownBy(() -> registry.create("Broken-v0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(FailingCreateProvider.class.getName())
                .hasMessageContaining("failed to create \"Broken-v0\"")
                .hasMessageContaining("cannot build")
                .cause().isInstanceOf(UnsupportedOperationException.class);
        assertThat(registry.create("Pendulum-v1").id()).isEqualTo("Pendulum-v1");
        assertThatThrownBy(() -> registry.create("Broken-v0")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void providerWhoseCreateHitsAMissingClassIsNamedWithTheId() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new MissingClassProvider(), new PendulumProvider()));

        assertThatThrownBy(() -> registry.create("Missing-v0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MissingClassProvider.class.getName())
                .hasMessageContaining("\"Missing-v0\"")
                .hasMessageContaining("NoClassDefFoundError")
                .hasMessageContaining("com/example/physics/Engine");
        assertThat(registry.create("Pendulum-v1").reset(0)).hasSize(3);
    }

    @Test
    void providerWhoseCreateReturnsNullIsNamedWithTheId() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new NullCreateProvider(), new PendulumProvider()));

        assertThatThrownBy(() -> registry.create("Null-v0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment provider " + NullCreateProvider.class.getName()
                        + " returned null from create() for \"Null-v0\"");
        assertThat(registry.create("Pendulum-v1").reset(0)).hasSize(3);
    }

    @Test
    void environmentWithoutAnObservationSpaceIsRejectedAtCreateAndClosed() {
        MisshapenProvider provider = new MisshapenProvider("Spaceless-v0", null, 4, 4);
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(provider, new PendulumProvider()));

        assertThatThrownBy(() -> registry.create("Spaceless-v0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MisshapenProvider.class.getName())
                .hasMessageContaining("\"Spaceless-v0\"")
                .hasMessageContaining("null observation space");
        assertThat(provider.lastCreated.closed).isTrue();
        assertThat(registry.create("Pendulum-v1").reset(0)).hasSize(3);
    }

    @Test
    void observationOfTheWrongLengthFromResetIsAnErrorNamingTheProviderAndId() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(
                new MisshapenProvider("Misshapen-v0", BoxSpace.uniform(-1, 1, 4), 3, 4), new CartPoleProvider()));
        Environment env = registry.create("Misshapen-v0");

        assertThatThrownBy(() -> env.reset(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("environment provider " + MisshapenProvider.class.getName() + ": environment Misshapen-v0 returned"
                        + " an observation of length 3 from reset(seed), but its observation space Box(-1.0, 1.0, [4]) has 4"
                        + " elements");
        assertThatThrownBy(env::reset).isInstanceOf(IllegalStateException.class).hasMessageContaining("from reset()");
        assertThat(registry.create("CartPole-v1").reset(0)).hasSize(4);
    }

    @Test
    void observationOfTheWrongLengthFromStepIsAnErrorNamingTheProviderAndId() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(
                new MisshapenProvider("Misshapen-v0", BoxSpace.uniform(-1, 1, 4), 4, 5), new CartPoleProvider()));
        Environment env = registry.create("Misshapen-v0");
        assertThat(env.reset(0)).hasSize(4);

        assertThatThrownBy(() -> env.step(new double[] {0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(MisshapenProvider.class.getName())
                .hasMessageContaining("Misshapen-v0")
                .hasMessageContaining("length 5 from step()")
                .hasMessageContaining("has 4 elements");
        Environment cartPole = registry.create("CartPole-v1");
        cartPole.reset(0);
        assertThat(cartPole.step(new double[] {1}).observation()).hasSize(4);
    }

    @Test
    void everyKindOfBrokenProviderOnTheClassPathIsReportedOnceAndTheGoodOnesStillWork(@TempDir Path directory)
            throws IOException {
        EnvironmentRegistry registry = EnvironmentRegistry.load(servicesLoader(directory,
                ThrowingConstructorProvider.class, CartPoleProvider.class, BrokenIdProvider.class, ImpostorCartPoleProvider.class,
                FailingCreateProvider.class, NullCreateProvider.class, ShortObservationProvider.class, PendulumProvider.class));

        // Failures while loading are problems; failures in create() and in the observations show when used.
        assertThat(registry.ids()).containsExactly("Broken-v0", "CartPole-v1", "Null-v0", "Pendulum-v1", "Short-v0");
        assertThat(registry.problems()).hasSize(3);
        assertThat(registry.problems().get(0)).contains(ThrowingConstructorProvider.class.getName());
        assertThat(registry.problems().get(1)).contains(BrokenIdProvider.class.getName());
        assertThat(registry.problems().get(2)).contains(ImpostorCartPoleProvider.class.getName(), "\"CartPole-v1\"");
        assertThatThrownBy(() -> registry.create("Broken-v0")).hasMessageContaining(FailingCreateProvider.class.getName());
        assertThatThrownBy(() -> registry.create("Null-v0")).hasMessageContaining(NullCreateProvider.class.getName());
        Environment shortObservations = registry.create("Short-v0");
        assertThatThrownBy(() -> shortObservations.reset(0)).hasMessageContaining(ShortObservationProvider.class.getName())
                .hasMessageContaining("Short-v0");

        for (String id : List.of("CartPole-v1", "Pendulum-v1")) {
            try (Environment env = registry.create(id)) {
                double[] observation = env.reset(0);
                double[] action = id.equals("CartPole-v1") ? new double[] {1} : new double[] {0.5};
                assertThat(env.step(action).observation()).hasSameSizeAs(observation);
            }
        }
    }

    private static ClassLoader servicesLoader(Path directory, Class<?>... providers) throws IOException {
        Path services = directory.resolve("services");
        StringBuilder lines = new StringBuilder();
        for (Class<?> provider : providers) {
            lines.append(provider.getName()).append('\n');
        }
        Files.writeString(services, lines);
        return new ServicesFileClassLoader(EnvironmentRegistryTest.class.getClassLoader(), services.toUri().toURL());
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

    public static final class BlankIdProvider implements EnvironmentProvider {
        @Override
        public String id() {
            return " ";
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
            throw new UnsupportedOperationException("cannot build Broken-v0");
        }
    }

    /** Its environment needs a class that is not on the class path, as a plugin missing a dependency would. */
    public static final class MissingClassProvider implements EnvironmentProvider {
        @Override
        public String id() {
            return "Missing-v0";
        }

        @Override
        public Environment create() {
            throw new NoClassDefFoundError("com/example/physics/Engine");
        }
    }

    public static final class NullCreateProvider implements EnvironmentProvider {
        @Override
        public String id() {
            return "Null-v0";
        }

        @Override
        public Environment create() {
            return null;
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

    public static final class FailingStaticInitializerProvider implements EnvironmentProvider {
        private static final String ID = initialize();

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Environment create() {
            throw new AssertionError("never called");
        }

        private static String initialize() {
            throw new IllegalStateException("static initializer failed");
        }
    }

    /** A services-file provider of observations one element short of their space. */
    public static final class ShortObservationProvider implements EnvironmentProvider {
        private final MisshapenProvider delegate = new MisshapenProvider("Short-v0", BoxSpace.uniform(0, 1, 2), 1, 1);

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public Environment create() {
            return delegate.create();
        }
    }

    /** Creates {@link MisshapenEnvironment}s. */
    private static final class MisshapenProvider implements EnvironmentProvider {
        private final String id;
        private final Space observationSpace;
        private final int resetLength;
        private final int stepLength;
        private MisshapenEnvironment lastCreated;

        MisshapenProvider(String id, Space observationSpace, int resetLength, int stepLength) {
            this.id = id;
            this.observationSpace = observationSpace;
            this.resetLength = resetLength;
            this.stepLength = stepLength;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Environment create() {
            lastCreated = new MisshapenEnvironment(id, observationSpace, resetLength, stepLength);
            return lastCreated;
        }
    }

    /** Declares {@code observationSpace} but returns zero observations of the given lengths. */
    private static final class MisshapenEnvironment implements Environment {
        private final String id;
        private final Space observationSpace;
        private final int resetLength;
        private final int stepLength;
        private boolean closed;

        MisshapenEnvironment(String id, Space observationSpace, int resetLength, int stepLength) {
            this.id = id;
            this.observationSpace = observationSpace;
            this.resetLength = resetLength;
            this.stepLength = stepLength;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Space observationSpace() {
            return observationSpace;
        }

        @Override
        public Space actionSpace() {
            return new DiscreteSpace(1);
        }

        @Override
        public double[] reset(long seed) {
            return reset();
        }

        @Override
        public double[] reset() {
            return new double[resetLength];
        }

        @Override
        public StepResult step(double[] action) {
            return new StepResult(new double[stepLength], 0.0, false, false);
        }

        @Override
        public void close() {
            closed = true;
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

    @Test
    void anIdWithAFamilyPrefixGoesToTheFamilyWithTheRestOfTheIdAndTheSettings() {
        Config settings = ConfigFactory.parseString("acktr.env.fake.greeting = hello");
        FakeFamily family = new FakeFamily("fake");
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new CartPoleProvider()), List.of(family), settings);

        try (Environment env = registry.create("fake/CartPole-v1")) {
            assertThat(env.id()).isEqualTo("CartPole-v1");
        }
        assertThat(family.names).containsExactly("CartPole-v1");
        assertThat(family.settings).containsExactly(settings);
        assertThat(registry.families()).containsExactly(family);
        assertThat(registry.findFamily("fake")).contains(family);
    }

    @Test
    void aFixedIdWinsOverAFamilyAndAnUnknownIdListsTheFamilysPattern() {
        FakeFamily family = new FakeFamily("MinAtar");
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(new FixedIdProvider("MinAtar/Breakout-v0")),
                List.of(family), ConfigFactory.empty());

        try (Environment env = registry.create("MinAtar/Breakout-v0")) {
            assertThat(env.id()).isEqualTo("CartPole-v1");
        }
        assertThat(family.names).isEmpty();
        assertThatThrownBy(() -> EnvironmentRegistry.of(List.of(), List.of(), ConfigFactory.empty()).create("fake/X-v0"))
                .isInstanceOf(UnknownEnvironmentException.class);
        assertThatThrownBy(() -> registry.create("Nothing-v0"))
                .hasMessage("unknown environment id \"Nothing-v0\"; known ids: MinAtar/Breakout-v0, MinAtar/<name>");
    }

    @Test
    void aFamilyWhosePrefixIsTakenOrHasASlashIsSkippedAsAProblem() {
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(),
                List.of(new FakeFamily("fake"), new FakeFamily("fake"), new FakeFamily("a/b")), ConfigFactory.empty());

        assertThat(registry.families()).hasSize(1);
        assertThat(registry.problems()).hasSize(2);
        assertThat(registry.problems().get(0)).contains("environment family \"fake\" is provided by both");
        assertThat(registry.problems().get(1)).contains("a blank prefix or one with a slash");
    }

    @Test
    void aFamilysIllegalArgumentStaysAnIllegalArgumentNamingTheFamily() {
        EnvironmentFamilyProvider refusing = new FakeFamily("fake") {
            @Override
            public Environment create(String name, Config settings) {
                throw new IllegalArgumentException("no interpreter");
            }
        };
        EnvironmentRegistry registry = EnvironmentRegistry.of(List.of(), List.of(refusing), ConfigFactory.empty());

        assertThatThrownBy(() -> registry.create("fake/X-v0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot create \"fake/X-v0\": no interpreter");
    }

    /** A family that makes CartPole under any name and records what it was given. */
    private static class FakeFamily implements EnvironmentFamilyProvider {
        private final String prefix;
        final List<String> names = new java.util.ArrayList<>();
        final List<Config> settings = new java.util.ArrayList<>();

        FakeFamily(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String family() {
            return prefix;
        }

        @Override
        public Environment create(String name, Config settings) {
            names.add(name);
            this.settings.add(settings);
            return new CartPole();
        }
    }

    private record FixedIdProvider(String id) implements EnvironmentProvider {
        @Override
        public Environment create() {
            return new CartPole();
        }
    }
}
