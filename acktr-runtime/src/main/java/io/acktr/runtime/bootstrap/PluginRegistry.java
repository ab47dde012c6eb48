package io.acktr.runtime.bootstrap;

import com.google.inject.Inject;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every registered curvature estimator, step-size rule and policy by name, and the one place
 * where the configuration selects among them. Injecting the maps builds every factory, so every
 * plugin's settings are validated at start-up, selected or not.
 */
public final class PluginRegistry {
    public static final String CURVATURE_TYPE = "acktr.curvature.type";
    public static final String STEP_SIZE_TYPE = "acktr.step-size.type";
    public static final String POLICY_TYPE = "acktr.policy.type";

    private final Map<String, CurvatureEstimatorFactory> curvatureEstimators;
    private final Map<String, StepSizeRuleFactory> stepSizeRules;
    private final Map<String, PolicyFactory> policies;

    @Inject
    PluginRegistry(Map<String, CurvatureEstimatorFactory> curvatureEstimators, Map<String, StepSizeRuleFactory> stepSizeRules,
                   Map<String, PolicyFactory> policies) {
        this.curvatureEstimators = new TreeMap<>(curvatureEstimators);
        this.stepSizeRules = new TreeMap<>(stepSizeRules);
        this.policies = new TreeMap<>(policies);
    }

    public Map<String, CurvatureEstimatorFactory> curvatureEstimators() {
        return curvatureEstimators;
    }

    public Map<String, StepSizeRuleFactory> stepSizeRules() {
        return stepSizeRules;
    }

    public Map<String, PolicyFactory> policies() {
        return policies;
    }

    public CurvatureEstimatorFactory curvatureEstimator(Config config) {
        return select(config, CURVATURE_TYPE, curvatureEstimators);
    }

    public StepSizeRuleFactory stepSizeRule(Config config) {
        return select(config, STEP_SIZE_TYPE, stepSizeRules);
    }

    public PolicyFactory policy(Config config) {
        return select(config, POLICY_TYPE, policies);
    }

    private static <T> T select(Config config, String path, Map<String, T> known) {
        String name = config.getString(path);
        T found = known.get(name);
        if (found == null) {
            throw new ConfigException.BadValue(path, "\"" + name + "\": no such plugin; known: " + String.join(", ", known.keySet()));
        }
        return found;
    }
}
