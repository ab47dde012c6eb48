package io.acktr.curvature.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class DiagonalSettingsTest {
    @Test
    void defaultsComeFromReferenceConf() {
        assertThat(DiagonalSettings.from(ConfigFactory.defaultReference())).isEqualTo(new DiagonalSettings(0.01, 0.99));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("acktr.curvature.diagonal { damping = 0.3, stats-decay = 0.25 }")
                .withFallback(ConfigFactory.defaultReference());
        assertThat(DiagonalSettings.from(c)).isEqualTo(new DiagonalSettings(0.3, 0.25));
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new DiagonalSettings(0, 0.5)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.curvature.diagonal.damping': 0.0: must be > 0");
        assertThatThrownBy(() -> new DiagonalSettings(0.1, 1)).hasMessageContaining("acktr.curvature.diagonal.stats-decay");
    }
}
