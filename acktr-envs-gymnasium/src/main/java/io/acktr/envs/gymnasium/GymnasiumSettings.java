package io.acktr.envs.gymnasium;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import io.acktr.api.plugin.SettingsReader;
import java.time.Duration;

/**
 * The bridge's settings, {@code acktr.env.gymnasium.*}.
 *
 * @param python the interpreter that runs the worker ({@code python})
 * @param kwargsJson the keyword arguments of {@code gymnasium.make} ({@code kwargs}), as a JSON object
 * @param timeout how long starting the worker, making an environment or one request may take ({@code timeout})
 */
public record GymnasiumSettings(String python, String kwargsJson, Duration timeout) {
    static final String PREFIX = "acktr.env.gymnasium";

    public GymnasiumSettings {
        requireNonNull(python, "python is null");
        requireNonNull(kwargsJson, "kwargsJson is null");
        requireNonNull(timeout, "timeout is null");
        if (python.isBlank()) {
            throw SettingsReader.invalid(PREFIX + ".python", python, "must name a Python interpreter, e.g. python3");
        }
        if (!kwargsJson.startsWith("{")) {
            throw SettingsReader.invalid(PREFIX + ".kwargs", kwargsJson, "must be an object of gymnasium.make keyword arguments");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw SettingsReader.invalid(PREFIX + ".timeout", timeout, "must be > 0");
        }
    }

    /** Reads every key under {@value #PREFIX} of {@code config}. */
    public static GymnasiumSettings from(Config config) {
        SettingsReader reader = new SettingsReader(config, PREFIX);
        Config kwargs;
        Duration timeout;
        try {
            kwargs = config.getConfig(PREFIX + ".kwargs");
        } catch (com.typesafe.config.ConfigException.WrongType e) {
            throw SettingsReader.invalid(PREFIX + ".kwargs", config.getValue(PREFIX + ".kwargs").unwrapped(),
                    "must be an object of gymnasium.make keyword arguments");
        }
        try {
            timeout = config.getDuration(PREFIX + ".timeout");
        } catch (com.typesafe.config.ConfigException.BadValue | com.typesafe.config.ConfigException.WrongType e) {
            throw SettingsReader.invalid(PREFIX + ".timeout", config.getValue(PREFIX + ".timeout").unwrapped(),
                    "must be a duration, e.g. 60s");
        }
        return new GymnasiumSettings(reader.string("python").strip(),
                kwargs.root().render(ConfigRenderOptions.concise().setJson(true)), timeout);
    }
}
