package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import io.acktr.api.env.DiscreteSpace;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetAndVariantTest {
    private static final ClassLoader LOADER = PresetAndVariantTest.class.getClassLoader();

    @Test
    void everyMlpPresetLoadsAsAValidRunPinningA64By64TanhNetwork() {
        for (Preset preset : Preset.values()) {
            Config config = preset.load(LOADER, List.of());
            if (!config.getString("acktr.policy.type").equals("mlp")) {
                continue;
            }
            assertThat(config.getIntList("acktr.policy.mlp.hidden-sizes")).as(preset.id()).containsExactly(64, 64);
            assertThat(config.getString("acktr.policy.mlp.activation")).as(preset.id()).isEqualTo("tanh");
        }
    }

    @Test
    void cartpolePresetsAreSixteenAndThirtyTwoEnvironmentsOfTwentySteps() {
        Config small = Preset.CARTPOLE_16X20.load(LOADER, List.of());
        Config large = Preset.CARTPOLE_32X20.load(LOADER, List.of());
        assertThat(small.getInt("acktr.env.count")).isEqualTo(16);
        assertThat(large.getInt("acktr.env.count")).isEqualTo(32);
        assertThat(small.getInt("acktr.algorithm.rollout-steps")).isEqualTo(20);
        assertThat(large.getInt("acktr.algorithm.rollout-steps")).isEqualTo(20);
    }

    @Test
    void theGaussianPresetIsASyntheticBatchOf2048Transitions() {
        TrainingFixture fixture = TrainingFixture.create(Preset.GAUSSIAN_17X6_2048, Variant.A2C);
        assertThat(fixture.batch().size()).isEqualTo(2048);
        assertThat(fixture.batch().observations().columns()).isEqualTo(17);
        assertThat(fixture.batch().actions().columns()).isEqualTo(6);
        TrainingFixture again = TrainingFixture.create(Preset.GAUSSIAN_17X6_2048, Variant.A2C);
        assertThat(again.batch().actions()).isEqualTo(fixture.batch().actions());
    }

    @Test
    void theNatureCnnPresetIsTheAtariNetworkOnASyntheticBatchOf640Frames() {
        Config config = Preset.NATURE_CNN_32X20.load(LOADER, List.of());
        assertThat(config.getString("acktr.policy.type")).isEqualTo("cnn");
        assertThat(config.getIntList("acktr.policy.cnn.hidden-sizes")).containsExactly(512);
        assertThat(config.getBoolean("acktr.policy.cnn.shared-torso")).isTrue();
        SyntheticBatch batch = (SyntheticBatch) Preset.NATURE_CNN_32X20.workload();
        assertThat(batch.rows()).isEqualTo(640);
        assertThat(batch.observationSpace().flatSize()).isEqualTo(84 * 84 * 4);
        assertThat(batch.actionSpace()).isEqualTo(new DiscreteSpace(6));
        TrainingFixture small = TrainingFixture.create(Preset.NATURE_CNN_32X20, Variant.A2C, batch.withRows(4));
        assertThat(small.batch().size()).isEqualTo(4);
        assertThat(small.batch().observations().columns()).isEqualTo(84 * 84 * 4);
    }

    @Test
    void anUnknownPresetIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Preset.of("atari-16x5")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atari-16x5").hasMessageContaining("cartpole-16x20, cartpole-32x20, gaussian-17x6-2048");
    }

    @Test
    void aVariantIsCurvatureColonStepRule() {
        Variant variant = Variant.parse("ekfac:trust-region");
        assertThat(variant.curvature()).isEqualTo("ekfac");
        assertThat(variant.stepSize()).isEqualTo("trust-region");
        assertThat(variant.overrides()).containsExactly("acktr.curvature.type=ekfac", "acktr.step-size.type=trust-region");
        assertThatThrownBy(() -> Variant.parse("kfac")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected CURVATURE:STEP");
    }

    @Test
    void aVariantMayCarrySettingsAfterAtSigns() {
        Variant variant = Variant.parse("kfac:trust-region@acktr.curvature.kfac.async=true@acktr.curvature.kfac.damping=0.02");
        assertThat(variant.overrides()).containsExactly("acktr.curvature.kfac.async=true", "acktr.curvature.kfac.damping=0.02",
                "acktr.curvature.type=kfac", "acktr.step-size.type=trust-region");
        assertThat(variant).hasToString("kfac:trust-region@acktr.curvature.kfac.async=true@acktr.curvature.kfac.damping=0.02");
        assertThat(TrainingFixture.create(Preset.CARTPOLE_16X20, variant).config().getBoolean("acktr.curvature.kfac.async")).isTrue();
        assertThatThrownBy(() -> Variant.parse("kfac:trust-region@async")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"async\": expected KEY=VALUE");
    }

    @Test
    void anUnknownCurvatureIsRefusedByThePluginRegistry() {
        assertThatThrownBy(() -> TrainingFixture.create(Preset.CARTPOLE_16X20, Variant.parse("kfca:trust-region")).newCurvatureEstimator())
                .hasMessageContaining("acktr.curvature.type").hasMessageContaining("kfca");
    }
}
