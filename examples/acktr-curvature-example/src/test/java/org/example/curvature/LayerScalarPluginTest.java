package org.example.curvature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.curvature.CurvatureEstimatorFactory;
import io.acktr.api.plugin.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LayerScalarPluginTest {
    @Test
    void serviceLoaderFindsThePluginAndItRegistersOneCurvatureEstimator() {
        List<AcktrPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(AcktrPlugin.class).forEach(plugins::add);

        assertEquals(1, plugins.size());
        assertTrue(plugins.get(0) instanceof LayerScalarPlugin);
        assertEquals(List.of(LayerScalarFisherEstimator.NAME),
                plugins.get(0).curvatureEstimators().stream().map(Registration::name).toList());
        assertTrue(plugins.get(0).stepSizeRules().isEmpty());
    }

    @Test
    void theRegistrationReadsTheReferenceSettingsAndCreatesAFreshEstimatorPerRun() {
        Registration<CurvatureEstimatorFactory> registration = new LayerScalarPlugin().curvatureEstimators().get(0);

        CurvatureEstimatorFactory factory = registration.configure(ConfigFactory.defaultReference());
        try (CurvatureEstimator first = factory.create(); CurvatureEstimator second = factory.create()) {
            assertEquals("layer-scalar", factory.name());
            assertEquals("layer-scalar", first.name());
            assertNotSame(first, second);
        }
    }

    @Test
    void anInvalidSettingFailsTheRegistrationNamingItsPath() {
        Registration<CurvatureEstimatorFactory> registration = new LayerScalarPlugin().curvatureEstimators().get(0);

        ConfigException.BadValue error = assertThrows(ConfigException.BadValue.class, () -> registration.configure(
                ConfigFactory.parseString("acktr.curvature.layer-scalar.damping = -1").withFallback(ConfigFactory.defaultReference())));

        assertTrue(error.getMessage().contains("acktr.curvature.layer-scalar.damping"), error.getMessage());
    }
}
