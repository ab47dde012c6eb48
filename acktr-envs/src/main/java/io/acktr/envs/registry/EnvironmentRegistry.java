package io.acktr.envs.registry;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.api.env.Space;
import io.acktr.envs.wrappers.ObservationLengthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The environment providers found on a class path, keyed by id. A provider that cannot be loaded
 * (missing class, failing constructor or static initializer), whose {@code id()} fails or is blank,
 * or whose id is already taken is skipped and recorded in {@link #problems()}, naming its class;
 * the others stay usable. Among providers claiming the same id the first wins.
 *
 * <p>{@link #create(String)} names the provider class and the id when the provider's
 * {@code create()} fails, and wraps each environment in an {@link ObservationLengthCheck}, so an
 * environment whose observations do not match its observation space fails on the first reset or
 * step that shows it, naming its provider.
 */
public final class EnvironmentRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentRegistry.class);
    /** Guards against a service iterator that keeps failing without advancing. */
    private static final int MAX_CONSECUTIVE_FAILURES = 1000;

    private final Map<String, EnvironmentProvider> providersById;
    private final List<String> problems;

    private EnvironmentRegistry(Map<String, EnvironmentProvider> providersById, List<String> problems) {
        this.providersById = Collections.unmodifiableMap(new TreeMap<>(providersById));
        this.problems = List.copyOf(problems);
    }

    /** Loads every {@link EnvironmentProvider} visible to {@code classLoader} with {@link ServiceLoader}. */
    public static EnvironmentRegistry load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        Builder builder = new Builder();
        Iterator<EnvironmentProvider> iterator = ServiceLoader.load(EnvironmentProvider.class, classLoader).iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            EnvironmentProvider provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                consecutiveFailures++;
                builder.problem("could not load an environment provider: " + describe(e));
                continue;
            }
            consecutiveFailures = 0;
            builder.add(provider);
        }
        return builder.build();
    }

    /** A registry of the given providers, in order, checked as {@link #load} checks them. */
    public static EnvironmentRegistry of(List<? extends EnvironmentProvider> providers) {
        requireNonNull(providers, "providers is null");
        Builder builder = new Builder();
        for (EnvironmentProvider provider : providers) {
            builder.add(requireNonNull(provider, "provider is null"));
        }
        return builder.build();
    }

    /** The usable providers, sorted by id. */
    public List<EnvironmentProvider> providers() {
        return List.copyOf(providersById.values());
    }

    /** The sorted ids of the usable providers. */
    public List<String> ids() {
        return List.copyOf(providersById.keySet());
    }

    /** One message per provider that was skipped, in the order found. */
    public List<String> problems() {
        return problems;
    }

    public Optional<EnvironmentProvider> find(String id) {
        requireNonNull(id, "id is null");
        return Optional.ofNullable(providersById.get(id));
    }

    /**
     * A new environment from the provider of {@code id}, checked by an {@link ObservationLengthCheck}.
     *
     * @throws UnknownEnvironmentException when no provider offers {@code id}
     * @throws IllegalStateException when the provider fails to create the environment, naming its class and {@code id}
     */
    public Environment create(String id) {
        EnvironmentProvider provider = find(id).orElseThrow(() -> new UnknownEnvironmentException(id, ids()));
        String origin = "environment provider " + provider.getClass().getName();
        Environment environment;
        try {
            environment = provider.create();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(origin + " failed to create \"" + id + "\": " + describe(e), e);
        }
        if (environment == null) {
            throw new IllegalStateException(origin + " returned null from create() for \"" + id + "\"");
        }
        Space observationSpace;
        try {
            observationSpace = environment.observationSpace();
        } catch (RuntimeException e) {
            environment.close();
            throw new IllegalStateException(origin + " created \"" + id + "\" but its observationSpace() failed: " + describe(e), e);
        }
        if (observationSpace == null) {
            environment.close();
            throw new IllegalStateException(origin + " created \"" + id + "\" with a null observation space");
        }
        return new ObservationLengthCheck(environment, origin);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return e.getCause() == null ? message : message + " (caused by " + describe(e.getCause()) + ")";
    }

    private static final class Builder {
        private final Map<String, EnvironmentProvider> providersById = new TreeMap<>();
        private final List<String> problems = new ArrayList<>();

        void add(EnvironmentProvider provider) {
            String className = provider.getClass().getName();
            String id;
            try {
                id = provider.id();
            } catch (RuntimeException | LinkageError e) {
                problem("environment provider " + className + " failed in id(): " + describe(e));
                return;
            }
            if (id == null || id.isBlank()) {
                problem("environment provider " + className + " has a blank id");
                return;
            }
            EnvironmentProvider existing = providersById.putIfAbsent(id, provider);
            if (existing != null) {
                problem("environment id \"" + id + "\" is provided by both " + existing.getClass().getName()
                        + " and " + className + "; using " + existing.getClass().getName());
                return;
            }
            LOG.debug("registered environment {} from {}", id, className);
        }

        void problem(String message) {
            LOG.warn(message);
            problems.add(message);
        }

        EnvironmentRegistry build() {
            return new EnvironmentRegistry(providersById, problems);
        }
    }
}
