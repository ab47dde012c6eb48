package io.acktr.envs.gymnasium;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Python worker process ({@code gymnasium_worker.py}, carried in this jar, started and framed
 * by a {@link WorkerConnection}) that hosts every environment of one Gymnasium id made with one
 * interpreter and one set of keyword arguments: the requests of its protocol (described in the
 * script) and the batching of steps. Environments attach when they are created
 * and detach when closed; the process starts when one is first used, not before, and ends when the
 * last one detaches (or the JVM shuts down: a shutdown hook is registered only while the process
 * runs). A request that takes longer than the timeout kills the process.
 *
 * <p>Steps are batched: {@link #announce} records an environment's next action, and the next
 * {@link #step} of any environment sends its own action together with every announced one in one
 * message; the others' results wait until their own {@code step}. So a vector step of N
 * environments that announces first costs one exchange with Python, not N.
 *
 * <p>After a failure (Python raised, the process died or timed out) the process is stopped, and
 * every later request fails with the first failure's message. Thread-safe: requests are serialised.
 */
final class GymnasiumProcess {
    /** A space and its environments as Python made them. */
    record Made(int handle, Space observationSpace, Space actionSpace, String observationDtype, String actionDtype) {
    }

    private record Prepared(double[] action, StepResult result) {
    }

    private final GymnasiumSettings settings;
    private final String gymnasiumId;
    private final Runnable onClosed;
    private final WorkerConnection connection;
    private final Map<Integer, double[]> announced = new LinkedHashMap<>();
    private final Map<Integer, Prepared> prepared = new HashMap<>();
    private int attached;
    private boolean closed;
    private int observationSize = -1;

    /**
     * @param gymnasiumId the id Gymnasium knows, e.g. {@code Hopper-v5}
     * @param onClosed run once when the process has ended for good (its last environment closed)
     */
    GymnasiumProcess(GymnasiumSettings settings, String gymnasiumId, Runnable onClosed) {
        this.settings = requireNonNull(settings, "settings is null");
        this.gymnasiumId = requireNonNull(gymnasiumId, "gymnasiumId is null");
        this.onClosed = requireNonNull(onClosed, "onClosed is null");
        this.connection = new WorkerConnection(settings, gymnasiumId);
    }

    /** Counts one more environment; false when the process has already ended for good. */
    synchronized boolean attach() {
        if (closed) {
            return false;
        }
        attached++;
        return true;
    }

    /** One environment closed ({@code handle} -1 when it never made one); the last one ends the process. */
    void detach(int handle) {
        boolean last;
        synchronized (this) {
            announced.remove(handle);
            prepared.remove(handle);
            if (handle >= 0 && connection.usable() && attached > 1) {
                try {
                    connection.request('C').putInt(handle);
                    connection.exchange("close of handle " + handle);
                } catch (GymnasiumWorkerException e) {
                    // the process is gone; closing needs nothing more from it
                }
            }
            attached--;
            last = attached == 0 && !closed;
            if (last) {
                closed = true;
                connection.stop();
            }
        }
        if (last) {
            onClosed.run();
        }
    }

    /** The versions the worker reported (gymnasium, numpy, python); starts the worker. */
    synchronized String versions() {
        ensureStarted();
        return connection.versions();
    }

    /** Makes one more environment of the id; the first call starts the worker. */
    synchronized Made make() {
        ensureStarted();
        String json = "{\"id\":" + jsonString(gymnasiumId) + ",\"kwargs\":" + settings.kwargsJson() + "}";
        ByteBuffer body = connection.request('M');
        body = connection.put(json.getBytes(StandardCharsets.UTF_8));
        ByteBuffer answer = connection.exchange("gymnasium.make(\"" + gymnasiumId + "\", **" + settings.kwargsJson() + ")");
        int handle = answer.getInt();
        String[] observationDtype = new String[1];
        String[] actionDtype = new String[1];
        Space observationSpace = readSpace(answer, observationDtype);
        Space actionSpace = readSpace(answer, actionDtype);
        observationSize = observationSpace.flatSize();
        return new Made(handle, observationSpace, actionSpace, observationDtype[0], actionDtype[0]);
    }

    synchronized double[] reset(int handle, boolean seeded, long seed) {
        announced.remove(handle);
        if (prepared.containsKey(handle)) {
            throw new IllegalStateException(describe(handle) + ": reset() while an announced step is pending; "
                    + "an announced step must be taken first");
        }
        connection.request('R').putInt(handle).put((byte) (seeded ? 1 : 0)).putLong(seed);
        ByteBuffer answer = connection.exchange("reset of " + describe(handle));
        return readDoubles(answer, answer.remaining() / Double.BYTES);
    }

    /** Records {@code action} as the next step of {@code handle}, to go with the next batch. */
    synchronized void announce(int handle, double[] action) {
        if (prepared.containsKey(handle)) {
            throw new IllegalStateException(describe(handle) + ": a step was announced twice without being taken");
        }
        announced.put(handle, action.clone());
    }

    /** Steps {@code handle} with {@code action}, together with every announced step. */
    synchronized StepResult step(int handle, double[] action) {
        Prepared ready = prepared.remove(handle);
        if (ready != null) {
            if (!Arrays.equals(ready.action(), action)) {
                throw new IllegalStateException(describe(handle) + ": stepped with " + Arrays.toString(action)
                        + " after announcing " + Arrays.toString(ready.action()) + "; the announced step was already taken");
            }
            return ready.result();
        }
        announced.remove(handle);
        List<Integer> handles = new ArrayList<>(1 + announced.size());
        List<double[]> actions = new ArrayList<>(1 + announced.size());
        handles.add(handle);
        actions.add(action);
        announced.forEach((h, a) -> {
            handles.add(h);
            actions.add(a);
        });
        announced.clear();
        int count = handles.size();
        connection.request('S');
        ByteBuffer body = connection.ensureRequest(Integer.BYTES * (1 + count));
        body.putInt(count);
        for (int h : handles) {
            body.putInt(h);
        }
        for (double[] a : actions) {
            body = connection.ensureRequest(a.length * Double.BYTES);
            for (double v : a) {
                body.putDouble(v);
            }
        }
        ByteBuffer answer = connection.exchange(count == 1 ? "step of " + describe(handle)
                : "vector step of handles " + handles + " of gymnasium/" + gymnasiumId);
        int rewardsAt = answer.position() + count * observationSize * Double.BYTES;
        int flagsAt = rewardsAt + count * Double.BYTES;
        StepResult own = null;
        for (int i = 0; i < count; i++) {
            double[] observation = readDoubles(answer, observationSize);
            double reward = answer.getDouble(rewardsAt + i * Double.BYTES);
            byte flags = answer.get(flagsAt + i);
            StepResult result = new StepResult(observation, reward, (flags & 1) != 0, (flags & 2) != 0);
            if (i == 0) {
                own = result;
            } else {
                prepared.put(handles.get(i), new Prepared(actions.get(i), result));
            }
        }
        return own;
    }

    synchronized RgbFrame render(int handle) {
        connection.request('G').putInt(handle);
        ByteBuffer answer = connection.exchange("render of " + describe(handle));
        int height = answer.getInt();
        int width = answer.getInt();
        byte[] pixels = new byte[width * height * 3];
        if (answer.remaining() != pixels.length) {
            throw new GymnasiumWorkerException(describe(handle) + ": render() returned " + answer.remaining() + " bytes for a "
                    + width + " x " + height + " frame; the bridge takes RGB frames (height, width, 3) only");
        }
        answer.get(pixels);
        return new RgbFrame(width, height, pixels);
    }

    /** Sets {@code env.unwrapped.<name>} to a float64 or float32 array; for conformance tests. */
    synchronized void setAttribute(int handle, String name, double[] values, boolean float32) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        connection.request('T').putInt(handle).putShort((short) bytes.length).put(bytes).put((byte) (float32 ? 1 : 0)).putInt(values.length);
        ByteBuffer body = connection.ensureRequest(values.length * Double.BYTES);
        for (double v : values) {
            body.putDouble(v);
        }
        connection.exchange("setting " + name + " of " + describe(handle));
    }

    /** {@code env.unwrapped.<name>} as float64 values; for conformance tests. */
    synchronized double[] attribute(int handle, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        connection.request('A').putInt(handle).putShort((short) bytes.length).put(bytes);
        ByteBuffer answer = connection.exchange("reading " + name + " of " + describe(handle));
        return readDoubles(answer, answer.getInt());
    }

    /**
     * NumPy's scalar {@code sin} (function 0), {@code cos} (1), float64 {@code x**2} (2) or float32
     * {@code x**2} (3) of {@code x}, which call the C library; for conformance tests.
     */
    synchronized double function(int function, double x) {
        connection.request('F').put((byte) function).putInt(1).putDouble(x);
        return connection.exchange("evaluating function " + function).getDouble();
    }

    /** Every id in Gymnasium's registry. */
    synchronized List<String> registeredIds() {
        ensureStarted();
        connection.request('L');
        ByteBuffer answer = connection.exchange("listing Gymnasium's registry");
        String text = StandardCharsets.UTF_8.decode(answer).toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Whether the worker process is running; for tests. */
    synchronized boolean running() {
        return connection.running();
    }

    /** The worker's process id, or -1 before it starts; for tests. */
    synchronized long pid() {
        return connection.pid();
    }

    private String describe(int handle) {
        return "gymnasium/" + gymnasiumId + " (handle " + handle + ")";
    }

    private void ensureStarted() {
        if (closed) {
            throw new IllegalStateException("the Gymnasium worker of gymnasium/" + gymnasiumId + " was closed with its environments");
        }
        connection.ensureStarted();
    }

    private static double[] readDoubles(ByteBuffer buffer, int count) {
        double[] values = new double[count];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + count * Double.BYTES);
        return values;
    }

    private static Space readSpace(ByteBuffer buffer, String[] dtype) {
        byte kind = buffer.get();
        if (kind == 1) {
            long n = buffer.getLong();
            if (n < 1 || n > Integer.MAX_VALUE) {
                throw new GymnasiumWorkerException("a Discrete space of " + n + " elements cannot be mapped");
            }
            dtype[0] = "int64";
            return new DiscreteSpace((int) n);
        }
        int rank = buffer.get();
        int[] shape = new int[rank];
        int size = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = buffer.getInt();
            size *= shape[i];
        }
        byte[] name = new byte[buffer.get()];
        buffer.get(name);
        dtype[0] = new String(name, StandardCharsets.US_ASCII);
        double[] low = readDoubles(buffer, size);
        double[] high = readDoubles(buffer, size);
        return new BoxSpace(low, high, rank == 0 ? new int[] {1} : shape);
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

}
