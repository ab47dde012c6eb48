package io.acktr.policies.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.acktr.policies.cnn.CnnPolicy;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class CnnPolicyModuleTest {
    private static final Config SMALL_CNN = ConfigFactory.parseString("acktr.policy.cnn { conv-layers = "
                    + "[{filters = 4, kernel = 3, stride = 1}], hidden-sizes = [8] }")
            .withFallback(ConfigFactory.defaultReference());

    private static Map<String, PolicyFactory> factories(Module... modules) {
        Module config = binder -> binder.bind(Config.class).toInstance(SMALL_CNN);
        Module[] all = java.util.Arrays.copyOf(modules, modules.length + 1);
        all[modules.length] = config;
        Injector injector = Guice.createInjector(all);
        return injector.getInstance(Key.get(new TypeLiteral<Map<String, PolicyFactory>>() {
        }));
    }

    @Test
    void serviceLoaderFindsTheModule() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
                .contains(CnnPolicyModule.class, MlpPolicyModule.class);
    }

    @Test
    void injectorRegistersTheCnnFactoryBuiltFromTheBoundConfig() {
        Map<String, PolicyFactory> factories = factories(new CnnPolicyModule());
        assertThat(factories).containsOnlyKeys("cnn");
        PolicyFactory factory = factories.get("cnn");
        assertThat(factory.name()).isEqualTo("cnn");

        Policy policy = factory.create(BoxSpace.uniform(0, 1, 5, 5, 2), new DiscreteSpace(3), 7);
        assertThat(policy).isInstanceOf(CnnPolicy.class);
        assertThat(policy.parameters()).extracting(ParameterBlock::name)
                .containsExactly("torso/conv0", "torso/0", "pi/out", "vf/out");
        assertThat(policy.parameters().get(0).value().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(policy.parameters().get(0).value().shape()).containsExactly(4, 19);
    }

    @Test
    void cnnAndMlpModulesTogetherRegisterBothNames() {
        assertThat(factories(new MlpPolicyModule(), new CnnPolicyModule())).containsOnlyKeys("mlp", "cnn");
    }

    @Test
    void factoryRejectsFlatObservationsNamingTheExpectedShape() {
        PolicyFactory factory = factories(new CnnPolicyModule()).get("cnn");
        assertThatThrownBy(() -> factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[height, width, channels]");
    }
}
