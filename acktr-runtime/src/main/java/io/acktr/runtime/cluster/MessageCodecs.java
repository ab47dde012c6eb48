package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.bus.Wire;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The binary codecs of the cluster's messages, registered once per Vert.x instance by
 * {@link #register(EventBus)}. On the wire a message is its protocol version
 * ({@link ClusterProtocol#VERSION}) and then its fields in order: numbers big-endian, strings as
 * a length and UTF-8, lists and maps as a count and their elements. A progress row is 13 numbers,
 * 104 bytes. Within one process a message is passed as it is (records are immutable).
 */
public final class MessageCodecs {
    private MessageCodecs() {
    }

    /** Registers every message's codec as its default; call once per Vert.x instance. */
    public static void register(EventBus bus) {
        bus.registerDefaultCodec(NodeHeartbeat.class, heartbeat());
        bus.registerDefaultCodec(SuiteAnnouncement.class, announcement());
        bus.registerDefaultCodec(Reply.class, reply());
        bus.registerDefaultCodec(RunAssignment.class, assignment());
        bus.registerDefaultCodec(RunProgress.class, progress());
        bus.registerDefaultCodec(RunFinished.class, finished());
        bus.registerDefaultCodec(RunFailed.class, failed());
        bus.registerDefaultCodec(RunCheckpoint.class, checkpoint());
        bus.registerDefaultCodec(RolloutHosting.class, hosting());
        bus.registerDefaultCodec(RolloutRelease.class, release());
        bus.registerDefaultCodec(RollCall.class, rollCall());
    }

    static RecordCodec<NodeHeartbeat> heartbeat() {
        return new RecordCodec<>("acktr.node-heartbeat", ClusterProtocol.VERSION, (m, out) -> {
            out.string(m.nodeId()).string(m.host()).intValue(m.slots()).intValue(m.busy()).intValue(m.runs().size());
            m.runs().forEach(out::string);
        }, in -> {
            String nodeId = in.string();
            String host = in.string();
            int slots = in.intValue();
            int busy = in.intValue();
            int count = in.intValue();
            List<String> runs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                runs.add(in.string());
            }
            return new NodeHeartbeat(nodeId, host, slots, busy, runs);
        });
    }

    static RecordCodec<SuiteAnnouncement> announcement() {
        return new RecordCodec<>("acktr.suite-announcement", ClusterProtocol.VERSION,
                (m, out) -> out.string(m.suiteId()).string(m.suiteName()).string(m.coordinatorHost()),
                in -> new SuiteAnnouncement(in.string(), in.string(), in.string()));
    }

    static RecordCodec<Reply> reply() {
        return new RecordCodec<>("acktr.reply", ClusterProtocol.VERSION,
                (m, out) -> out.booleanValue(m.accepted()).string(m.reason()), in -> new Reply(in.booleanValue(), in.string()));
    }

    static RecordCodec<RunAssignment> assignment() {
        return assignment(ClusterProtocol.VERSION);
    }

    /** At another version: for tests of members that refuse it. */
    static RecordCodec<RunAssignment> assignment(int version) {
        return new RecordCodec<>("acktr.run-assignment", version, (m, out) -> {
            out.string(m.suiteId()).string(m.runId()).intValue(m.attempt()).string(m.configuration()).doubleValue(m.threshold());
            writeRows(out, m.rows());
            writeFiles(out, m.checkpoint());
        }, in -> new RunAssignment(in.string(), in.string(), in.intValue(), in.string(), in.doubleValue(), readRows(in),
                readFiles(in)));
    }

    static RecordCodec<RunCheckpoint> checkpoint() {
        return new RecordCodec<>("acktr.run-checkpoint", ClusterProtocol.VERSION, (m, out) -> {
            out.string(m.suiteId()).string(m.runId()).intValue(m.attempt()).string(m.nodeId()).longValue(m.updates());
            writeFiles(out, m.files());
        }, in -> new RunCheckpoint(in.string(), in.string(), in.intValue(), in.string(), in.longValue(), readFiles(in)));
    }

    /** Files by name, in name order (a map's own order is no part of the message). */
    private static void writeFiles(Wire.Writer out, Map<String, byte[]> files) {
        out.intValue(files.size());
        new TreeMap<>(files).forEach((name, bytes) -> out.string(name).bytes(bytes));
    }

    private static Map<String, byte[]> readFiles(Wire.Reader in) {
        int count = in.intValue();
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put(in.string(), in.bytes());
        }
        return files;
    }

    private static void writeRows(Wire.Writer out, List<UpdateMetrics> rows) {
        out.intValue(rows.size());
        rows.forEach(row -> out.longValue(row.envSteps()).longValue(row.updates()).longValue(row.episodes())
                .doubleValue(row.meanReturn()).doubleValue(row.entropy()).doubleValue(row.valueLoss()).doubleValue(row.policyLoss())
                .doubleValue(row.kl()).doubleValue(row.predictedKl()).doubleValue(row.stepSize()).doubleValue(row.fps())
                .longValue(row.skippedUpdates()).longValue(row.residentBytes()).doubleValue(row.directionCosine())
                .doubleValue(row.directionCosinePerGroup()));
    }

    private static List<UpdateMetrics> readRows(Wire.Reader in) {
        int count = in.intValue();
        List<UpdateMetrics> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new UpdateMetrics(in.longValue(), in.longValue(), in.longValue(), in.doubleValue(), in.doubleValue(),
                    in.doubleValue(), in.doubleValue(), in.doubleValue(), in.doubleValue(), in.doubleValue(), in.doubleValue(),
                    in.longValue(), in.longValue(), in.doubleValue(), in.doubleValue()));
        }
        return rows;
    }

    static RecordCodec<RunProgress> progress() {
        return new RecordCodec<>("acktr.run-progress", ClusterProtocol.VERSION, (m, out) -> {
            out.string(m.suiteId()).string(m.runId()).intValue(m.attempt()).string(m.nodeId()).longValue(m.firstRow());
            writeRows(out, m.rows());
        }, in -> {
            String suiteId = in.string();
            String runId = in.string();
            int attempt = in.intValue();
            String nodeId = in.string();
            long firstRow = in.longValue();
            return new RunProgress(suiteId, runId, attempt, nodeId, firstRow, readRows(in));
        });
    }

    static RecordCodec<RunFinished> finished() {
        return new RecordCodec<>("acktr.run-finished", ClusterProtocol.VERSION, (m, out) -> {
            TrainingSummary s = m.summary();
            out.string(m.suiteId()).string(m.runId()).intValue(m.attempt()).string(m.nodeId())
                    .longValue(s.envSteps()).longValue(s.updates()).longValue(s.episodes()).doubleValue(s.finalMeanReturn())
                    .longValue(s.skippedUpdates()).longValue(s.firstStepsAtThreshold().orElse(-1)).doubleValue(s.updateSeconds())
                    .doubleValue(s.wallSeconds()).longValue(m.rows());
            writeFiles(out, m.checkpoint());
        }, in -> {
            String suiteId = in.string();
            String runId = in.string();
            int attempt = in.intValue();
            String nodeId = in.string();
            long envSteps = in.longValue();
            long updates = in.longValue();
            long episodes = in.longValue();
            double finalMean = in.doubleValue();
            long skipped = in.longValue();
            long atThreshold = in.longValue();
            TrainingSummary summary = new TrainingSummary(envSteps, updates, episodes, finalMean, skipped,
                    atThreshold < 0 ? OptionalLong.empty() : OptionalLong.of(atThreshold), in.doubleValue(), in.doubleValue());
            long rows = in.longValue();
            return new RunFinished(suiteId, runId, attempt, nodeId, summary, rows, readFiles(in));
        });
    }

    static RecordCodec<RunFailed> failed() {
        return new RecordCodec<>("acktr.run-failed", ClusterProtocol.VERSION, (m, out) -> out.string(m.suiteId())
                .string(m.runId()).intValue(m.attempt()).string(m.nodeId()).string(m.error()).booleanValue(m.badInput()),
                in -> new RunFailed(in.string(), in.string(), in.intValue(), in.string(), in.string(), in.booleanValue()));
    }

    static RecordCodec<RolloutHosting> hosting() {
        return new RecordCodec<>("acktr.rollout-hosting", ClusterProtocol.VERSION, (m, out) -> out.string(m.runId())
                .intValue(m.worker()).intValue(m.generation()).intValue(m.firstEnvironment()).intValue(m.environments())
                .longValue(m.seed()).string(m.configuration()),
                in -> new RolloutHosting(in.string(), in.intValue(), in.intValue(), in.intValue(), in.intValue(), in.longValue(),
                        in.string()));
    }

    static RecordCodec<RolloutRelease> release() {
        return new RecordCodec<>("acktr.rollout-release", ClusterProtocol.VERSION, (m, out) -> out.string(m.runId()),
                in -> new RolloutRelease(in.string()));
    }

    static RecordCodec<RollCall> rollCall() {
        return new RecordCodec<>("acktr.roll-call", ClusterProtocol.VERSION, (m, out) -> out.string(m.suiteId()),
                in -> new RollCall(in.string()));
    }

    /**
     * The codec of one message type. Decoding yields the message, or an {@link UnknownProtocolMessage}
     * when the version on the wire is not this codec's: a member never guesses at a layout it does not know.
     */
    static final class RecordCodec<T> implements MessageCodec<T, Object> {
        private final String name;
        private final int version;
        private final BiConsumer<T, Wire.Writer> write;
        private final Function<Wire.Reader, T> read;

        RecordCodec(String name, int version, BiConsumer<T, Wire.Writer> write, Function<Wire.Reader, T> read) {
            this.name = requireNonNull(name, "name is null");
            this.version = version;
            this.write = requireNonNull(write, "write is null");
            this.read = requireNonNull(read, "read is null");
        }

        @Override
        public void encodeToWire(Buffer buffer, T message) {
            buffer.appendInt(version);
            write.accept(message, new Wire.Writer(buffer));
        }

        @Override
        public Object decodeFromWire(int pos, Buffer buffer) {
            int onWire = buffer.getInt(pos);
            if (onWire != version) {
                return new UnknownProtocolMessage(onWire, name);
            }
            return read.apply(new Wire.Reader(buffer, pos + Integer.BYTES));
        }

        @Override
        public Object transform(T message) {
            return message;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
