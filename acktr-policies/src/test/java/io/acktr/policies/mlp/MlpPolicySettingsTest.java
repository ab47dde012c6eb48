package io.acktr.policies.mlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.acktr.policies.layers.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class MlpPolicySettingsTest {
    private static Config withOverride(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void defaultsComeFromReferenceConf() {
        Config reference = ConfigFactory.defaultReference();
        assertThat(reference.getString("acktr.policy.type")).isEqualTo("mlp");
        assertThat(MlpPolicySettings.from(reference))
                .isEqualTo(new MlpPolicySettings(List.of(64, 64), Activation.TANH, false, DataType.FLOAT));
    }

    @Test
    void everyKeyIsMapped() {
        Config config = withOverride("acktr.policy.mlp { hidden-sizes = [32, 16, 8], activation = relu, "
                + "shared-torso = true, dtype = double, initial-log-std = -2 }");
        MlpPolicySettings settings = MlpPolicySettings.from(config);
        assertThat(settings).isEqualTo(new MlpPolicySettings(List.of(32, 16, 8), Activation.RELU, true, DataType.DOUBLE, -2.0));
        assertThat(settings.architecture().initialLogStd()).isEqualTo(-2.0);
        assertThat(settings.architecture().hiddenSizes()).containsExactly(32, 16, 8);
        assertThat(settings.architecture().sharedTorso()).isTrue();
    }

    @Test
    void unknownActivationIsRejectedNamingPathAndAllowedValues() {
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.activation = sigmoid")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.mlp.activation")
                .hasMessageContaining("\"sigmoid\": must be one of tanh, relu");
    }

    @Test
    void nonPositiveHiddenSizeIsRejectedNamingPathAndRule() {
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.hidden-sizes = [64, 0]")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.mlp.hidden-sizes")
                .hasMessageContaining("[64, 0]: must be a list of whole numbers >= 1");
    }

    @Test
    void nonNumericHiddenSizesAreRejectedNamingPathAndRule() {
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.hidden-sizes = [big]")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.mlp.hidden-sizes")
                .hasMessageContaining("must be a list of whole numbers >= 1");
    }

    @Test
    void unknownDtypeIsRejectedNamingPathAndAllowedValues() {
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.dtype = half")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.mlp.dtype")
                .hasMessageContaining("\"half\": must be one of float, double");
    }

    @Test
    void nonBooleanSharedTorsoIsRejected() {
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.shared-torso = maybe")))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("acktr.policy.mlp.shared-torso")
                .hasMessageContaining("must be true or false");
    }

    @Test
    void initialLogStdOutsideItsRangeIsRejectedNamingPathAndRange() {
        for (String value : new String[] {"3", "-21", "1e9"}) {
            assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.initial-log-std = " + value)))
                    .as(value)
                    .isInstanceOf(ConfigException.BadValue.class)
                    .hasMessageContaining("acktr.policy.mlp.initial-log-std")
                    .hasMessageContaining("must be a number in [-20.0, 2.0]");
        }
        assertThatThrownBy(() -> MlpPolicySettings.from(withOverride("acktr.policy.mlp.initial-log-std = wide")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("initial-log-std");
    }

    @Test
    void aGaussianPolicyStartsAtTheConfiguredLogStdAndACategoricalOneIgnoresIt() {
        io.acktr.api.env.BoxSpace observations = io.acktr.api.env.BoxSpace.uniform(-1, 1, 3);
        MlpPolicy gaussian = MlpPolicySettings.from(withOverride("acktr.policy.mlp.initial-log-std = -1.5"))
                .create(observations, io.acktr.api.env.BoxSpace.uniform(-1, 1, 2), 7);
        org.nd4j.linalg.api.ndarray.INDArray logStd = gaussian.parameters().stream()
                .filter(block -> block.name().equals("log_std")).findFirst().orElseThrow().value();
        assertThat(logStd.toDoubleVector()).containsExactly(-1.5, -1.5);
        // The same seed with the default starts at 0 and has the same weights: only log_std differs.
        MlpPolicy standard = MlpPolicySettings.from(ConfigFactory.defaultReference())
                .create(observations, io.acktr.api.env.BoxSpace.uniform(-1, 1, 2), 7);
        assertThat(standard.parameters().get(0).value()).isEqualTo(gaussian.parameters().get(0).value());
        assertThat(standard.parameters().stream().filter(block -> block.name().equals("log_std")).findFirst()
                .orElseThrow().value().toDoubleVector()).containsExactly(0.0, 0.0);

        MlpPolicy categorical = MlpPolicySettings.from(withOverride("acktr.policy.mlp.initial-log-std = -1.5"))
                .create(observations, new io.acktr.api.env.DiscreteSpace(3), 7);
        assertThat(categorical.parameters()).noneMatch(block -> block.name().equals("log_std"));
    }

    @Test
    void recordsBuiltInCodeAreCheckedAsConfigIs() {
        assertThatThrownBy(() -> new MlpPolicySettings(List.of(0), Activation.TANH, false, DataType.FLOAT))
                .isInstanceOf(ConfigException.BadValue.class)
                .hasMessageContaining("Invalid value at 'acktr.policy.mlp.hidden-sizes': [0]: must be a list of whole numbers >= 1");
    }
}
