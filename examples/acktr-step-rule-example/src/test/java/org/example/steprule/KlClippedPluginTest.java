package org.example.steprule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.step.StepSizeRule;
import io.acktr.api.step.StepSizeRuleFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KlClippedPluginTest {
    @Test
    void serviceLoaderFindsThePluginAndItRegistersOneStepSizeRule() {
        List<AcktrPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(AcktrPlugin.class).forEach(plugins::add);

        assertEquals(1, plugins.size());
        assertTrue(plugins.get(0) instanceof KlClippedPlugin);
        assertEquals(List.of(KlClippedStepRule.NAME), plugins.get(0).stepSizeRules().stream().map(Registration::name).toList());
        assertTrue(plugins.get(0).curvatureEstimators().isEmpty());
    }

    @Test
    void theRegistrationReadsTheReferenceSettingsAndCreatesAFreshRulePerRun() {
        Registration<StepSizeRuleFactory> registration = new KlClippedPlugin().stepSizeRules().get(0);

        StepSizeRuleFactory factory = registration.configure(ConfigFactory.defaultReference());
        StepSizeRule first = factory.create();
        StepSizeRule second = factory.create();

        assertEquals("kl-clipped", factory.name());
        assertEquals("kl-clipped", first.name());
        assertNotSame(first, second);
    }

    @Test
    void anInvalidSettingFailsTheRegistrationNamingItsPath() {
        Registration<StepSizeRuleFactory> registration = new KlClippedPlugin().stepSizeRules().get(0);

        ConfigException.BadValue error = assertThrows(ConfigException.BadValue.class, () -> registration.configure(
                ConfigFactory.parseString("acktr.step-size.kl-clipped.kl-radius = -1").withFallback(ConfigFactory.defaultReference())));

        assertTrue(error.getMessage().contains("acktr.step-size.kl-clipped.kl-radius"), error.getMessage());
    }
}
