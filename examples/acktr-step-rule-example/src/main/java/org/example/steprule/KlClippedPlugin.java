package org.example.steprule;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.step.StepSizeRuleFactory;
import java.util.List;

/**
 * Registers {@link KlClippedStepRule} under {@value KlClippedStepRule#NAME}. Listed in
 * {@code META-INF/services/io.acktr.api.AcktrPlugin}; a public no-argument constructor that does no
 * work, as {@link java.util.ServiceLoader} needs.
 */
public final class KlClippedPlugin implements AcktrPlugin {
    @Override
    public List<Registration<StepSizeRuleFactory>> stepSizeRules() {
        return List.of(StepSizeRuleFactory.of(KlClippedStepRule.NAME, KlClippedSettings::from, KlClippedStepRule::new));
    }
}
