package io.acktr.api.curvature;

import com.typesafe.config.Config;
import io.acktr.api.plugin.Registration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates a fresh {@link CurvatureEstimator} per training run, from settings read once at
 * start-up. Plugins register one with {@link #of(String, Function, Function)}.
 */
public interface CurvatureEstimatorFactory {
    /** The value of {@code acktr.curvature.type} that selects this estimator. */
    String name();

    /** A new estimator with no state from earlier runs. */
    CurvatureEstimator create();

    /**
     * Registers {@code constructor} under {@code name}: at start-up {@code settings} (a settings
     * record's {@code from(Config)}) reads the estimator's settings, and each run gets
     * {@code constructor.apply(settings)}.
     */
    static <S> Registration<CurvatureEstimatorFactory> of(String name, Function<Config, ? extends S> settings,
                                                          Function<? super S, ? extends CurvatureEstimator> constructor) {
        return Registration.of(name, settings, read -> new CurvatureEstimatorFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CurvatureEstimator create() {
                return constructor.apply(read);
            }
        });
    }

    /** Registers an estimator that has no settings. */
    static Registration<CurvatureEstimatorFactory> of(String name, Supplier<? extends CurvatureEstimator> constructor) {
        return of(name, config -> config, config -> constructor.get());
    }
}
