package io.acktr.envs.gymnasium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GymnasiumSettingsTest {
    private static Config withReference(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsArePython3NoKeywordArgumentsAndAOneMinuteTimeout() {
        GymnasiumSettings settings = GymnasiumSettings.from(ConfigFactory.defaultReference());

        assertThat(settings).isEqualTo(new GymnasiumSettings("python3", "{}", Duration.ofSeconds(60)));
    }

    @Test
    void everyKeyIsRead() {
        GymnasiumSettings settings = GymnasiumSettings.from(withReference(
                "acktr.env.gymnasium { python = /opt/venv/bin/python, kwargs { frame_skip = 4, xml_file = \"a.xml\" }, timeout = 5s }"));

        assertThat(settings.python()).isEqualTo("/opt/venv/bin/python");
        assertThat(settings.kwargsJson()).isEqualTo("{\"frame_skip\":4,\"xml_file\":\"a.xml\"}");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBlankInterpreterIsRefusedNamingThePath() {
        assertThatThrownBy(() -> GymnasiumSettings.from(withReference("acktr.env.gymnasium.python = \" \"")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.gymnasium.python");
    }

    @Test
    void kwargsThatAreNotAnObjectAreRefusedNamingThePath() {
        assertThatThrownBy(() -> GymnasiumSettings.from(withReference("acktr.env.gymnasium.kwargs = 3")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.gymnasium.kwargs");
    }

    @Test
    void aZeroTimeoutIsRefusedNamingThePath() {
        assertThatThrownBy(() -> GymnasiumSettings.from(withReference("acktr.env.gymnasium.timeout = 0s")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.env.gymnasium.timeout");
    }
}
