package io.acktr.envs.gymnasium;

import com.typesafe.config.Config;
import io.acktr.api.env.Environment;
import io.acktr.api.env.EnvironmentFamilyProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The family {@code gymnasium/<Gymnasium id>}: any environment Gymnasium can make, stepped by a
 * Python worker process (see {@link GymnasiumProcess}). The environments of one id, interpreter and
 * keyword arguments created by one instance (one run) share one process, which starts when the
 * first of them is used and ends when the last is closed. Settings: {@link GymnasiumSettings}.
 */
public final class GymnasiumFamilyProvider implements EnvironmentFamilyProvider {
    public static final String FAMILY = "gymnasium";

    private record ProcessKey(GymnasiumSettings settings, String gymnasiumId) {
    }

    private final Map<ProcessKey, GymnasiumProcess> processes = new ConcurrentHashMap<>();

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public String idPattern() {
        return FAMILY + "/<Gymnasium id>";
    }

    @Override
    public String description() {
        return "any Gymnasium environment, e.g. gymnasium/Hopper-v5, through a Python worker (acktr.env.gymnasium.python, "
                + "kwargs of gymnasium.make in acktr.env.gymnasium.kwargs; acktr envs --family gymnasium lists the ids)";
    }

    @Override
    public Environment create(String name, Config settings) {
        GymnasiumSettings gymnasium = GymnasiumSettings.from(settings);
        return create(name, gymnasium);
    }

    /** As {@link #create(String, Config)} with the settings already read. */
    public Environment create(String name, GymnasiumSettings settings) {
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("\"" + FAMILY + "/" + name + "\" names no Gymnasium id; write gymnasium/<id>, "
                    + "e.g. gymnasium/Hopper-v5");
        }
        ProcessKey key = new ProcessKey(settings, name);
        while (true) {
            GymnasiumProcess process = processes.computeIfAbsent(key, this::newProcess);
            if (process.attach()) {
                return new GymnasiumEnvironment(process, name);
            }
            processes.remove(key, process);
        }
    }

    private GymnasiumProcess newProcess(ProcessKey key) {
        GymnasiumProcess[] self = new GymnasiumProcess[1];
        self[0] = new GymnasiumProcess(key.settings(), key.gymnasiumId(), () -> processes.remove(key, self[0]));
        return self[0];
    }

    @Override
    public List<String> names(Config settings) {
        GymnasiumProcess process = new GymnasiumProcess(GymnasiumSettings.from(settings), "(registry)", () -> { });
        process.attach();
        try {
            return process.registeredIds();
        } finally {
            process.detach(-1);
        }
    }
}
