package io.acktr.runtime.bootstrap;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every registered curvature estimator, step-size rule and policy by name, and the one place
 * where the configuration selects among them.
 *
 * <p>Building it configures every registration, selected or not. An invalid value or a value
 * of the wrong type ({@link ConfigException.BadValue}, {@link ConfigException.WrongType}) is the
 * user's configuration error and fails start-up as it always has. Any other failure while reading
 * a plugin's settings (a missing key because the jar has no {@code reference.conf}, a bug) is the
 * plugin's: that name is skipped with one warning naming its jar, and selecting it fails with the
 * cause. Plugins that {@link PluginDiscovery} skipped are reported the same way.
 */
public final class PluginRegistry {
    public static final String CURVATURE_TYPE = "acktr.curvature.type";
    public static final String STEP_SIZE_TYPE = "acktr.step-size.type";
    public static final String POLICY_TYPE = "acktr.policy.type";

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final Section<CurvatureEstimatorFactory> curvatureEstimators;
    private final Section<StepSizeRuleFactory> stepSizeRules;
    private final Section<PolicyFactory> policies;
    private final List<String> problems;

    @Inject
    PluginRegistry(Config config, PluginDiscovery discovery) {
        requireNonNull(config, "config is null");
        List<String> found = new ArrayList<>(discovery.problems());
        this.curvatureEstimators = new Section<>(CURVATURE_TYPE, config, discovery.curvatureEstimators(), found);
        this.stepSizeRules = new Section<>(STEP_SIZE_TYPE, config, discovery.stepSizeRules(), found);
        this.policies = new Section<>(POLICY_TYPE, config, discovery.policies(), found);
        this.problems = List.copyOf(found);
        problems.forEach(problem -> LOG.warn(problem));
    }

    public Map<String, CurvatureEstimatorFactory> curvatureEstimators() {
        return curvatureEstimators.factories;
    }

    public Map<String, StepSizeRuleFactory> stepSizeRules() {
        return stepSizeRules.factories;
    }

    public Map<String, PolicyFactory> policies() {
        return policies.factories;
    }

    /** The jar (or class directory) that provides each name, by selector path ({@link #CURVATURE_TYPE}, ...). */
    public Map<String, Map<String, String>> sources() {
        Map<String, Map<String, String>> sources = new TreeMap<>();
        for (Section<?> section : List.of(curvatureEstimators, stepSizeRules, policies)) {
            sources.put(section.path, section.jars);
        }
        return Collections.unmodifiableMap(sources);
    }

    /** Names that were skipped, by selector path, each with the warning that says why. */
    public Map<String, Map<String, String>> skipped() {
        Map<String, Map<String, String>> skipped = new TreeMap<>();
        for (Section<?> section : List.of(curvatureEstimators, stepSizeRules, policies)) {
            skipped.put(section.path, section.skipped);
        }
        return Collections.unmodifiableMap(skipped);
    }

    /** One line per skipped plugin or name, naming its jar and the cause; each was logged as a warning. */
    public List<String> problems() {
        return problems;
    }

    public CurvatureEstimatorFactory curvatureEstimator(Config config) {
        return curvatureEstimators.select(config, problems);
    }

    public StepSizeRuleFactory stepSizeRule(Config config) {
        return stepSizeRules.select(config, problems);
    }

    public PolicyFactory policy(Config config) {
        return policies.select(config, problems);
    }

    /** The factories of one kind, their jars, and the names skipped. */
    private static final class Section<F> {
        private final String path;
        private final Map<String, F> factories = new TreeMap<>();
        private final Map<String, String> jars = new TreeMap<>();
        private final Map<String, String> skipped = new TreeMap<>();

        Section(String path, Config config, PluginDiscovery.Kind<F> kind, List<String> problems) {
            this.path = path;
            skipped.putAll(kind.skipped());
            kind.found().forEach((name, found) -> {
                try {
                    factories.put(name, requireNonNull(found.registration().configure(config), "configure returned null"));
                    jars.put(name, found.jar());
                } catch (ConfigException.BadValue | ConfigException.WrongType e) {
                    throw e;
                } catch (RuntimeException | LinkageError e) {
                    String problem = "skipped " + path + " \"" + name + "\" from " + found.jar()
                            + ": its settings could not be read: " + PluginDiscovery.describe(e);
                    problems.add(problem);
                    skipped.put(name, problem);
                }
            });
        }

        F select(Config config, List<String> problems) {
            String name = config.getString(path);
            F found = factories.get(name);
            if (found != null) {
                return found;
            }
            if (skipped.containsKey(name)) {
                throw new ConfigException.BadValue(path, "\"" + name + "\": " + skipped.get(name));
            }
            String message = "\"" + name + "\": no such plugin; known: " + String.join(", ", factories.keySet());
            List<String> unnamed = problems.stream().filter(problem -> !skipped.containsValue(problem)).toList();
            throw new ConfigException.BadValue(path, unnamed.isEmpty() ? message : message + "; also " + String.join("; ", unnamed));
        }
    }
}
