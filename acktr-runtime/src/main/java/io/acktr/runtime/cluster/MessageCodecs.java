package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.learner.TrainingSummary;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
    }

    static RecordCodec<NodeHeartbeat> heartbeat() {
        return new RecordCodec<>("acktr.node-heartbeat", ClusterProtocol.VERSION, (m, out) -> out.string(m.nodeId())
                .string(m.host()).integer(m.slots()).integer(m.busy()),
                in -> new NodeHeartbeat(in.string(), in.string(), in.integer(), in.integer()));
    }

    static RecordCodec<SuiteAnnouncement> announcement() {
        return new RecordCodec<>("acktr.suite-announcement", ClusterProtocol.VERSION,
                (m, out) -> out.string(m.suiteId()).string(m.suiteName()).string(m.coordinatorHost()),
                in -> new SuiteAnnouncement(in.string(), in.string(), in.string()));
    }

    static RecordCodec<Reply> reply() {
        return new RecordCodec<>("acktr.reply", ClusterProtocol.VERSION,
                (m, out) -> out.bool(m.accepted()).string(m.reason()), in -> new Reply(in.bool(), in.string()));
    }

    static RecordCodec<RunAssignment> assignment() {
        return assignment(ClusterProtocol.VERSION);
    }

    /** At another version: for tests of members that refuse it. */
    static RecordCodec<RunAssignment> assignment(int version) {
        return new RecordCodec<>("acktr.run-assignment", version, (m, out) -> out.string(m.suiteId()).string(m.runId())
                .integer(m.attempt()).string(m.configuration()).real(m.threshold()),
                in -> new RunAssignment(in.string(), in.string(), in.integer(), in.string(), in.real()));
    }

    static RecordCodec<RunProgress> progress() {
        return new RecordCodec<>("acktr.run-progress", ClusterProtocol.VERSION, (m, out) -> {
            out.string(m.suiteId()).string(m.runId()).integer(m.attempt()).string(m.nodeId()).whole(m.firstRow())
                    .integer(m.rows().size());
            m.rows().forEach(row -> out.whole(row.envSteps()).whole(row.updates()).whole(row.episodes())
                    .real(row.meanReturn()).real(row.entropy()).real(row.valueLoss()).real(row.policyLoss()).real(row.kl())
                    .real(row.predictedKl()).real(row.stepSize()).real(row.fps()).whole(row.skippedUpdates())
                    .whole(row.residentBytes()));
        }, in -> {
            String suiteId = in.string();
            String runId = in.string();
            int attempt = in.integer();
            String nodeId = in.string();
            long firstRow = in.whole();
            int count = in.integer();
            List<UpdateMetrics> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rows.add(new UpdateMetrics(in.whole(), in.whole(), in.whole(), in.real(), in.real(), in.real(), in.real(),
                        in.real(), in.real(), in.real(), in.real(), in.whole(), in.whole()));
            }
            return new RunProgress(suiteId, runId, attempt, nodeId, firstRow, rows);
        });
    }

    static RecordCodec<RunFinished> finished() {
        return new RecordCodec<>("acktr.run-finished", ClusterProtocol.VERSION, (m, out) -> {
            TrainingSummary s = m.summary();
            out.string(m.suiteId()).string(m.runId()).integer(m.attempt()).string(m.nodeId())
                    .whole(s.envSteps()).whole(s.updates()).whole(s.episodes()).real(s.finalMeanReturn())
                    .whole(s.skippedUpdates()).whole(s.firstStepsAtThreshold().orElse(-1)).real(s.updateSeconds())
                    .real(s.wallSeconds()).whole(m.rows()).integer(m.checkpoint().size());
            m.checkpoint().forEach((name, bytes) -> out.string(name).bytes(bytes));
        }, in -> {
            String suiteId = in.string();
            String runId = in.string();
            int attempt = in.integer();
            String nodeId = in.string();
            long envSteps = in.whole();
            long updates = in.whole();
            long episodes = in.whole();
            double finalMean = in.real();
            long skipped = in.whole();
            long atThreshold = in.whole();
            TrainingSummary summary = new TrainingSummary(envSteps, updates, episodes, finalMean, skipped,
                    atThreshold < 0 ? OptionalLong.empty() : OptionalLong.of(atThreshold), in.real(), in.real());
            long rows = in.whole();
            int files = in.integer();
            Map<String, byte[]> checkpoint = new LinkedHashMap<>();
            for (int i = 0; i < files; i++) {
                checkpoint.put(in.string(), in.bytes());
            }
            return new RunFinished(suiteId, runId, attempt, nodeId, summary, rows, checkpoint);
        });
    }

    static RecordCodec<RunFailed> failed() {
        return new RecordCodec<>("acktr.run-failed", ClusterProtocol.VERSION, (m, out) -> out.string(m.suiteId())
                .string(m.runId()).integer(m.attempt()).string(m.nodeId()).string(m.error()).bool(m.badInput()),
                in -> new RunFailed(in.string(), in.string(), in.integer(), in.string(), in.string(), in.bool()));
    }

    /**
     * The codec of one message type. Decoding yields the message, or an {@link UnknownProtocolMessage}
     * when the version on the wire is not this codec's: a member never guesses at a layout it does not know.
     */
    static final class RecordCodec<T> implements MessageCodec<T, Object> {
        private final String name;
        private final int version;
        private final BiConsumer<T, Writer> write;
        private final Function<Reader, T> read;

        RecordCodec(String name, int version, BiConsumer<T, Writer> write, Function<Reader, T> read) {
            this.name = requireNonNull(name, "name is null");
            this.version = version;
            this.write = requireNonNull(write, "write is null");
            this.read = requireNonNull(read, "read is null");
        }

        @Override
        public void encodeToWire(Buffer buffer, T message) {
            buffer.appendInt(version);
            write.accept(message, new Writer(buffer));
        }

        @Override
        public Object decodeFromWire(int pos, Buffer buffer) {
            int onWire = buffer.getInt(pos);
            if (onWire != version) {
                return new UnknownProtocolMessage(onWire, name);
            }
            return read.apply(new Reader(buffer, pos + Integer.BYTES));
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

    /** Appends fields to a buffer. */
    static final class Writer {
        private final Buffer buffer;

        Writer(Buffer buffer) {
            this.buffer = buffer;
        }

        Writer integer(int v) {
            buffer.appendInt(v);
            return this;
        }

        Writer whole(long v) {
            buffer.appendLong(v);
            return this;
        }

        Writer real(double v) {
            buffer.appendDouble(v);
            return this;
        }

        Writer bool(boolean v) {
            buffer.appendByte((byte) (v ? 1 : 0));
            return this;
        }

        Writer bytes(byte[] v) {
            buffer.appendInt(v.length).appendBytes(v);
            return this;
        }

        Writer string(String v) {
            return bytes(v.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads fields from a buffer in the order they were written. */
    static final class Reader {
        private final Buffer buffer;
        private int pos;

        Reader(Buffer buffer, int pos) {
            this.buffer = buffer;
            this.pos = pos;
        }

        int integer() {
            int v = buffer.getInt(pos);
            pos += Integer.BYTES;
            return v;
        }

        long whole() {
            long v = buffer.getLong(pos);
            pos += Long.BYTES;
            return v;
        }

        double real() {
            double v = buffer.getDouble(pos);
            pos += Double.BYTES;
            return v;
        }

        boolean bool() {
            return buffer.getByte(pos++) != 0;
        }

        byte[] bytes() {
            int length = integer();
            byte[] v = buffer.getBytes(pos, pos + length);
            pos += length;
            return v;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }
    }
}
