package io.acktr.curvature.cg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ConjugateGradientSettingsTest {
    @Test
    void defaultsComeFromReferenceConf() {
        assertThat(ConjugateGradientSettings.from(ConfigFactory.defaultReference()))
                .isEqualTo(new ConjugateGradientSettings(0.01, 10, 1e-10));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("acktr.curvature.cg-fisher { damping = 0.001, max-iterations = 25, tolerance = 1e-6 }")
                .withFallback(ConfigFactory.defaultReference());
        assertThat(ConjugateGradientSettings.from(c)).isEqualTo(new ConjugateGradientSettings(0.001, 25, 1e-6));
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new ConjugateGradientSettings(-1, 10, 0)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.curvature.cg-fisher.damping': -1.0: must be >= 0");
        assertThatThrownBy(() -> new ConjugateGradientSettings(0, 0, 0)).hasMessageContaining("acktr.curvature.cg-fisher.max-iterations");
        assertThatThrownBy(() -> new ConjugateGradientSettings(0, 1, -1)).hasMessageContaining("acktr.curvature.cg-fisher.tolerance");
    }
}
