package io.acktr.curvature.kfac;

import static org.assertj.core.api.Assertions.assertThat;

import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.DenseLayerStatistics;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.Gradient;
import io.acktr.numerics.ArrayPool;
import io.acktr.api.step.StepFeedback;
import io.acktr.curvature.linalg.SymmetricEigen;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Asynchronous eigendecompositions, Levenberg-Marquardt damping and the eigenvalue floor. */
class KfacSchedulingAndDampingTest {
    private static final LevenbergMarquardtSettings LM = new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", true, 0.5, 0.001, 1.0);

    static List<FisherSample> samples(int count) {
        Nd4j.getRandom().setSeed(23);
        List<FisherSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            INDArray abar = Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, 9, 3), Nd4j.ones(DataType.DOUBLE, 9, 1));
            INDArray g = Nd4j.randn(DataType.DOUBLE, 9, 2).muli(1 + i);
            samples.add(new FisherSample(List.of(new DenseLayerStatistics("w", abar, g)), Map.of(), 9));
        }
        return samples;
    }

    static KfacSettings kfac(boolean async, LevenbergMarquardtSettings lm, double floor) {
        return kfac(3, 1, async, lm, floor);
    }

    private static KfacSettings kfac(int inverseInterval, int statisticsInterval, boolean async, LevenbergMarquardtSettings lm,
                                     double floor) {
        return new KfacSettings(0.01, DampingForm.EIGEN, 0.8, inverseInterval, statisticsInterval, 0, floor, async,
                FisherTargets.SAMPLED, lm);
    }

    private static Gradient gradient() {
        return new Gradient(Map.of("w", Nd4j.create(new double[][] {{-1, -0.7, -0.4, -0.1}, {0.2, 0.5, 0.8, 1.1}})));
    }

    @Test
    void asyncEigendecompositionsOnceInstalledGiveTheSynchronousDirection() {
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        for (FisherSample sample : samples(7)) {
            sync.observe(FisherPass.of(sample));
            async.observe(FisherPass.of(sample));
            async.awaitBackgroundRefresh();
            INDArray expected = sync.precondition(gradient()).blocks().get("w");
            INDArray actual = async.precondition(gradient()).blocks().get("w");
            assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-12);
        }
        // the first basis is computed at once; the refreshes at observations 3 and 6 ran in the background
        assertThat(async.backgroundRefreshes()).isEqualTo(2);
        assertThat(sync.backgroundRefreshes()).isZero();
        assertThat(async.basisVersion("w")).isEqualTo(sync.basisVersion("w")).isEqualTo(3);
    }

    @Test
    void asyncStatisticsFoldEveryBatchInOrderIntoExactlyTheSynchronousFactors() {
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        List<FisherSample> samples = samples(11);
        for (FisherSample sample : samples) {
            sync.observe(FisherPass.of(sample));
            async.observe(FisherPass.of(sample)); // queued: the factors are read below only after the queue is done
        }
        assertThat(async.factorA("w")).isEqualTo(sync.factorA("w"));
        assertThat(async.factorG("w")).isEqualTo(sync.factorG("w"));
        KfacCurvatureEstimator fewer = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        samples.subList(0, 10).forEach(sample -> fewer.observe(FisherPass.of(sample)));
        assertThat(fewer.factorG("w")).as("the last batch counts").isNotEqualTo(sync.factorG("w"));
    }

    @Test
    void pooledPatchesAreHeldWhileAFoldIsQueuedAndGivenBackOnceFolded() {
        for (boolean asynchronous : new boolean[] {false, true}) {
            KfacCurvatureEstimator estimator = new KfacCurvatureEstimator(
                    kfac(asynchronous, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
            ArrayPool pool = new ArrayPool(1);
            Nd4j.getRandom().setSeed(5);
            Set<INDArray> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 0; i < 6; i++) {
                ArrayPool.Lease patches = pool.take(DataType.DOUBLE, 8, 4); // 2 samples x 4 locations
                patches.array().assign(Nd4j.hstack(Nd4j.randn(DataType.DOUBLE, 8, 3), Nd4j.ones(DataType.DOUBLE, 8, 1)));
                handedOut.add(patches.array());
                ConvLayerStatistics layer = new ConvLayerStatistics("w", patches.array(),
                        Nd4j.randn(DataType.DOUBLE, 8, 2), 4, patches);
                estimator.observe(FisherPass.of(new FisherSample(List.of(layer), Map.of(), 2)));
                estimator.precondition(new Gradient(Map.of("w", Nd4j.zeros(DataType.DOUBLE, 2, 4))));
                patches.release(); // the update is done with them; a queued fold still holds them
            }
            estimator.awaitBackgroundRefresh();
            assertThat(handedOut).as("async " + asynchronous + ": every holder released")
                    .contains(pool.take(DataType.DOUBLE, 8, 4).array());
        }
    }

    @Test
    void aDeferredFisherPassRunsOnTheStatisticsThreadWithAsyncAndIsObservedBeforePreconditionReturns() {
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        Set<String> syncThreads = ConcurrentHashMap.newKeySet();
        Set<String> asyncThreads = ConcurrentHashMap.newKeySet();
        for (FisherSample sample : samples(7)) {
            sync.observe(() -> {
                syncThreads.add(Thread.currentThread().getName());
                return sample;
            });
            async.observe(() -> {
                asyncThreads.add(Thread.currentThread().getName());
                return sample;
            });
            INDArray expected = sync.precondition(gradient()).blocks().get("w");
            async.awaitBackgroundRefresh();
            INDArray actual = async.precondition(gradient()).blocks().get("w");
            assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-12);
        }
        assertThat(syncThreads).containsExactly(Thread.currentThread().getName());
        assertThat(asyncThreads).containsExactly("acktr-kfac-statistics");
        assertThat(async.factorG("w")).isEqualTo(sync.factorG("w"));
    }

    @Test
    void withAStatisticsIntervalOnlyEveryNthUpdateRunsItsFisherPassAndFeedsTheFactors() {
        List<FisherSample> samples = samples(7);
        for (boolean asynchronous : new boolean[] {false, true}) {
            KfacCurvatureEstimator everyThird = new KfacCurvatureEstimator(
                    kfac(3, 3, asynchronous, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
            List<Integer> passes = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                int update = i;
                everyThird.observe(() -> {
                    passes.add(update);
                    return samples.get(update);
                });
                everyThird.precondition(gradient());
                everyThird.awaitBackgroundRefresh(); // installs a background refresh before the next is due
            }
            assertThat(passes).as("async " + asynchronous + ": the passes that ran").containsExactly(0, 3, 6);
            // the same batches, each observed by an estimator that folds every one and refreshes every time
            KfacCurvatureEstimator fed = new KfacCurvatureEstimator(kfac(1, 1, false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10),
                    1e-6));
            List.of(0, 3, 6).forEach(i -> fed.observe(FisherPass.of(samples.get(i))));
            assertThat(everyThird.factorA("w")).isEqualTo(fed.factorA("w"));
            assertThat(everyThird.factorG("w")).isEqualTo(fed.factorG("w"));
            // the eigendecompositions still come every 3 updates: at once, then after updates 4 and 7
            assertThat(everyThird.basisVersion("w")).as("async " + asynchronous).isEqualTo(3);
            INDArray expected = fed.precondition(gradient()).blocks().get("w");
            INDArray actual = everyThird.precondition(gradient()).blocks().get("w");
            assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-12);
        }
    }

    @Test
    void updatesLeftOutByTheStatisticsIntervalStillCountTowardsTheWarmUp() {
        KfacCurvatureEstimator estimator = new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.8, 3, 4,
                2, 1e-6, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        List<FisherSample> samples = samples(3);
        estimator.observe(FisherPass.of(samples.get(0)));
        estimator.observe(FisherPass.of(samples.get(1)));
        assertThat(estimator.isPreconditioning()).isFalse();
        estimator.observe(FisherPass.of(samples.get(2)));
        assertThat(estimator.isPreconditioning()).as("3 updates are past a warm-up of 2").isTrue();
        assertThat(estimator.precondition(gradient()).blocks().get("w")).isNotEqualTo(gradient().blocks().get("w"));
    }

    @Test
    void withAsyncABlockToldEarlyIsPreconditionedInTheBackgroundIntoTheSynchronousDirection() {
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6), 0);
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6), 0);
        for (FisherSample sample : samples(7)) {
            sync.observe(() -> sample);
            async.observe(() -> sample);
            async.awaitBackgroundRefresh(); // the pass is observed and the bases equal the synchronous ones
            Gradient told = gradient();
            async.gradientReady("w", told.blocks().get("w"));
            INDArray expected = sync.precondition(gradient()).blocks().get("w");
            INDArray actual = async.precondition(told).blocks().get("w");
            assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-12);
        }
        assertThat(async.earlyDirections()).isEqualTo(7);
        sync.gradientReady("w", gradient().blocks().get("w"));
        assertThat(sync.earlyDirections()).as("synchronous K-FAC preconditions on the training thread").isZero();
    }

    @Test
    void aSmallBlockStaysOnTheTrainingThread() {
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        async.observe(FisherPass.of(samples(1).get(0)));
        async.awaitBackgroundRefresh();
        Gradient told = gradient();
        async.gradientReady("w", told.blocks().get("w"));
        async.precondition(told);
        assertThat(async.earlyDirections()).as("a 2 x 4 block is far below the work worth handing over").isZero();
    }

    @Test
    void aDirectionStartedEarlyIsUsedOnlyForTheVeryGradientItWasStartedOn() {
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6), 0);
        FisherSample sample = samples(1).get(0);
        sync.observe(FisherPass.of(sample));
        async.observe(FisherPass.of(sample));
        async.awaitBackgroundRefresh();
        async.gradientReady("w", gradient().blocks().get("w").mul(-3)); // another array: its direction is dropped
        INDArray expected = sync.precondition(gradient()).blocks().get("w");
        INDArray actual = async.precondition(gradient()).blocks().get("w");
        assertThat(actual.sub(expected).norm2Number().doubleValue()).isLessThan(1e-12);
        assertThat(async.earlyDirections()).isZero();
    }

    @Test
    void aBlockToldWhileTheFisherPassStillRunsIsLeftToPrecondition() throws InterruptedException {
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6), 0);
        List<FisherSample> samples = samples(2);
        async.observe(FisherPass.of(samples.get(0)));
        async.awaitBackgroundRefresh();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        async.observe(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return samples.get(1);
        });
        Gradient told = gradient();
        async.gradientReady("w", told.blocks().get("w"));
        release.countDown();
        async.precondition(told);
        assertThat(async.earlyDirections()).isZero();
        KfacCurvatureEstimator sync = new KfacCurvatureEstimator(kfac(false, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        samples.forEach(sample -> sync.observe(FisherPass.of(sample)));
        assertThat(async.factorG("w")).as("the pass was observed all the same").isEqualTo(sync.factorG("w"));
    }

    @Test
    void untilABackgroundRefreshIsInstalledTheUpdateKeepsThePreviousBasis() {
        KfacCurvatureEstimator async = new KfacCurvatureEstimator(kfac(true, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10), 1e-6));
        List<FisherSample> samples = samples(4);
        async.observe(FisherPass.of(samples.get(0))); // the first basis, at once
        async.observe(FisherPass.of(samples.get(1)));
        async.observe(FisherPass.of(samples.get(2)));
        long before = async.basisVersion("w");
        async.observe(FisherPass.of(samples.get(3))); // due: started in the background, not installed by observe itself
        assertThat(async.basisVersion("w")).isEqualTo(before);
        async.awaitBackgroundRefresh();
        assertThat(async.basisVersion("w")).isEqualTo(before + 1);
    }

    @Test
    void levenbergMarquardtShrinksTheDampingAfterWellPredictedStepsAndGrowsItAfterBadOnes() {
        KfacCurvatureEstimator estimator = new KfacCurvatureEstimator(kfac(false, LM, 1e-6));
        assertThat(estimator.currentDamping()).isEqualTo(0.01);
        estimator.observe(outcome(-0.9, -1.0)); // rho 0.9 > 3/4
        assertThat(estimator.currentDamping()).isEqualTo(0.005);
        estimator.observe(outcome(-0.5, -1.0)); // rho 0.5: unchanged
        assertThat(estimator.currentDamping()).isEqualTo(0.005);
        estimator.observe(outcome(0.3, -1.0)); // the loss went up: rho < 1/4
        assertThat(estimator.currentDamping()).isEqualTo(0.01);
        for (int i = 0; i < 20; i++) {
            estimator.observe(outcome(1, -1));
        }
        assertThat(estimator.currentDamping()).isEqualTo(LM.maxDamping());
        for (int i = 0; i < 40; i++) {
            estimator.observe(outcome(-1, -1));
        }
        assertThat(estimator.currentDamping()).isEqualTo(LM.minDamping());
        estimator.observe(outcome(Double.NaN, -1));
        assertThat(estimator.currentDamping()).isEqualTo(LM.minDamping());
    }

    @Test
    void theAdaptedDampingIsTheOneThePreconditionerUses() {
        KfacCurvatureEstimator adapted = new KfacCurvatureEstimator(kfac(false, LM, 1e-6));
        KfacCurvatureEstimator fixed = new KfacCurvatureEstimator(new KfacSettings(0.04, DampingForm.EIGEN, 0.8, 3, 1, 0, 1e-6, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        FisherSample sample = samples(1).get(0);
        adapted.observe(FisherPass.of(sample));
        fixed.observe(FisherPass.of(sample));
        adapted.observe(outcome(0, -1)); // 0.01 -> 0.02
        adapted.observe(outcome(0, -1)); // -> 0.04
        INDArray a = adapted.precondition(gradient()).blocks().get("w");
        INDArray f = fixed.precondition(gradient()).blocks().get("w");
        assertThat(a.sub(f).norm2Number().doubleValue()).isLessThan(1e-12);
    }

    @Test
    void withoutLevenbergMarquardtTheDampingNeverMoves() {
        EkfacCurvatureEstimator estimator = new EkfacCurvatureEstimator(new EkfacSettings(0.01, 0.9, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(EkfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        estimator.observe(outcome(5, -1));
        assertThat(estimator.currentDamping()).isEqualTo(0.01);
    }

    @Test
    void eigenvaluesBelowTheFloorAreClippedToIt() {
        // a rank-one factor has eigenvalues 0 (or round-off below it) besides the one positive
        INDArray v = Nd4j.create(new double[][] {{1, 2, 3}});
        INDArray rankOne = v.transpose().mmul(v);
        SymmetricEigen eigen = SymmetricEigen.of(rankOne, 1e-3);
        double[] values = eigen.values().toDoubleVector();
        java.util.Arrays.sort(values);
        assertThat(values[0]).isEqualTo(1e-3);
        assertThat(values[1]).isEqualTo(1e-3);
        assertThat(values[2]).isCloseTo(14, org.assertj.core.api.Assertions.within(1e-9));
    }

    /** The feedback of a step that changed the loss by {@code actual} where the quadratic model predicted {@code predicted}. */
    private static StepFeedback outcome(double actual, double predicted) {
        return new StepFeedback(0, 0, actual, predicted);
    }
}
