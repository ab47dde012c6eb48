package io.acktr.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.AcktrPlugin;
import io.acktr.api.plugin.Registration;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.api.policy.PolicyFactory;
import io.acktr.policies.cnn.CnnPolicy;
import io.acktr.policies.mlp.MlpPolicy;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class PoliciesPluginTest {
    private static final Config CONFIG = ConfigFactory.parseString("""
            acktr.policy.mlp { hidden-sizes = [16], shared-torso = true }
            acktr.policy.cnn { conv-layers = [{filters = 4, kernel = 3, stride = 1}], hidden-sizes = [8] }
            """).withFallback(ConfigFactory.defaultReference());

    private static Map<String, PolicyFactory> factories() {
        return new PoliciesPlugin().policies().stream()
                .collect(Collectors.toMap(Registration::name, registration -> registration.configure(CONFIG)));
    }

    @Test
    void serviceLoaderFindsThePlugin() {
        assertThat(ServiceLoader.load(AcktrPlugin.class).stream().map(ServiceLoader.Provider::type))
                .contains(PoliciesPlugin.class);
    }

    @Test
    void theMlpFactoryBuildsFromItsConfiguredSettings() {
        PolicyFactory factory = factories().get(MlpPolicy.NAME);
        assertThat(factory.name()).isEqualTo("mlp");
        Policy policy = factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 7);
        assertThat(policy).isInstanceOf(MlpPolicy.class);
        assertThat(policy.parameters()).extracting(ParameterBlock::name).containsExactly("torso/0", "pi/out", "vf/out");
        assertThat(policy.parameters().get(0).value().dataType()).isEqualTo(DataType.FLOAT);
        assertThat(policy.parameters().get(0).value().shape()).containsExactly(16, 5);
    }

    @Test
    void theCnnFactoryBuildsFromItsConfiguredSettings() {
        PolicyFactory factory = factories().get(CnnPolicy.NAME);
        assertThat(factory.name()).isEqualTo("cnn");
        Policy policy = factory.create(BoxSpace.uniform(0, 1, 5, 5, 2), new DiscreteSpace(3), 7);
        assertThat(policy).isInstanceOf(CnnPolicy.class);
        assertThat(policy.parameters()).extracting(ParameterBlock::name)
                .containsExactly("torso/conv0", "torso/0", "pi/out", "vf/out");
        assertThat(policy.parameters().get(0).value().shape()).containsExactly(4, 19);
    }

    @Test
    void eachCreateIsANewPolicyFixedByItsSeed() {
        PolicyFactory factory = factories().get(MlpPolicy.NAME);
        Policy first = factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 3);
        Policy second = factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 3);
        assertThat(first).isNotSameAs(second);
        assertThat(first.parameters().get(0).value()).isEqualTo(second.parameters().get(0).value());
    }

    @Test
    void theCnnFactoryRejectsFlatObservationsNamingTheExpectedShape() {
        PolicyFactory factory = factories().get(CnnPolicy.NAME);
        assertThatThrownBy(() -> factory.create(BoxSpace.uniform(-1, 1, 4), new DiscreteSpace(2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[height, width, channels]");
    }
}
