package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The codec of one message record: within a JVM the record itself is delivered (records are
 * immutable, so nothing is copied), across JVMs its fields travel as compact binary, primitive
 * arrays element by element, behind a length prefix.
 */
final class BinaryCodec<T> implements MessageCodec<T, T> {
    private final Class<T> type;
    private final BiConsumer<Wire.Writer, T> write;
    private final Function<Wire.Reader, T> read;

    BinaryCodec(Class<T> type, BiConsumer<Wire.Writer, T> write, Function<Wire.Reader, T> read) {
        this.type = requireNonNull(type, "type is null");
        this.write = requireNonNull(write, "write is null");
        this.read = requireNonNull(read, "read is null");
    }

    Class<T> type() {
        return type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T message) {
        Buffer body = Buffer.buffer();
        write.accept(new Wire.Writer(body), message);
        buffer.appendInt(body.length()).appendBuffer(body);
    }

    @Override
    public T decodeFromWire(int position, Buffer buffer) {
        return read.apply(new Wire.Reader(buffer, position + Integer.BYTES));
    }

    @Override
    public T transform(T message) {
        return message;
    }

    @Override
    public String name() {
        return "acktr." + type.getSimpleName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
