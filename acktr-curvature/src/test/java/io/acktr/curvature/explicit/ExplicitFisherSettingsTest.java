package io.acktr.curvature.explicit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ExplicitFisherSettingsTest {
    @Test
    void defaultsComeFromReferenceConf() {
        assertThat(ExplicitFisherSettings.from(ConfigFactory.defaultReference())).isEqualTo(new ExplicitFisherSettings(0.01, 2000));
    }

    @Test
    void everyKeyIsMappedFromItsPath() {
        Config c = ConfigFactory.parseString("acktr.curvature.explicit { damping = 0.5, max-parameters = 30 }")
                .withFallback(ConfigFactory.defaultReference());
        assertThat(ExplicitFisherSettings.from(c)).isEqualTo(new ExplicitFisherSettings(0.5, 30));
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new ExplicitFisherSettings(-0.1, 10)).isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.curvature.explicit.damping': -0.1: must be > 0");
        assertThatThrownBy(() -> new ExplicitFisherSettings(0.1, 0)).hasMessageContaining("acktr.curvature.explicit.max-parameters");
    }
}
