package io.acktr.api.env;

import com.typesafe.config.Config;
import io.acktr.api.plugin.ExtensionPoint;
import java.util.List;

/**
 * The service-provider interface for a family of environments whose ids share a prefix and are too
 * many, or too open-ended, to list one provider each: the id {@code <family>/<name>} goes to the
 * family {@link #family()} with {@code name}, e.g. {@code gymnasium/Hopper-v5} to the Gymnasium
 * bridge with {@code Hopper-v5}. Implementations are listed in
 * {@code META-INF/services/io.acktr.api.env.EnvironmentFamilyProvider} of their jar and loaded with
 * {@link java.util.ServiceLoader}; they need a public no-argument constructor and must do no work
 * in it. A fixed id of an {@link EnvironmentProvider} wins over a family of the same prefix.
 *
 * <p>Unlike {@link EnvironmentProvider#create()}, {@link #create} gets the run's configuration, so
 * a family can read its own settings (under {@code acktr.env.<family>}). One instance of a family
 * creates every environment of a run, so it may share resources (a worker process) between them;
 * such resources must end when the last environment using them is closed.
 */
@ExtensionPoint
public interface EnvironmentFamilyProvider {
    /** The id prefix before the slash, e.g. {@code gymnasium}; unique across all families. */
    String family();

    /** How ids of the family are written, for {@code acktr envs}, e.g. {@code gymnasium/<Gymnasium id>}. */
    default String idPattern() {
        return family() + "/<name>";
    }

    /** One line for {@code acktr envs}. */
    default String description() {
        return "";
    }

    /**
     * A new, independent environment named {@code name} (the id without {@code <family>/}), wrapped
     * as the family's reference registers it. May do no expensive work before the environment is
     * first used.
     *
     * @param settings the run's resolved configuration (every module's {@code reference.conf} under it)
     * @throws IllegalArgumentException when the name or the family's settings are not usable
     */
    Environment create(String name, Config settings);

    /**
     * The names the family knows, sorted, for {@code acktr envs --family}; may be slow (it may ask
     * another process). Empty when the family cannot list them.
     */
    default List<String> names(Config settings) {
        return List.of();
    }
}
