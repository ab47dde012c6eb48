package io.acktr.bench;

import static java.util.Objects.requireNonNull;

import com.google.inject.Injector;
import com.typesafe.config.Config;
import io.acktr.api.curvature.CurvatureEstimator;
import io.acktr.api.policy.ParameterBlock;
import io.acktr.api.policy.Policy;
import io.acktr.runtime.algorithm.AcktrUpdate;
import io.acktr.runtime.algorithm.Batch;
import io.acktr.runtime.bootstrap.AcktrInjector;
import io.acktr.runtime.bootstrap.PluginRegistry;
import io.acktr.runtime.bootstrap.Plugins;
import io.acktr.runtime.settings.AlgorithmSettings;
import io.acktr.runtime.settings.RunSettings;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the benchmarks measure, assembled the way {@code acktr train} assembles it: the preset's
 * configuration with the variant's overrides, loaded and validated like a run's, the
 * Guice injector over every plugin module on the class path, and the policy, curvature estimator
 * and step rule from the {@link PluginRegistry}. Deterministic for the configuration's seed.
 *
 * @param preset the network and batch
 * @param variant the curvature estimator and step rule
 * @param config the resolved configuration
 * @param plugins the registry the estimator and step rule come from
 * @param policy the freshly initialised policy (updates train it in place)
 * @param batch one batch for that policy
 */
public record TrainingFixture(Preset preset, Variant variant, Config config, PluginRegistry plugins, Policy policy,
                              Batch batch) {
    /** Updates every variant runs before it is measured: JIT and lazily built state. */
    static final int MIN_PRIMING_UPDATES = 20;

    public TrainingFixture {
        requireNonNull(preset, "preset is null");
        requireNonNull(variant, "variant is null");
        requireNonNull(config, "config is null");
        requireNonNull(plugins, "plugins is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(batch, "batch is null");
    }

    /** Builds the fixture of a preset and variant, through the configuration and the plugin registry. */
    public static TrainingFixture create(Preset preset, Variant variant) {
        return create(preset, variant, preset.workload());
    }

    /**
     * The same with another workload than the preset's, e.g. a smaller {@link SyntheticBatch} so that
     * a test of a large network stays fast.
     */
    public static TrainingFixture create(Preset preset, Variant variant, Workload workload) {
        requireNonNull(workload, "workload is null");
        ForkSettings.applyNativeThreads();
        ClassLoader classLoader = TrainingFixture.class.getClassLoader();
        Config config = preset.load(classLoader, variant.overrides());
        Injector injector = AcktrInjector.create(config, AcktrInjector.discoverModules(classLoader));
        PluginRegistry plugins = Plugins.registry(injector);
        Workload.PolicyAndBatch created = workload.create(config, plugins.policy(config), classLoader);
        return new TrainingFixture(preset, variant, config, plugins, created.policy(), created.batch());
    }

    /** A new instance of the variant's curvature estimator. */
    public CurvatureEstimator newCurvatureEstimator() {
        return plugins.curvatureEstimator(config).create();
    }

    /**
     * An update of this fixture's policy with {@code curvature} and a new instance of the variant's
     * step rule; fails, naming the reason, when the policy cannot serve the estimator (e.g.
     * {@code cg-fisher} on a policy without forward mode).
     */
    public AcktrUpdate newUpdate(CurvatureEstimator curvature) {
        return new AcktrUpdate(policy, curvature, plugins.stepSizeRule(config).create(), AlgorithmSettings.from(config),
                new SplittableRandom(RunSettings.from(config).seed()).split());
    }

    /**
     * Updates to run before measuring: past the estimator's {@code warmup-updates} (during which
     * K-FAC only gathers statistics and returns the plain gradient) and one whole
     * {@code inverse-interval}, so the measurement starts in the steady state where every
     * {@code inverse-interval}-th update refreshes the eigendecompositions; at least
     * {@value #MIN_PRIMING_UPDATES}.
     */
    public int primingUpdates() {
        String settings = "acktr.curvature." + variant.curvature();
        int warmup = config.hasPath(settings + ".warmup-updates") ? config.getInt(settings + ".warmup-updates") : 0;
        int interval = config.hasPath(settings + ".inverse-interval") ? config.getInt(settings + ".inverse-interval") : 0;
        return Math.max(MIN_PRIMING_UPDATES, warmup + interval + 1);
    }

    /** Runs {@link #primingUpdates()} updates on the batch. */
    public void prime(AcktrUpdate update) {
        for (int i = 0; i < primingUpdates(); i++) {
            update.update(batch, 0);
        }
    }

    /** Copies of the policy's current parameters, to {@link #restoreParameters} later. */
    public List<INDArray> saveParameters() {
        return policy.parameters().stream().map(block -> block.value().dup()).toList();
    }

    /** Puts back parameters saved by {@link #saveParameters()}. */
    public void restoreParameters(List<INDArray> saved) {
        List<ParameterBlock> blocks = policy.parameters();
        for (int i = 0; i < blocks.size(); i++) {
            blocks.get(i).value().assign(saved.get(i));
        }
    }
}
