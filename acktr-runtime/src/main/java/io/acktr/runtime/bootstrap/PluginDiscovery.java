package io.acktr.runtime.bootstrap;

import static java.util.Objects.requireNonNull;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.training.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The {@link AcktrPlugin}s that {@link ServiceLoader} finds, one provider at a time, so that one
 * broken plugin cannot take the others down. A plugin whose class cannot be loaded or built,
 * whose methods throw, or that registers a name its kind already has (the first found keeps it)
 * is skipped: {@link #problems()} holds one line naming its jar and the cause, and
 * {@link #skippedNames()} the names it would have had. Nothing here reads the configuration;
 * {@link PluginRegistry} configures the registrations.
 */
public final class PluginDiscovery {
    static final String SERVICES_FILE = "META-INF/services/" + AcktrPlugin.class.getName();
    /** Guards against a service iterator that keeps failing without advancing. */
    private static final int MAX_CONSECUTIVE_FAILURES = 1000;

    /** A registration together with the jar (or directory) of the plugin that made it. */
    record Found<F>(Registration<F> registration, String jar) {
    }

    /** Registrations of one kind by name, in the order found. */
    static final class Kind<F> {
        private final Map<String, Found<F>> byName = new LinkedHashMap<>();
        private final Map<String, String> skipped = new LinkedHashMap<>();

        Map<String, Found<F>> found() {
            return Collections.unmodifiableMap(byName);
        }

        /** Names of skipped plugins, each with the warning that says why. */
        Map<String, String> skipped() {
            return Collections.unmodifiableMap(skipped);
        }
    }

    private final Kind<CurvatureEstimatorFactory> curvatureEstimators = new Kind<>();
    private final Kind<StepSizeRuleFactory> stepSizeRules = new Kind<>();
    private final Kind<PolicyFactory> policies = new Kind<>();
    private final List<TrainingListener> trainingListeners = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private PluginDiscovery() {
    }

    /** Loads every {@link AcktrPlugin} listed in {@value #SERVICES_FILE} files visible to {@code classLoader}. */
    public static PluginDiscovery load(ClassLoader classLoader) {
        requireNonNull(classLoader, "classLoader is null");
        PluginDiscovery discovery = new PluginDiscovery();
        Iterator<ServiceLoader.Provider<AcktrPlugin>> providers =
                ServiceLoader.load(AcktrPlugin.class, classLoader).stream().iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            ServiceLoader.Provider<AcktrPlugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                consecutiveFailures++;
                discovery.problems.add("skipped a plugin from " + listingJar(classLoader, e) + ": " + describe(e));
                continue;
            }
            consecutiveFailures = 0;
            discovery.add(provider);
        }
        return discovery;
    }

    Kind<CurvatureEstimatorFactory> curvatureEstimators() {
        return curvatureEstimators;
    }

    Kind<StepSizeRuleFactory> stepSizeRules() {
        return stepSizeRules;
    }

    Kind<PolicyFactory> policies() {
        return policies;
    }

    List<TrainingListener> trainingListeners() {
        return Collections.unmodifiableList(trainingListeners);
    }

    /** One line per skipped plugin: its class, its jar and the cause. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    private void add(ServiceLoader.Provider<AcktrPlugin> provider) {
        Class<? extends AcktrPlugin> type = provider.type();
        String origin = "plugin " + type.getName() + " from " + jarOf(type);
        AcktrPlugin plugin;
        List<Registration<CurvatureEstimatorFactory>> estimators;
        List<Registration<StepSizeRuleFactory>> rules;
        List<Registration<PolicyFactory>> policyList;
        List<TrainingListener> listeners;
        try {
            plugin = provider.get();
            estimators = List.copyOf(plugin.curvatureEstimators());
            rules = List.copyOf(plugin.stepSizeRules());
            policyList = List.copyOf(plugin.policies());
            listeners = List.copyOf(plugin.trainingListeners());
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            problems.add("skipped " + origin + ": " + describe(e));
            return;
        }
        List<String> clashes = new ArrayList<>();
        clashes.addAll(clashes("curvature estimator", estimators, curvatureEstimators));
        clashes.addAll(clashes("step-size rule", rules, stepSizeRules));
        clashes.addAll(clashes("policy", policyList, policies));
        String jar = jarOf(type);
        if (!clashes.isEmpty()) {
            String problem = "skipped " + origin + ": " + String.join("; ", clashes);
            problems.add(problem);
            skip(estimators, curvatureEstimators, problem);
            skip(rules, stepSizeRules, problem);
            skip(policyList, policies, problem);
            return;
        }
        register(estimators, curvatureEstimators, jar);
        register(rules, stepSizeRules, jar);
        register(policyList, policies, jar);
        trainingListeners.addAll(listeners);
    }

    /** Why {@code registrations} cannot join {@code kind}: blank names, names repeated or already taken. */
    private static <F> List<String> clashes(String what, List<Registration<F>> registrations, Kind<F> kind) {
        List<String> clashes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Registration<F> registration : registrations) {
            String name = registration == null ? null : registration.name();
            if (name == null || name.isBlank()) {
                clashes.add("a " + what + " has no name");
            } else if (!seen.add(name)) {
                clashes.add("it registers the " + what + " \"" + name + "\" twice");
            } else if (kind.byName.containsKey(name)) {
                clashes.add("the " + what + " \"" + name + "\" is already registered by " + kind.byName.get(name).jar());
            }
        }
        return clashes;
    }

    private static <F> void skip(List<Registration<F>> registrations, Kind<F> kind, String problem) {
        for (Registration<F> registration : registrations) {
            if (registration != null && registration.name() != null && !kind.byName.containsKey(registration.name())) {
                kind.skipped.putIfAbsent(registration.name(), problem);
            }
        }
    }

    private static <F> void register(List<Registration<F>> registrations, Kind<F> kind, String jar) {
        for (Registration<F> registration : registrations) {
            kind.byName.put(registration.name(), new Found<>(registration, jar));
        }
    }

    /** The file name of the jar that holds {@code type}, or the directory for classes not in a jar. */
    static String jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "an unknown location" : describe(source.getLocation());
    }

    /**
     * The jar whose services file names the provider class that {@code error} is about: a class
     * that cannot be loaded has no code source to ask.
     */
    private static String listingJar(ClassLoader classLoader, Throwable error) {
        String message = String.valueOf(error.getMessage());
        try {
            for (URL listing : Collections.list(classLoader.getResources(SERVICES_FILE))) {
                for (String className : classNames(listing)) {
                    if (message.contains(className)) {
                        return describe(listing);
                    }
                }
            }
        } catch (IOException e) {
            return "an unknown jar";
        }
        return "an unknown jar";
    }

    private static List<String> classNames(URL listing) throws IOException {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(listing.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.replaceFirst("#.*", "").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** A jar's file name, or a directory's path, from a code-source location or a resource inside a jar. */
    private static String describe(URL location) {
        String text = location.toString();
        if (text.startsWith("jar:")) {
            text = text.substring(4, text.indexOf("!/") < 0 ? text.length() : text.indexOf("!/"));
        } else if (text.endsWith(SERVICES_FILE)) {
            text = text.substring(0, text.length() - SERVICES_FILE.length());
        }
        try {
            Path path = Path.of(new URL(text).toURI());
            return path.toString().endsWith(".jar") ? String.valueOf(path.getFileName()) : path.toString();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return text;
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        message = e.getCause() == null || e.getCause() == e ? message : message + " (caused by " + describe(e.getCause()) + ")";
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
