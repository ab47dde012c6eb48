package io.acktr.envs.minatar.providers;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentProvider;
import java.util.function.Supplier;

/**
 * The shape the five MinAtar providers share: an id, a line for {@code acktr envs} and a game
 * constructor. Like MinAtar's gym registration, no time limit is added. A subclass is a public
 * no-argument constructor that passes these, because ServiceLoader instantiates the class it finds
 * listed.
 */
public abstract class MinAtarProvider implements EnvironmentProvider {
    private final String id;
    private final String description;
    private final Supplier<? extends Environment> constructor;

    protected MinAtarProvider(String id, String description, Supplier<? extends Environment> constructor) {
        this.id = requireNonNull(id, "id is null");
        this.description = requireNonNull(description, "description is null");
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

    @Override
    public final Environment create() {
        return constructor.get();
    }
}
