package io.acktr.runtime.bus;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes and reads the primitive fields and arrays of a message in a {@link Buffer}, big-endian:
 * the one binary format of acktr's bus messages, in one JVM's bus and the cluster's alike.
 */
public final class Wire {
    private Wire() {
    }

    /** Appends to a buffer. */
    public static final class Writer {
        private final Buffer buffer;

        public Writer(Buffer buffer) {
            this.buffer = buffer;
        }

        public Writer intValue(int value) {
            buffer.appendInt(value);
            return this;
        }

        public Writer longValue(long value) {
            buffer.appendLong(value);
            return this;
        }

        public Writer doubleValue(double value) {
            buffer.appendDouble(value);
            return this;
        }

        public Writer booleanValue(boolean value) {
            buffer.appendByte(value ? (byte) 1 : (byte) 0);
            return this;
        }

        /** Length, then the elements; -1 for null. */
        public Writer floats(float[] values) {
            if (values == null) {
                return intValue(-1);
            }
            intValue(values.length);
            for (float v : values) {
                buffer.appendFloat(v);
            }
            return this;
        }

        public Writer doubles(double[] values) {
            if (values == null) {
                return intValue(-1);
            }
            intValue(values.length);
            for (double v : values) {
                buffer.appendDouble(v);
            }
            return this;
        }

        public Writer bytes(byte[] values) {
            intValue(values.length);
            buffer.appendBytes(values);
            return this;
        }

        public Writer string(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        public Writer ints(int[] values) {
            intValue(values.length);
            for (int v : values) {
                buffer.appendInt(v);
            }
            return this;
        }

        public Writer longs(long[] values) {
            intValue(values.length);
            for (long v : values) {
                buffer.appendLong(v);
            }
            return this;
        }
    }

    /** Reads from a buffer, starting at a position. */
    public static final class Reader {
        private final Buffer buffer;
        private int position;

        public Reader(Buffer buffer, int position) {
            this.buffer = buffer;
            this.position = position;
        }

        public int intValue() {
            int v = buffer.getInt(position);
            position += Integer.BYTES;
            return v;
        }

        public long longValue() {
            long v = buffer.getLong(position);
            position += Long.BYTES;
            return v;
        }

        public double doubleValue() {
            double v = buffer.getDouble(position);
            position += Double.BYTES;
            return v;
        }

        public boolean booleanValue() {
            return buffer.getByte(position++) != 0;
        }

        public float[] floats() {
            int n = intValue();
            if (n < 0) {
                return null;
            }
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = buffer.getFloat(position);
                position += Float.BYTES;
            }
            return values;
        }

        public double[] doubles() {
            int n = intValue();
            if (n < 0) {
                return null;
            }
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = doubleValue();
            }
            return values;
        }

        public byte[] bytes() {
            int n = intValue();
            byte[] values = buffer.getBytes(position, position + n);
            position += n;
            return values;
        }

        public String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        public int[] ints() {
            int[] values = new int[intValue()];
            for (int i = 0; i < values.length; i++) {
                values[i] = intValue();
            }
            return values;
        }

        public long[] longs() {
            long[] values = new long[intValue()];
            for (int i = 0; i < values.length; i++) {
                values[i] = longValue();
            }
            return values;
        }
    }
}
