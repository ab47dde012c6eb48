package org.example.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.curvature.FisherTargets;
import org.junit.jupiter.api.Test;

class LayerScalarSettingsTest {
    private static Config withReference(String settings) {
        return ConfigFactory.parseString(settings).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void theDefaultsComeFromTheJarsReferenceConf() {
        LayerScalarSettings settings = LayerScalarSettings.from(ConfigFactory.defaultReference());

        assertEquals(new LayerScalarSettings(0.01, 0.95, FisherTargets.SAMPLED), settings);
    }

    @Test
    void everyKeyMapsToItsComponent() {
        LayerScalarSettings settings = LayerScalarSettings.from(withReference("""
                acktr.curvature.layer-scalar {
                  damping = 0.5
                  stats-decay = 0
                  fisher = empirical
                }
                """));

        assertEquals(new LayerScalarSettings(0.5, 0, FisherTargets.EMPIRICAL), settings);
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingItsPathValueAndRule() {
        assertRefused("damping = 0", "acktr.curvature.layer-scalar.damping", "0.0: must be > 0");
        assertRefused("stats-decay = 1", "acktr.curvature.layer-scalar.stats-decay", "1.0: must be in [0.0, 1.0)");
        assertRefused("fisher = exact", "acktr.curvature.layer-scalar.fisher", "\"exact\": must be one of sampled, empirical");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingItsPath() {
        assertRefused("damping = tiny", "acktr.curvature.layer-scalar.damping", "\"tiny\": must be a number");
    }

    private static void assertRefused(String setting, String path, String valueAndRule) {
        Config config = withReference("acktr.curvature.layer-scalar." + setting);

        ConfigException.BadValue error = assertThrows(ConfigException.BadValue.class, () -> LayerScalarSettings.from(config));

        assertTrue(error.getMessage().contains("'" + path + "'"), error.getMessage());
        assertTrue(error.getMessage().contains(valueAndRule), error.getMessage());
    }
}
