package io.acktr.policies.cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.policies.layers.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

class CnnPolicySettingsTest {
    private static Config withOverride(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsComeFromReferenceConfAndAreTheNatureDqnNetwork() {
        assertThat(CnnPolicySettings.from(ConfigFactory.defaultReference())).isEqualTo(new CnnPolicySettings(
                List.of(new ConvLayerSpec(32, 8, 4), new ConvLayerSpec(64, 4, 2), new ConvLayerSpec(64, 3, 1)),
                List.of(512), Activation.RELU, true, DataType.FLOAT));
    }

    @Test
    void everyKeyIsMapped() {
        Config config = withOverride("acktr.policy.cnn { conv-layers = [{filters = 8, kernel = 5, stride = 3}, "
                + "{filters = 4, kernel = 2, stride = 1}], hidden-sizes = [32, 16], activation = tanh, "
                + "shared-torso = false, dtype = double, initial-log-std = -0.5 }");
        CnnPolicySettings settings = CnnPolicySettings.from(config);
        assertThat(settings).isEqualTo(new CnnPolicySettings(
                List.of(new ConvLayerSpec(8, 5, 3), new ConvLayerSpec(4, 2, 1)), List.of(32, 16), Activation.TANH,
                false, DataType.DOUBLE, -0.5));
        assertThat(settings.architecture().initialLogStd()).isEqualTo(-0.5);
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.initial-log-std = 2.5")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.initial-log-std")
                .hasMessageContaining("must be a number in [-20.0, 2.0]");
        assertThat(settings.architecture().convLayers()).containsExactly(new ConvLayerSpec(8, 5, 3),
                new ConvLayerSpec(4, 2, 1));
        assertThat(settings.architecture().sharedTorso()).isFalse();
    }

    @Test
    void minAtarNetworkIsExpressibleInConfig() {
        Config config = withOverride("acktr.policy.cnn { conv-layers = [{filters = 16, kernel = 3, stride = 1}], "
                + "hidden-sizes = [128] }");
        CnnPolicy policy = new CnnPolicy(BoxSpace.uniform(0, 1, 10, 10, 7), new DiscreteSpace(3),
                CnnPolicySettings.from(config).architecture(), 1);
        assertThat(policy.parameters()).extracting(ParameterBlock::name)
                .containsExactly("torso/conv0", "torso/0", "pi/out", "vf/out");
        assertThat(policy.parameters().get(0).value().shape()).containsExactly(16, 3 * 3 * 7 + 1);
        assertThat(policy.parameters().get(1).value().shape()).containsExactly(128, 8 * 8 * 16 + 1);
    }

    @Test
    void emptyConvLayersAreRejectedNamingPathAndRule() {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.conv-layers = []")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.conv-layers")
                .hasMessageContaining("must be a non-empty list of {filters, kernel, stride} objects");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"16", "[16, 3, 1]", "[[16, 3, 1]]"})
    void convLayersThatAreNotAListOfObjectsAreRejected(String value) {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.conv-layers = " + value)))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.conv-layers")
                .hasMessageContaining("must be a non-empty list of {filters, kernel, stride} objects");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{filters = 16, kernel = 3}",
        "{filters = 16, kernel = 3, stride = 1, padding = 1}"})
    void aLayerWithMissingOrUnknownKeysIsRejectedNamingItsIndex(String layer) {
        String hocon = "acktr.policy.cnn.conv-layers = [{filters = 8, kernel = 3, stride = 1}, " + layer + "]";
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride(hocon)))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.conv-layers[1]")
                .hasMessageContaining("a layer has exactly the keys filters, kernel and stride");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "filters | 0",
        "kernel | -3",
        "stride | 2.5",
        "stride | two"})
    void aLayerValueThatIsNotAPositiveWholeNumberIsRejectedNamingItsPath(String key, String value) {
        String layer = "{filters = 8, kernel = 3, stride = 1, " + key + " = " + value + "}";
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.conv-layers = [" + layer + "]")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.conv-layers[0]." + key)
                .hasMessageContaining("must be a whole number >= 1");
    }

    @Test
    void nonPositiveHiddenSizeIsRejectedNamingPathAndRule() {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.hidden-sizes = [0]")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.hidden-sizes")
                .hasMessageContaining("[0]: must be a list of whole numbers >= 1");
    }

    @Test
    void unknownActivationIsRejectedNamingPathAndAllowedValues() {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.activation = elu")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.activation")
                .hasMessageContaining("\"elu\": must be one of tanh, relu");
    }

    @Test
    void unknownDtypeIsRejectedNamingPathAndAllowedValues() {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.dtype = half")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.dtype")
                .hasMessageContaining("\"half\": must be one of float, double");
    }

    @Test
    void nonBooleanSharedTorsoIsRejected() {
        assertThatThrownBy(() -> CnnPolicySettings.from(withOverride("acktr.policy.cnn.shared-torso = sometimes")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.cnn.shared-torso")
                .hasMessageContaining("must be true or false");
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new CnnPolicySettings(List.of(), List.of(8), Activation.RELU, true, DataType.FLOAT))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.policy.cnn.conv-layers': []: "
                        + "must be a non-empty list of {filters, kernel, stride} objects");
        assertThatThrownBy(() -> new CnnPolicySettings(List.of(new ConvLayerSpec(4, 3, 1)), List.of(8, 0), Activation.RELU,
                true, DataType.FLOAT))
                .hasMessageContaining("Invalid value at 'acktr.policy.cnn.hidden-sizes': [8, 0]: must be a list of whole numbers >= 1");
    }
}
