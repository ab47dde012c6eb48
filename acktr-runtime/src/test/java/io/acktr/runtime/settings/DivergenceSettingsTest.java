package io.acktr.runtime.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DivergenceSettingsTest {
    private static final Config REFERENCE = ConfigFactory.defaultReference(DivergenceSettingsTest.class.getClassLoader());

    @Test
    void theDefaultsStopOnAJumpOfTenThousandInTheLossOrAHundredInTheParameterNorm() {
        assertThat(DivergenceSettings.from(REFERENCE)).isEqualTo(new DivergenceSettings("stop", 1e4, 1e3, 100, 0.9, 10, 0));
        assertThat(DivergenceSettings.from(REFERENCE).watchesReturn()).isFalse();
    }

    @Test
    void everyKeyIsRead() {
        Config config = ConfigFactory.parseString("acktr.divergence { action = rollback, loss-factor = 100, min-loss = 7,"
                + " parameter-norm-factor = 3, reference-decay = 0.5, warmup-updates = 4, return-collapse = 0.4 }")
                .withFallback(REFERENCE);
        DivergenceSettings settings = DivergenceSettings.from(config);
        assertThat(settings).isEqualTo(new DivergenceSettings("rollback", 100, 7, 3, 0.5, 4, 0.4));
        assertThat(settings.rollsBack()).isTrue();
        assertThat(settings.watchesReturn()).isTrue();
    }

    @Test
    void badValuesAreRefusedNamingTheirPath() {
        Map<String, String> bad = Map.of("action", "retry", "loss-factor", "1", "parameter-norm-factor", "Infinity",
                "reference-decay", "1", "warmup-updates", "0", "min-loss", "-1", "return-collapse", "1.5");
        bad.forEach((key, value) -> {
            Config config = ConfigFactory.parseString("acktr.divergence." + key + " = " + value).withFallback(REFERENCE);
            assertThatThrownBy(() -> DivergenceSettings.from(config)).as(key).isInstanceOf(ConfigException.BadValue.class)
                    .hasMessageContaining("acktr.divergence." + key);
        });
    }
}
