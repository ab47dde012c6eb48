package io.acktr.api.step;

import com.typesafe.config.Config;
import io.acktr.api.plugin.Registration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates a fresh {@link StepSizeRule} per training run, from settings read once at start-up.
 * Plugins register one with {@link #of(String, Function, Function)}.
 */
public interface StepSizeRuleFactory {
    /** The value of {@code acktr.step-size.type} that selects this rule. */
    String name();

    /** A new rule with no state from earlier runs. */
    StepSizeRule create();

    /**
     * Registers {@code constructor} under {@code name}: at start-up {@code settings} (a settings
     * record's {@code from(Config)}) reads the rule's settings, and each run gets
     * {@code constructor.apply(settings)}.
     */
    static <S> Registration<StepSizeRuleFactory> of(String name, Function<Config, ? extends S> settings,
                                                    Function<? super S, ? extends StepSizeRule> constructor) {
        return Registration.of(name, settings, read -> new StepSizeRuleFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StepSizeRule create() {
                return constructor.apply(read);
            }
        });
    }

    /** Registers a rule that has no settings. */
    static Registration<StepSizeRuleFactory> of(String name, Supplier<? extends StepSizeRule> constructor) {
        return of(name, config -> config, config -> constructor.get());
    }
}
