package io.acktr.runtime.bus;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.envs.wrappers.RunningStatistics;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The codecs of every message the runtime sends, registered once per event bus, when the run's
 * Vert.x instance starts, as the default codec of each record type.
 */
public final class Codecs {
    static final BinaryCodec<ParameterSnapshot> PARAMETER_SNAPSHOT = new BinaryCodec<>(ParameterSnapshot.class,
            (w, m) -> {
                w.longValue(m.version()).floats(m.floatParameters()).doubles(m.doubleParameters())
                        .intValue(m.wrapperStatistics().size());
                for (RunningStatistics s : m.wrapperStatistics()) {
                    w.doubleValue(s.count()).doubles(s.mean()).doubles(s.variance());
                }
            },
            r -> {
                long version = r.longValue();
                float[] floats = r.floats();
                double[] doubles = r.doubles();
                int count = r.intValue();
                List<RunningStatistics> statistics = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    statistics.add(new RunningStatistics(r.doubleValue(), r.doubles(), r.doubles()));
                }
                return new ParameterSnapshot(version, floats, doubles, statistics);
            });

    static final BinaryCodec<RolloutPart> ROLLOUT_PART = new BinaryCodec<>(RolloutPart.class,
            (w, m) -> {
                w.longValue(m.version()).intValue(m.firstEnvironment()).intValue(m.environments()).intValue(m.steps())
                        .intValue(m.observationSize()).intValue(m.actionWidth()).doubles(m.observations())
                        .doubles(m.actions()).doubles(m.advantages()).doubles(m.returns());
                FinishedEpisodes e = m.episodes();
                w.ints(e.steps()).ints(e.environments()).doubles(e.returns()).longs(e.lengths());
                w.intValue(m.normalizerSamples().length);
                for (double[] samples : m.normalizerSamples()) {
                    w.doubles(samples);
                }
            },
            r -> {
                long version = r.longValue();
                int first = r.intValue();
                int environments = r.intValue();
                int steps = r.intValue();
                int observationSize = r.intValue();
                int actionWidth = r.intValue();
                double[] observations = r.doubles();
                double[] actions = r.doubles();
                double[] advantages = r.doubles();
                double[] returns = r.doubles();
                FinishedEpisodes episodes = new FinishedEpisodes(r.ints(), r.ints(), r.doubles(), r.longs());
                double[][] samples = new double[r.intValue()][];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = r.doubles();
                }
                return new RolloutPart(version, first, environments, steps, observationSize, actionWidth, observations,
                        actions, advantages, returns, episodes, samples);
            });

    static final BinaryCodec<UpdateMetrics> UPDATE_METRICS = new BinaryCodec<>(UpdateMetrics.class,
            (w, m) -> w.longValue(m.envSteps()).longValue(m.updates()).longValue(m.episodes()).doubleValue(m.meanReturn())
                    .doubleValue(m.entropy()).doubleValue(m.valueLoss()).doubleValue(m.policyLoss()).doubleValue(m.kl())
                    .doubleValue(m.predictedKl()).doubleValue(m.stepSize()).doubleValue(m.fps())
                    .longValue(m.skippedUpdates()).longValue(m.residentBytes()).doubleValue(m.directionCosine())
                    .doubleValue(m.directionCosinePerGroup()),
            r -> new UpdateMetrics(r.longValue(), r.longValue(), r.longValue(), r.doubleValue(), r.doubleValue(),
                    r.doubleValue(), r.doubleValue(), r.doubleValue(), r.doubleValue(), r.doubleValue(), r.doubleValue(),
                    r.longValue(), r.longValue(), r.doubleValue(), r.doubleValue()));

    static final BinaryCodec<EpisodeEnded> EPISODE_ENDED = new BinaryCodec<>(EpisodeEnded.class,
            (w, m) -> w.doubleValue(m.episodeReturn()).longValue(m.episodeLength()),
            r -> new EpisodeEnded(r.doubleValue(), r.longValue()));

    static final BinaryCodec<RunEnded> RUN_ENDED = new BinaryCodec<>(RunEnded.class,
            (w, m) -> w.longValue(m.updates()).booleanValue(m.failed()),
            r -> new RunEnded(r.longValue(), r.booleanValue()));

    static final BinaryCodec<ListenersDone> LISTENERS_DONE = new BinaryCodec<>(ListenersDone.class,
            (w, m) -> {
                w.longValue(m.updates()).booleanValue(m.runEnded()).booleanValue(m.failure().isPresent());
                m.failure().ifPresent(text -> w.bytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            },
            r -> new ListenersDone(r.longValue(), r.booleanValue(), r.booleanValue()
                    ? Optional.of(new String(r.bytes(), java.nio.charset.StandardCharsets.UTF_8)) : Optional.empty()));

    /** Arrays keep their data type: LONG ones travel as longs, the others as doubles (exact for every narrower type). */
    static final BinaryCodec<WorkerState> WORKER_STATE = new BinaryCodec<>(WorkerState.class,
            (w, m) -> {
                w.intValue(m.worker()).intValue(m.state().arrays().size());
                m.state().arrays().forEach((name, value) -> {
                    w.string(name).string(value.dataType().name()).longs(value.shape());
                    if (value.dataType() == org.nd4j.linalg.api.buffer.DataType.LONG) {
                        w.longs(value.toLongVector());
                    } else {
                        w.doubles(value.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector());
                    }
                });
                w.intValue(m.state().scalars().size());
                m.state().scalars().forEach((name, value) -> w.string(name).doubleValue(value));
            },
            r -> {
                int worker = r.intValue();
                java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new java.util.LinkedHashMap<>();
                for (int i = r.intValue(); i > 0; i--) {
                    String name = r.string();
                    org.nd4j.linalg.api.buffer.DataType type = org.nd4j.linalg.api.buffer.DataType.valueOf(r.string());
                    long[] shape = r.longs();
                    arrays.put(name, type == org.nd4j.linalg.api.buffer.DataType.LONG
                            ? org.nd4j.linalg.factory.Nd4j.createFromArray(r.longs()).reshape(shape)
                            : org.nd4j.linalg.factory.Nd4j.createFromArray(r.doubles()).reshape(shape).castTo(type));
                }
                java.util.Map<String, Double> scalars = new java.util.LinkedHashMap<>();
                for (int i = r.intValue(); i > 0; i--) {
                    scalars.put(r.string(), r.doubleValue());
                }
                return new WorkerState(worker, new io.acktr.api.state.SavedState(arrays, scalars));
            });

    static final List<BinaryCodec<?>> ALL = List.of(PARAMETER_SNAPSHOT, ROLLOUT_PART, UPDATE_METRICS, EPISODE_ENDED,
            RUN_ENDED, LISTENERS_DONE, WORKER_STATE);

    private Codecs() {
    }

    /** Registers every codec as the default for its record; once per event bus. */
    public static void registerAll(EventBus bus) {
        for (BinaryCodec<?> codec : ALL) {
            register(bus, codec);
        }
    }

    private static <T> void register(EventBus bus, BinaryCodec<T> codec) {
        bus.registerDefaultCodec(codec.type(), codec);
    }
}
