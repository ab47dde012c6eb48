package io.acktr.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.typesafe.config.Config;
import io.acktr.api.curvature.ConvLayerStatistics;
import io.acktr.api.curvature.FisherPass;
import io.acktr.api.curvature.FisherSample;
import io.acktr.api.curvature.FisherTargets;
import io.acktr.api.curvature.LayerStatistics;
import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.policy.BackwardPass;
import io.acktr.api.policy.ForwardPass;
import io.acktr.curvature.kfac.DampingForm;
import io.acktr.curvature.kfac.KfacCurvatureEstimator;
import io.acktr.curvature.kfac.KfacSettings;
import io.acktr.curvature.kfac.LevenbergMarquardtSettings;
import io.acktr.policies.cnn.CnnArchitecture;
import io.acktr.policies.cnn.CnnPolicy;
import io.acktr.policies.cnn.ConvLayerSpec;
import io.acktr.policies.layers.Activation;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.plugins.PluginLookup;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Convolutional policies under every curvature estimator, and KFC's factors from a real CNN. */
class ConvolutionalTrainingTest {
    private static final ClassLoader LOADER = ConvolutionalTrainingTest.class.getClassLoader();
    private static final PluginLookup PLUGINS = new GuicePluginLookup(LOADER);

    @Test
    void everyCurvatureEstimatorTrainsACnnOnThePixelPendulum(@TempDir Path dir) {
        for (String curvature : List.of("kfac", "ekfac", "diagonal", "cg-fisher", "identity")) {
            List<String> sets = new ArrayList<>(List.of("acktr.env.id=PixelPendulumStacked-v1", "acktr.env.count=2",
                    "acktr.algorithm.rollout-steps=5", "acktr.total-steps=40", "acktr.policy.type=cnn",
                    "acktr.policy.cnn.conv-layers=[{filters = 4, kernel = 4, stride = 4}, {filters = 4, kernel = 3, stride = 2}]",
                    "acktr.policy.cnn.hidden-sizes=[16]", "acktr.curvature.type=" + curvature,
                    "acktr.curvature.kfac.warmup-updates=0", "acktr.curvature.ekfac.warmup-updates=0",
                    "acktr.run-dir=" + dir.resolve(curvature)));
            Config config = ConfigLoader.load(LOADER, Optional.empty(), sets);
            TrainingSummary summary = new TrainingSession(config, LOADER, PLUGINS).train(null, OptionalDouble.empty(), List.of());
            assertThat(summary.updates()).as(curvature).isEqualTo(4);
            assertThat(summary.skippedUpdates()).as(curvature).isZero();
        }
    }

    @Test
    void kfcFactorsOfARealConvolutionMatchADirectLoopOverItsInputPatches() {
        int h = 7;
        int w = 6;
        int c = 2;
        int k = 3;
        int stride = 2;
        CnnPolicy policy = new CnnPolicy(BoxSpace.uniform(0, 1, h, w, c), new DiscreteSpace(3),
                new CnnArchitecture(List.of(new ConvLayerSpec(5, k, stride)), List.of(), Activation.TANH, true, DataType.DOUBLE), 4);
        int n = 3;
        Nd4j.getRandom().setSeed(12);
        INDArray observations = Nd4j.rand(DataType.DOUBLE, n, h * w * c);
        ForwardPass pass = policy.forward(observations);
        INDArray targets = pass.distribution().sample(new SplittableRandom(3));
        BackwardPass fisher = policy.backward(pass, pass.distribution().logProbGradient(targets),
                Nd4j.randn(DataType.DOUBLE, n, 1));
        ConvLayerStatistics conv = null;
        for (LayerStatistics s : fisher.layers()) {
            if (s instanceof ConvLayerStatistics found) {
                conv = found;
            }
        }
        assertThat(conv).isNotNull();
        KfacCurvatureEstimator kfac = new KfacCurvatureEstimator(new KfacSettings(0.01, DampingForm.EIGEN, 0.9, 1, 1, 0, 0, false, FisherTargets.SAMPLED, new LevenbergMarquardtSettings(KfacSettings.PREFIX + ".levenberg-marquardt", false, 0.95, 1e-5, 10)));
        kfac.observe(FisherPass.of(new FisherSample(fisher.layers(), fisher.perSampleGradients(), n)));
        INDArray a = kfac.factorA(conv.parameterName());

        // the patches straight from the images: every window position, every (row, column, channel) in it, then 1
        int outH = (h - k) / stride + 1;
        int outW = (w - k) / stride + 1;
        int t = outH * outW;
        int width = k * k * c + 1;
        double[][] expected = new double[width][width];
        for (int i = 0; i < n; i++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    double[] patch = new double[width];
                    int j = 0;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            for (int ch = 0; ch < c; ch++) {
                                int y = oy * stride + ky;
                                int x = ox * stride + kx;
                                patch[j++] = observations.getDouble(i, (y * w + x) * c + ch);
                            }
                        }
                    }
                    patch[j] = 1;
                    for (int p = 0; p < width; p++) {
                        for (int q = 0; q < width; q++) {
                            expected[p][q] += patch[p] * patch[q] / (n * t);
                        }
                    }
                }
            }
        }
        assertThat(conv.locations()).isEqualTo(t);
        for (int p = 0; p < width; p++) {
            for (int q = 0; q < width; q++) {
                assertThat(a.getDouble(p, q)).isCloseTo(expected[p][q], within(1e-12));
            }
        }
    }
}
