package io.acktr.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectionCosineSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference(DirectionCosineSettingsTest.class.getClassLoader());

    @Test
    void theDiagnosticIsOffByDefault() {
        DirectionCosineSettings settings = DirectionCosineSettings.from(REFERENCE);
        assertThat(settings).isEqualTo(new DirectionCosineSettings(0, 0.01, 200, 1e-4));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.measures(1)).isFalse();
    }

    @Test
    void everyKeyIsRead() {
        Config config = ConfigFactory.parseString("acktr.diagnostics.direction-cosine { interval = 5, damping = 0.1,"
                + " max-iterations = 30, tolerance = 1e-6 }").withFallback(REFERENCE);
        DirectionCosineSettings settings = DirectionCosineSettings.from(config);
        assertThat(settings).isEqualTo(new DirectionCosineSettings(5, 0.1, 30, 1e-6));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.measures(4)).isFalse();
        assertThat(settings.measures(10)).isTrue();
    }

    @Test
    void badValuesAreRefusedNamingTheirPathAndRule() {
        Map<String, String> bad = Map.of("interval", "-1", "damping", "0", "max-iterations", "0", "tolerance", "1");
        bad.forEach((key, value) -> {
            Config config = ConfigFactory.parseString("acktr.diagnostics.direction-cosine." + key + " = " + value)
                    .withFallback(REFERENCE);
            assertThatThrownBy(() -> DirectionCosineSettings.from(config)).as(key).isInstanceOf(ConfigException.BadValue.class)
                    .hasMessageContaining("acktr.diagnostics.direction-cosine." + key)
                    .hasMessageContaining("must be");
        });
    }
}
