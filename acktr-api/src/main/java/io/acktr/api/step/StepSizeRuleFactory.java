package io.acktr.api.step;

/** Creates a fresh {@link StepSizeRule} per training run; registered by {@link #name()}. */
public interface StepSizeRuleFactory {
    /** The value of {@code acktr.step-size.type} that selects this rule. */
    String name();

    StepSizeRule create();
}
