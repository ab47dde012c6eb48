package io.acktr.envs.registry;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentFamilyProvider;
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
 * <p>Families ({@link EnvironmentFamilyProvider}, their own services file) take the ids
 * {@code <family>/<name>} that no fixed id claims, and get the configuration the registry was
 * loaded with ({@link #load(ClassLoader, Config)}); a family that cannot be loaded, or whose prefix
 * is taken, is skipped and recorded the same way.
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
    private final Map<String, EnvironmentFamilyProvider> familiesByPrefix;
    private final Config settings;
    private final List<String> problems;

    private EnvironmentRegistry(Map<String, EnvironmentProvider> providersById,
                                Map<String, EnvironmentFamilyProvider> familiesByPrefix, Config settings, List<String> problems) {
        this.providersById = Collections.unmodifiableMap(new TreeMap<>(providersById));
        this.familiesByPrefix = Collections.unmodifiableMap(new TreeMap<>(familiesByPrefix));
        this.settings = requireNonNull(settings, "settings is null");
        this.problems = List.copyOf(problems);
    }

    /**
     * Loads every {@link EnvironmentProvider} and {@link EnvironmentFamilyProvider} visible to
     * {@code classLoader}; families get Typesafe Config's default settings (system properties over
     * the class path's {@code reference.conf} files).
     */
    public static EnvironmentRegistry load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        return load(classLoader, ConfigFactory.load(classLoader));
    }

    /**
     * Loads every {@link EnvironmentProvider} and {@link EnvironmentFamilyProvider} visible to
     * {@code classLoader} with {@link ServiceLoader}; families get {@code settings} (a run's
     * resolved configuration) when they create an environment.
     */
    public static EnvironmentRegistry load(ClassLoader classLoader, Config settings) {
        requireNonNull(classLoader, "classLoader is null");
        Builder builder = new Builder(requireNonNull(settings, "settings is null"));
        loadAll(EnvironmentProvider.class, classLoader, builder, builder::add);
        loadAll(EnvironmentFamilyProvider.class, classLoader, builder, builder::addFamily);
        return builder.build();
    }

    private static <T> void loadAll(Class<T> service, ClassLoader classLoader, Builder builder,
                                    java.util.function.Consumer<T> add) {
        Iterator<T> iterator = ServiceLoader.load(service, classLoader).iterator();
        String kind = service == EnvironmentProvider.class ? "an environment provider" : "an environment family provider";
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            T provider;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                provider = iterator.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                consecutiveFailures++;
                builder.problem("could not load " + kind + ": " + describe(e));
                continue;
            }
            consecutiveFailures = 0;
            add.accept(provider);
        }
    }

    /** A registry of the given providers, in order, checked as {@link #load} checks them. */
    public static EnvironmentRegistry of(List<? extends EnvironmentProvider> providers) {
        return of(providers, List.of(), ConfigFactory.empty());
    }

    /** A registry of the given providers and families, in order, checked as {@link #load} checks them. */
    public static EnvironmentRegistry of(List<? extends EnvironmentProvider> providers,
                                         List<? extends EnvironmentFamilyProvider> families, Config settings) {
        requireNonNull(providers, "providers is null");
        requireNonNull(families, "families is null");
        Builder builder = new Builder(requireNonNull(settings, "settings is null"));
        for (EnvironmentProvider provider : providers) {
            builder.add(requireNonNull(provider, "provider is null"));
        }
        for (EnvironmentFamilyProvider family : families) {
            builder.addFamily(requireNonNull(family, "family is null"));
        }
        return builder.build();
    }

    /** The usable families, sorted by prefix. */
    public List<EnvironmentFamilyProvider> families() {
        return List.copyOf(familiesByPrefix.values());
    }

    /** The family of {@code prefix} (e.g. {@code gymnasium}). */
    public Optional<EnvironmentFamilyProvider> findFamily(String prefix) {
        requireNonNull(prefix, "prefix is null");
        return Optional.ofNullable(familiesByPrefix.get(prefix));
    }

    /** The configuration families get. */
    public Config settings() {
        return settings;
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
        requireNonNull(id, "id is null");
        Optional<EnvironmentProvider> fixed = find(id);
        int slash = id.indexOf('/');
        EnvironmentFamilyProvider family = fixed.isEmpty() && slash > 0 ? familiesByPrefix.get(id.substring(0, slash)) : null;
        if (fixed.isEmpty() && family == null) {
            throw new UnknownEnvironmentException(id, knownIds());
        }
        String origin = family == null ? "environment provider " + fixed.get().getClass().getName()
                : "environment family provider " + family.getClass().getName();
        Environment environment;
        try {
            environment = family == null ? fixed.get().create() : family.create(id.substring(slash + 1), settings);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " cannot create \"" + id + "\": " + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(origin + " failed to create \"" + id + "\": " + describe(e), e);
        }
        if (environment == null) {
            throw new IllegalStateException(origin + " returned null from create() for \"" + id + "\"");
        }
        Space observationSpace;
        try {
            observationSpace = environment.observationSpace();
        } catch (IllegalArgumentException e) {
            environment.close();
            throw new IllegalArgumentException(origin + " cannot create \"" + id + "\": " + e.getMessage(), e);
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

    /** The fixed ids and, for each family, its id pattern. */
    private List<String> knownIds() {
        List<String> known = new ArrayList<>(ids());
        familiesByPrefix.values().forEach(family -> known.add(family.idPattern()));
        return known;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return e.getCause() == null ? message : message + " (caused by " + describe(e.getCause()) + ")";
    }

    private static final class Builder {
        private final Map<String, EnvironmentProvider> providersById = new TreeMap<>();
        private final Map<String, EnvironmentFamilyProvider> familiesByPrefix = new TreeMap<>();
        private final Config settings;
        private final List<String> problems = new ArrayList<>();

        Builder(Config settings) {
            this.settings = settings;
        }

        void addFamily(EnvironmentFamilyProvider family) {
            String className = family.getClass().getName();
            String prefix;
            try {
                prefix = family.family();
            } catch (RuntimeException | LinkageError e) {
                problem("environment family provider " + className + " failed in family(): " + describe(e));
                return;
            }
            if (prefix == null || prefix.isBlank() || prefix.contains("/")) {
                problem("environment family provider " + className + " has a blank prefix or one with a slash: \"" + prefix + "\"");
                return;
            }
            EnvironmentFamilyProvider existing = familiesByPrefix.putIfAbsent(prefix, family);
            if (existing != null) {
                problem("environment family \"" + prefix + "\" is provided by both " + existing.getClass().getName()
                        + " and " + className + "; using " + existing.getClass().getName());
                return;
            }
            LOG.debug("registered environment family {}/ from {}", prefix, className);
        }

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
            return new EnvironmentRegistry(providersById, familiesByPrefix, settings, problems);
        }
    }
}
