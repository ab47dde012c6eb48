package org.example.steprule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class KlClippedSettingsTest {
    private static Config withReference(String settings) {
        return ConfigFactory.parseString(settings).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void theDefaultsComeFromTheJarsReferenceConf() {
        KlClippedSettings settings = KlClippedSettings.from(ConfigFactory.defaultReference());

        assertEquals(new KlClippedSettings(0.002, 0.5, 0.9, 20), settings);
    }

    @Test
    void everyKeyMapsToItsComponent() {
        KlClippedSettings settings = KlClippedSettings.from(withReference("""
                acktr.step-size.kl-clipped {
                  kl-radius = 0.01
                  max-step-size = 0.3
                  calibration-decay = 0
                  max-correction = 1
                }
                """));

        assertEquals(new KlClippedSettings(0.01, 0.3, 0, 1), settings);
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingItsPathValueAndRule() {
        assertRefused("kl-radius = 0", "acktr.step-size.kl-clipped.kl-radius", "0.0: must be > 0");
        assertRefused("max-step-size = -1", "acktr.step-size.kl-clipped.max-step-size", "-1.0: must be > 0");
        assertRefused("calibration-decay = 1", "acktr.step-size.kl-clipped.calibration-decay", "1.0: must be in [0.0, 1.0)");
        assertRefused("max-correction = 0.5", "acktr.step-size.kl-clipped.max-correction", "0.5: must be a finite number >= 1");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingItsPath() {
        assertRefused("kl-radius = small", "acktr.step-size.kl-clipped.kl-radius", "\"small\": must be a number");
    }

    @Test
    void aRecordBuiltInCodeIsCheckedLikeOneReadFromConfiguration() {
        ConfigException.BadValue error = assertThrows(ConfigException.BadValue.class, () -> new KlClippedSettings(0.002, 0, 0.9, 20));

        assertTrue(error.getMessage().contains("acktr.step-size.kl-clipped.max-step-size"), error.getMessage());
    }

    private static void assertRefused(String setting, String path, String valueAndRule) {
        Config config = withReference("acktr.step-size.kl-clipped." + setting);

        ConfigException.BadValue error = assertThrows(ConfigException.BadValue.class, () -> KlClippedSettings.from(config));

        assertTrue(error.getMessage().contains("'" + path + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(valueAndRule), error.getMessage());
    }
}
