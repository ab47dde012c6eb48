package io.acktr.runtime.bootstrap.testplugins;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.step.StepSizeRuleFactory;
import io.acktr.curvature.step.FixedStepRule;
import io.acktr.curvature.step.FixedStepSettings;
import java.util.List;

/** A working third-party plugin: the fixed step rule under another name. Loaded only from a test's jar. */
public final class FixedCopyPlugin implements AcktrPlugin {
    public static final String NAME = "fixed-copy";

    @Override
    public List<Registration<StepSizeRuleFactory>> stepSizeRules() {
        return List.of(StepSizeRuleFactory.of(NAME, FixedStepSettings::from, FixedStepRule::new));
    }
}
