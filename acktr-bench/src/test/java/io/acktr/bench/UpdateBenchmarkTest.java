package io.acktr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.runtime.algorithm.UpdateResult;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class UpdateBenchmarkTest {

    static List<String> defaults(Class<?> benchmark, String field) throws NoSuchFieldException {
        return List.of(benchmark.getField(field).getAnnotation(Param.class).value());
    }

    /** Tests left out of {@code mvn test} unless {@code -Dbench.excludedGroups=none}: minutes each. */
    static final String SLOW = "slow";

    /** The Nature CNN of {@link Preset#NATURE_CNN_32X20} on a batch of 8 instead of 640, so that a test stays fast. */
    static final Workload SMALL_CNN_BATCH = ((SyntheticBatch) Preset.NATURE_CNN_32X20.workload()).withRows(8);

    private static UpdateResult runOnce(String variant, String preset) {
        return runOnce(variant, preset, null);
    }

    private static UpdateResult runOnce(String variant, String preset, Workload workload) {
        UpdateBenchmark benchmark = new UpdateBenchmark();
        benchmark.variant = variant;
        benchmark.preset = preset;
        benchmark.workload = workload;
        benchmark.setUp();
        benchmark.restorePrimedParameters();
        UpdateResult result = benchmark.update();
        benchmark.checkNoUpdateWasSkipped();
        return result;
    }

    /**
     * A variant whose estimator needs Fisher-vector products ({@code cg-fisher}) is refused by a
     * policy without forward mode, naming that; every other variant updates.
     */
    @Test
    void everyDefaultVariantUpdatesTheSmallestPresetOrIsRefusedForLackOfForwardMode() throws Exception {
        String smallest = Preset.CARTPOLE_16X20.id();
        for (String variant : defaults(UpdateBenchmark.class, "variant")) {
            UpdateResult result;
            try {
                result = runOnce(variant, smallest);
            } catch (IllegalArgumentException refused) {
                TrainingFixture fixture = TrainingFixture.create(Preset.CARTPOLE_16X20, Variant.parse(variant));
                assertThat(fixture.newCurvatureEstimator().requirements().fisherVectorProducts()).as(variant).isTrue();
                assertThat(fixture.policy()).as(variant).isNotInstanceOf(io.acktr.api.policy.ForwardModePolicy.class);
                assertThat(refused).as(variant).hasMessageContaining("no forward mode");
                continue;
            }
            assertThat(result.applied()).as(variant).isTrue();
        }
    }

    @Test
    void everyOtherDefaultPresetRunsOneKfacUpdate() throws Exception {
        for (String preset : defaults(UpdateBenchmark.class, "preset")) {
            if (preset.equals(Preset.CARTPOLE_16X20.id())) {
                continue; // covered with every variant above
            }
            UpdateResult result = runOnce(Variant.ACKTR.toString(), preset);
            assertThat(result.applied()).as(preset).isTrue();
            assertThat(result.kl()).as(preset).isFinite();
        }
    }

    /** One update at batch 640 takes seconds: the network of the preset, on a batch of 8. */
    @Test
    void theNatureCnnPresetRunsA2cAndDiagonalUpdates() {
        for (String variant : List.of(Variant.A2C.toString(), "diagonal:trust-region")) {
            UpdateResult result = runOnce(variant, Preset.NATURE_CNN_32X20.id(), SMALL_CNN_BATCH);
            assertThat(result.applied()).as(variant).isTrue();
            assertThat(result.stepSize()).as(variant).isPositive().isFinite(); // the preset measures the KL every 10 updates
        }
    }

    /**
     * Slow whatever the batch: priming K-FAC or EKFAC refreshes the eigendecomposition of the dense
     * layer's 3137x3137 factor three times (tens of seconds each on one core); cg-fisher takes about
     * a minute.
     */
    @Test
    @Tag(SLOW)
    void theNatureCnnPresetRunsKfacEkfacAndCgFisherUpdates() {
        for (String variant : List.of(Variant.ACKTR.toString(), "ekfac:trust-region", "cg-fisher:line-search")) {
            UpdateResult result = runOnce(variant, Preset.NATURE_CNN_32X20.id(), SMALL_CNN_BATCH);
            assertThat(result.applied()).as(variant).isTrue();
            assertThat(result.stepSize()).as(variant).isPositive().isFinite(); // the preset measures the KL every 10 updates
        }
    }

    @Test
    void primingCoversKfacWarmUpAndOneInverseInterval() {
        TrainingFixture kfac = TrainingFixture.create(Preset.CARTPOLE_16X20, Variant.ACKTR);
        int warmup = kfac.config().getInt("acktr.curvature.kfac.warmup-updates");
        int interval = kfac.config().getInt("acktr.curvature.kfac.inverse-interval");
        assertThat(kfac.primingUpdates()).isEqualTo(Math.max(TrainingFixture.MIN_PRIMING_UPDATES, warmup + interval + 1));
        assertThat(TrainingFixture.create(Preset.CARTPOLE_16X20, Variant.A2C).primingUpdates())
                .isEqualTo(TrainingFixture.MIN_PRIMING_UPDATES);
    }
}
