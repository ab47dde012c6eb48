package io.acktr.envs.wrappers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import io.acktr.api.env.Environment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Puts the wrappers of {@link WrapperSettings} around environments: an {@link EpisodeMonitor}
 * innermost (so the raw episode returns stay reachable through {@link EpisodeStatistics}), then
 * each entry in list order. Apply it to what the provider created, which already carries the
 * provider's time limit.
 *
 * <p>As stable-baselines3's {@code VecNormalize} keeps one set of statistics for its whole vector,
 * a chain keeps one {@link RunningMeanVariance} per normalising entry, created by the first
 * {@link #wrap}, and every environment it wraps updates that same object. The statistics are not
 * thread-safe: step all environments of a chain on one thread, as
 * {@link io.acktr.envs.vector.SyncVectorEnvironment} does.
 *
 * <pre>{@code
 * WrapperChain chain = WrapperChain.from(config);
 * List<Environment> envs = ...; envs.add(chain.wrap(registry.create(id)));   // for training
 * Environment eval = chain.wrapForEvaluation(registry.create(id));          // frozen, same statistics
 * Config saved = chain.exportStatistics();   // into the checkpoint
 * chain.restoreStatistics(saved);            // on resume, before or after wrapping
 * }</pre>
 */
public final class WrapperChain {
    private final WrapperSettings settings;
    /** Per entry index: the shared statistics of a normalising entry once known, else null. */
    private final RunningMeanVariance[] statistics;
    /** Whether this chain's statistics keep their samples instead of adding them. */
    private final boolean deferred;

    public WrapperChain(WrapperSettings settings) {
        this(settings, false);
    }

    private WrapperChain(WrapperSettings settings, boolean deferred) {
        this.settings = requireNonNull(settings, "settings is null");
        this.statistics = new RunningMeanVariance[settings.entries().size()];
        this.deferred = deferred;
    }

    /**
     * A chain whose normalising wrappers normalise with statistics frozen until the next
     * {@link #setStatistics} and keep the samples they would have added (see
     * {@link RunningMeanVariance#deferred}), for {@link #drainSamples()}. A rollout worker gives
     * each of its environments one, so that the samples of every environment reach the run's own
     * chain ({@link #addSamples}) in the environments' order, however they were split among workers.
     */
    public static WrapperChain deferred(WrapperSettings settings) {
        return new WrapperChain(settings, true);
    }

    /** Number of normalising entries, the length of {@link #statistics()} and {@link #drainSamples()}. */
    public int normalizerCount() {
        return (int) settings.entries().stream().filter(WrapperChain::normalizes).count();
    }

    /**
     * The statistics of the normalising entries, in list order.
     *
     * @throws IllegalStateException when one has none yet (nothing wrapped or set)
     */
    public List<RunningStatistics> statistics() {
        List<RunningStatistics> snapshots = new ArrayList<>();
        List<WrapperEntry> entries = settings.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (normalizes(entries.get(i))) {
                if (statistics[i] == null) {
                    throw new IllegalStateException("no statistics yet for " + entries.get(i).path());
                }
                snapshots.add(statistics[i].snapshot());
            }
        }
        return List.copyOf(snapshots);
    }

    /** Sets the statistics of the normalising entries, in list order, as {@link #statistics()} gives them. */
    public void setStatistics(List<RunningStatistics> snapshots) {
        requireNonNull(snapshots, "snapshots is null");
        int[] normalizers = normalizerIndices();
        if (snapshots.size() != normalizers.length) {
            throw new IllegalArgumentException("expected statistics for " + normalizers.length + " normalising wrappers, got "
                    + snapshots.size());
        }
        for (int k = 0; k < normalizers.length; k++) {
            int i = normalizers[k];
            if (statistics[i] == null) {
                statistics[i] = deferred ? RunningMeanVariance.deferred(snapshots.get(k)) : new RunningMeanVariance(snapshots.get(k));
            } else {
                statistics[i].restore(snapshots.get(k));
            }
        }
    }

    /**
     * Per normalising entry in list order, the samples its wrappers kept since the last call; empty
     * lists unless this chain is {@link #deferred}.
     */
    public List<List<double[]>> drainSamples() {
        List<List<double[]>> samples = new ArrayList<>();
        for (int i : normalizerIndices()) {
            samples.add(statistics[i] == null ? List.of() : statistics[i].drainPending());
        }
        return samples;
    }

    /** Adds samples, as {@link #drainSamples()} of a deferred chain gives them, to this chain's statistics in order. */
    public void addSamples(List<List<double[]>> samples) {
        requireNonNull(samples, "samples is null");
        int[] normalizers = normalizerIndices();
        if (samples.size() != normalizers.length) {
            throw new IllegalArgumentException("expected samples for " + normalizers.length + " normalising wrappers, got "
                    + samples.size());
        }
        for (int k = 0; k < normalizers.length; k++) {
            if (!samples.get(k).isEmpty() && statistics[normalizers[k]] == null) {
                throw new IllegalStateException("no statistics yet for " + settings.entries().get(normalizers[k]).path());
            }
            for (double[] sample : samples.get(k)) {
                statistics[normalizers[k]].update(sample);
            }
        }
    }

    private int[] normalizerIndices() {
        List<WrapperEntry> entries = settings.entries();
        return java.util.stream.IntStream.range(0, entries.size()).filter(i -> normalizes(entries.get(i))).toArray();
    }

    /** A chain of the wrappers configured under {@value WrapperSettings#PATH}. */
    public static WrapperChain from(Config config) {
        return new WrapperChain(WrapperSettings.from(config));
    }

    public WrapperSettings settings() {
        return settings;
    }

    /**
     * {@code environment} wrapped for training: normalising wrappers update the shared statistics.
     *
     * @throws ConfigException.BadValue naming the entry when a wrapper cannot wrap this environment
     *                                  (e.g. a discrete action space under {@code rescale-action}); the
     *                                  environment is then closed, as on any other failure to wrap it
     */
    public Environment wrap(Environment environment) {
        return wrap(environment, true);
    }

    /**
     * {@code environment} wrapped for training as environment {@code index} of {@code count}: as
     * {@link #wrap(Environment)}, and with {@link WrapperSettings#staggeredStart()} inside a
     * {@link StaggeredStart} that cuts its first episode after {@code index * T / count} steps,
     * {@code T} its time limit (none for environment 0, or where that is 0 steps).
     *
     * @throws ConfigException.BadValue naming {@value WrapperSettings#STAGGERED_START_PATH} when the
     *                                  environment has no time limit to stagger (the environment is then closed)
     */
    public Environment wrap(Environment environment, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("environment " + index + " is not one of " + count);
        }
        Environment wrapped = wrap(environment, true);
        if (!settings.staggeredStart()) {
            return wrapped;
        }
        TimeLimit limit = EnvironmentWrapper.find(wrapped, TimeLimit.class).orElseThrow(() -> closing(wrapped,
                new ConfigException.BadValue(WrapperSettings.STAGGERED_START_PATH, "true: " + environment.id()
                        + " has no time limit of acktr's, so there are no episode phases to stagger (a gymnasium/ id keeps"
                        + " its limit in Python, out of reach); set it to false")));
        long cut = (long) index * limit.maxEpisodeSteps() / count;
        return cut == 0 ? wrapped : new StaggeredStart(wrapped, Math.toIntExact(cut));
    }

    /**
     * {@code environment} wrapped for evaluation: normalising wrappers use the shared statistics,
     * as training leaves them at each moment, without updating them.
     */
    public Environment wrapForEvaluation(Environment environment) {
        return wrap(environment, false);
    }

    /**
     * The shared statistics, for a checkpoint: one block per normalising entry, keyed by its index
     * in the list, holding its type and a {@link RunningStatistics#toConfig()}:
     * {@code { "0" { type = normalize-observation, count = .., mean = [..], variance = [..] } }}.
     *
     * @throws IllegalStateException when a normalising entry has no statistics yet (nothing wrapped or restored)
     */
    public Config exportStatistics() {
        Map<String, Object> blocks = new LinkedHashMap<>();
        List<WrapperEntry> entries = settings.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (normalizes(entries.get(i))) {
                if (statistics[i] == null) {
                    throw new IllegalStateException("no statistics yet for " + entries.get(i).path() + " ("
                            + entries.get(i).type() + "): wrap an environment or restore statistics first");
                }
                ConfigObject block = statistics[i].snapshot().toConfig().root()
                        .withValue("type", ConfigValueFactory.fromAnyRef(entries.get(i).type().configName()));
                blocks.put(String.valueOf(i), block);
            }
        }
        return ConfigValueFactory.fromMap(blocks).toConfig();
    }

    /**
     * Replaces the shared statistics with those {@link #exportStatistics()} wrote, for a chain with
     * the same normalising entries at the same positions. Wrappers already created see the restored
     * values at once. Nothing changes when the saved statistics do not fit.
     *
     * @throws IllegalArgumentException when a normalising entry has no block, a block names another
     *                                  type or index, or sizes differ from statistics already in use
     */
    public void restoreStatistics(Config saved) {
        requireNonNull(saved, "saved is null");
        List<WrapperEntry> entries = settings.entries();
        RunningStatistics[] restored = new RunningStatistics[entries.size()];
        for (Map.Entry<String, ConfigValue> block : saved.root().entrySet()) {
            int index = index(block.getKey());
            if (!(block.getValue() instanceof ConfigObject object)) {
                throw new IllegalArgumentException("saved statistics \"" + block.getKey() + "\" are not an object");
            }
            String savedType = object.toConfig().getString("type");
            if (!normalizes(entries.get(index)) || !entries.get(index).type().configName().equals(savedType)) {
                throw new IllegalArgumentException("saved statistics \"" + index + "\" are of " + savedType + ", but "
                        + entries.get(index).path() + " is " + entries.get(index).type());
            }
            restored[index] = RunningStatistics.fromConfig(object.toConfig());
            if (statistics[index] != null && statistics[index].size() != restored[index].size()) {
                throw new IllegalArgumentException("saved statistics for " + entries.get(index).path() + " have "
                        + restored[index].size() + " elements, but those in use have " + statistics[index].size());
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (normalizes(entries.get(i)) && restored[i] == null) {
                throw new IllegalArgumentException("saved statistics lack " + entries.get(i).path() + " ("
                        + entries.get(i).type() + ")");
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (restored[i] != null) {
                if (statistics[i] == null) {
                    statistics[i] = deferred ? RunningMeanVariance.deferred(restored[i]) : new RunningMeanVariance(restored[i]);
                } else {
                    statistics[i].restore(restored[i]);
                }
            }
        }
    }

    private Environment wrap(Environment environment, boolean training) {
        requireNonNull(environment, "environment is null");
        Environment wrapped = new EpisodeMonitor(environment);
        List<WrapperEntry> entries = settings.entries();
        for (int i = 0; i < entries.size(); i++) {
            WrapperEntry entry = entries.get(i);
            try {
                wrapped = apply(i, entry, wrapped, training);
            } catch (IllegalArgumentException e) {
                throw closing(wrapped, new ConfigException.BadValue(entry.path(), EntryReader.describe(
                        entry.type().configName()) + " cannot wrap " + environment.id() + ": " + e.getMessage()));
            } catch (RuntimeException e) {
                throw closing(wrapped, e);
            }
        }
        return wrapped;
    }

    /**
     * {@code refusal}, after closing {@code environment}: a chain that refuses an environment owns it
     * (the caller has no wrapped one to close), so a Gymnasium worker or a native simulator is not
     * left running. A failure to close is added to the refusal.
     */
    private static RuntimeException closing(Environment environment, RuntimeException refusal) {
        try {
            environment.close();
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
        }
        return refusal;
    }

    private Environment apply(int index, WrapperEntry entry, Environment environment, boolean training) {
        if (entry instanceof WrapperEntry.NormalizeObservation n) {
            RunningMeanVariance shared = shared(index, environment.observationSpace().flatSize());
            NormalizeObservation wrapper = new NormalizeObservation(environment, shared, n.clip(), n.epsilon());
            wrapper.setTraining(training);
            statistics[index] = shared;
            return wrapper;
        }
        if (entry instanceof WrapperEntry.NormalizeReward n) {
            RunningMeanVariance shared = shared(index, 1);
            NormalizeReward wrapper = new NormalizeReward(environment, shared, n.gamma(), n.clip(), n.epsilon());
            wrapper.setTraining(training);
            statistics[index] = shared;
            return wrapper;
        }
        if (entry instanceof WrapperEntry.FrameStack f) {
            return new FrameStack(environment, f.frames());
        }
        if (entry instanceof WrapperEntry.RescaleAction r) {
            return new RescaleAction(environment, r.low(), r.high());
        }
        if (entry instanceof WrapperEntry.ClipAction) {
            return new ClipAction(environment);
        }
        if (entry instanceof WrapperEntry.TimeFeature) {
            return new TimeFeature(environment);
        }
        throw new IllegalStateException("no wrapper for " + entry);
    }

    /**
     * The statistics entry {@code index} shares, or new ones of {@code size} elements, which the
     * caller keeps once its wrapper accepted them.
     */
    private RunningMeanVariance shared(int index, int size) {
        if (statistics[index] == null) {
            RunningStatistics initial = RunningStatistics.initial(size, RunningMeanVariance.INITIAL_COUNT);
            return deferred ? RunningMeanVariance.deferred(initial) : new RunningMeanVariance(initial);
        }
        if (statistics[index].size() != size) {
            throw new IllegalArgumentException("the statistics this chain shares here have " + statistics[index].size()
                    + " elements, but this environment needs " + size);
        }
        return statistics[index];
    }

    private int index(String key) {
        int index;
        try {
            index = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= statistics.length) {
            throw new IllegalArgumentException("saved statistics \"" + key + "\" do not name an entry of "
                    + WrapperSettings.PATH + ", which has " + statistics.length);
        }
        return index;
    }

    private static boolean normalizes(WrapperEntry entry) {
        return entry instanceof WrapperEntry.NormalizeObservation || entry instanceof WrapperEntry.NormalizeReward;
    }
}
