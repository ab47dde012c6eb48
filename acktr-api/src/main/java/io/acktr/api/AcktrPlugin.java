package io.acktr.api;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.plugin.ExtensionPoint;
import io.acktr.api.plugin.Registration;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.training.TrainingListener;
import java.util.List;

/**
 * The one way to add curvature estimators, step-size rules, policies and training listeners to
 * acktr. List the implementing class in {@code META-INF/services/io.acktr.api.AcktrPlugin}
 * of the plugin's jar; the runtime finds it with {@link java.util.ServiceLoader}, so it needs a
 * public no-argument constructor that does no work. Every method has an empty default: override
 * those the plugin contributes to.
 *
 * <pre>{@code
 * public final class ClippedStepPlugin implements AcktrPlugin {
 *     @Override
 *     public List<Registration<StepSizeRuleFactory>> stepSizeRules() {
 *         return List.of(StepSizeRuleFactory.of(ClippedStepRule.NAME, ClippedStepSettings::from, ClippedStepRule::new));
 *     }
 * }
 * }</pre>
 *
 * <p>A plugin that cannot be loaded, whose methods or settings throw, or that registers a name
 * already taken is skipped with a warning naming its jar; selecting one of its names then fails
 * with that cause. Environments have their own service interface,
 * {@link io.acktr.api.env.EnvironmentProvider}.
 */
@ExtensionPoint
public interface AcktrPlugin {
    /** Selected by {@code acktr.curvature.type}. */
    default List<Registration<CurvatureEstimatorFactory>> curvatureEstimators() {
        return List.of();
    }

    /** Selected by {@code acktr.step-size.type}. */
    default List<Registration<StepSizeRuleFactory>> stepSizeRules() {
        return List.of();
    }

    /** Selected by {@code acktr.policy.type}. */
    default List<Registration<PolicyFactory>> policies() {
        return List.of();
    }

    /** Listeners added to every training run; called once per run, so return new instances. */
    default List<TrainingListener> trainingListeners() {
        return List.of();
    }
}
