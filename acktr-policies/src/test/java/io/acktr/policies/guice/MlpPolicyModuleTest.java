package io.acktr.policies.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class MlpPolicyModuleTest {
    @Test
    void serviceLoaderFindsTheModule() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
                .contains(MlpPolicyModule.class);
    }

    @Test
    void injectorRegistersTheMlpFactoryBuiltFromTheBoundConfig() {
        Config config = ConfigFactory.parseString("acktr.policy.mlp { hidden-sizes = [16], shared-torso = true }")
                .withFallback(ConfigFactory.defaultReference());
        Injector injector = Guice.createInjector(new MlpPolicyModule(),
                binder -> binder.bind(Config.class).toInstance(config));

        Map<String, PolicyFactory> factories = injector.getInstance(Key.get(new TypeLiteral<Map<String, PolicyFactory>>() {
        }));
        assertThat(factories).containsOnlyKeys("mlp");
        PolicyFactory factory = factories.get("mlp");
        assertThat(factory.name()).isEqualTo("mlp");

        Policy policy = factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 7);
        assertThat(policy.parameters()).extracting(ParameterBlock::name)
                .containsExactly("torso/0", "pi/out", "vf/out");
        assertThat(policy.parameters().get(0).value().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(policy.parameters().get(0).value().shape()).containsExactly(16, 5);
    }
}
