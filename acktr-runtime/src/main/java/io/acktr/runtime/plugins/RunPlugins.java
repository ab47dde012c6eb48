package io.acktr.runtime.plugins;

import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.api.training.TrainingListener;
import java.util.List;

/**
 * The plugins of one run: the policy, curvature estimator and step-size rule its configuration
 * selects, and the training listeners every plugin contributes. Each method selects when called,
 * so a run asks for a plugin at the point where it needs it; an unknown name fails there with a
 * {@link com.typesafe.config.ConfigException} naming the path, the value and the known names.
 */
public interface RunPlugins {
    /** The factory {@code acktr.policy.type} names. */
    PolicyFactory policy();

    /** The factory {@code acktr.curvature.type} names. */
    CurvatureEstimatorFactory curvatureEstimator();

    /** The factory {@code acktr.step-size.type} names. */
    StepSizeRuleFactory stepSizeRule();

    /** The listeners the plugins register, in no particular order. */
    List<TrainingListener> trainingListeners();
}
