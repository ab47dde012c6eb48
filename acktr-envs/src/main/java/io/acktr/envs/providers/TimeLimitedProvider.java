package io.acktr.envs.providers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import io.acktr.envs.wrappers.TimeLimit;
import java.util.function.Supplier;

/**
 * The shape every built-in provider shares: an id, a line for {@code acktr envs}, and a
 * constructor whose environments get the id's time limit, as Gymnasium registers them. A
 * subclass is a public no-argument constructor that passes these, because ServiceLoader
 * instantiates the class it finds listed.
 */
public abstract class TimeLimitedProvider implements EnvironmentProvider {
    private final String id;
    private final String description;
    private final int maxEpisodeSteps;
    private final Supplier<? extends Environment> constructor;

    protected TimeLimitedProvider(String id, String description, int maxEpisodeSteps,
                                  Supplier<? extends Environment> constructor) {
        this.id = requireNonNull(id, "id is null");
        this.description = requireNonNull(description, "description is null");
        this.maxEpisodeSteps = maxEpisodeSteps;
        this.constructor = requireNonNull(constructor, "constructor is null");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    /** Steps after which an episode is truncated. */
    public final int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    @Override
    public final Environment create() {
        return new TimeLimit(constructor.get(), maxEpisodeSteps);
    }
}
