package io.acktr.api.plugin;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import java.util.function.Function;

/**
 * One named entry that an {@link io.acktr.api.AcktrPlugin} contributes: the name the configuration selects it
 * by, and how it reads its settings. Build one with the {@code of} helper of the factory it
 * registers, e.g. {@code StepSizeRuleFactory.of(NAME, MySettings::from, MyRule::new)}.
 *
 * <p>At start-up the runtime calls {@link #configure(Config)} once for every registration,
 * selected or not, so an invalid value in any plugin's settings is reported at boot; the returned
 * factory then creates fresh instances for each run.
 *
 * @param <F> the factory this registration yields, e.g. {@code CurvatureEstimatorFactory}
 */
@ExtensionPoint
public interface Registration<F> {
    /** The name the configuration selects this entry by, unique within its kind. */
    String name();

    /**
     * Reads and checks this entry's settings from the run's configuration and returns the
     * factory of the run.
     *
     * @throws com.typesafe.config.ConfigException.BadValue naming path, value and rule for an invalid value
     */
    F configure(Config config);

    /**
     * A registration that reads its settings with {@code settings} (typically a settings record's
     * {@code from(Config)}) and hands them to {@code factory}.
     */
    static <S, F> Registration<F> of(String name, Function<Config, ? extends S> settings,
                                     Function<? super S, ? extends F> factory) {
        requireNonNull(name, "name is null");
        requireNonNull(settings, "settings is null");
        requireNonNull(factory, "factory is null");
        return new Registration<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public F configure(Config config) {
                S read = requireNonNull(settings.apply(requireNonNull(config, "config is null")),
                        () -> "the settings of " + name + " are null");
                return requireNonNull(factory.apply(read), () -> "the factory of " + name + " is null");
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
