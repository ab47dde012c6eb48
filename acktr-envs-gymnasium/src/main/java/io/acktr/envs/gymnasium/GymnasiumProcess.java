package io.acktr.envs.gymnasium;

import static java.util.Objects.requireNonNull;

import io.acktr.api.env.BoxSpace;
import io.acktr.api.env.DiscreteSpace;
import io.acktr.api.env.RgbFrame;
import io.acktr.api.env.Space;
import io.acktr.api.env.StepResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Python worker process ({@code gymnasium_worker.py}, carried in this jar) that hosts every
 * environment of one Gymnasium id made with one interpreter and one set of keyword arguments, and
 * the Java end of its protocol (described in the script). Environments attach when they are created
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
    static final String SCRIPT = "gymnasium_worker.py";
    private static final int STDERR_LINES = 20;
    /** Larger replies are not frames: something else wrote to the worker's standard output. */
    private static final int MAX_REPLY_BYTES = 1 << 28;
    private static final String INSTALL_HINT = "install it with pip install \"gymnasium[mujoco]\" (or plain gymnasium without "
            + "MuJoCo) for that interpreter, or point acktr.env.gymnasium.python at one that has it";

    /** A space and its environments as Python made them. */
    record Made(int handle, Space observationSpace, Space actionSpace, String observationDtype, String actionDtype) {
    }

    private record Prepared(double[] action, StepResult result) {
    }

    private final GymnasiumSettings settings;
    private final String gymnasiumId;
    private final Runnable onClosed;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Map<Integer, double[]> announced = new LinkedHashMap<>();
    private final Map<Integer, Prepared> prepared = new HashMap<>();

    private int attached;
    private boolean closed;
    private Process process;
    private DataInputStream in;
    private OutputStream out;
    private Thread stderrReader;
    private Thread watchdog;
    private Thread shutdownHook;
    private volatile long deadline = Long.MAX_VALUE;
    private volatile boolean timedOut;
    private GymnasiumWorkerException failure;
    private String versions = "";
    private int observationSize = -1;
    private ByteBuffer request = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] reply = new byte[1 << 12];
    private int lastLength;

    /**
     * @param gymnasiumId the id Gymnasium knows, e.g. {@code Hopper-v5}
     * @param onClosed run once when the process has ended for good (its last environment closed)
     */
    GymnasiumProcess(GymnasiumSettings settings, String gymnasiumId, Runnable onClosed) {
        this.settings = requireNonNull(settings, "settings is null");
        this.gymnasiumId = requireNonNull(gymnasiumId, "gymnasiumId is null");
        this.onClosed = requireNonNull(onClosed, "onClosed is null");
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
            if (handle >= 0 && process != null && failure == null && attached > 1) {
                try {
                    request('C').putInt(handle);
                    exchange("close of handle " + handle);
                } catch (GymnasiumWorkerException e) {
                    // the process is gone; closing needs nothing more from it
                }
            }
            attached--;
            last = attached == 0 && !closed;
            if (last) {
                closed = true;
                stop();
            }
        }
        if (last) {
            onClosed.run();
        }
    }

    /** The versions the worker reported (gymnasium, numpy, python); starts the worker. */
    synchronized String versions() {
        ensureStarted();
        return versions;
    }

    /** Makes one more environment of the id; the first call starts the worker. */
    synchronized Made make() {
        ensureStarted();
        String json = "{\"id\":" + jsonString(gymnasiumId) + ",\"kwargs\":" + settings.kwargsJson() + "}";
        ByteBuffer body = request('M');
        body = put(json.getBytes(StandardCharsets.UTF_8));
        ByteBuffer answer = exchange("gymnasium.make(\"" + gymnasiumId + "\", **" + settings.kwargsJson() + ")");
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
        request('R').putInt(handle).put((byte) (seeded ? 1 : 0)).putLong(seed);
        ByteBuffer answer = exchange("reset of " + describe(handle));
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
        ByteBuffer body = request('S');
        body.putInt(count);
        for (int h : handles) {
            body.putInt(h);
        }
        for (double[] a : actions) {
            body = ensureRequest(a.length * Double.BYTES);
            for (double v : a) {
                body.putDouble(v);
            }
        }
        ByteBuffer answer = exchange(count == 1 ? "step of " + describe(handle)
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
        request('G').putInt(handle);
        ByteBuffer answer = exchange("render of " + describe(handle));
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
        request('T').putInt(handle).putShort((short) bytes.length).put(bytes).put((byte) (float32 ? 1 : 0)).putInt(values.length);
        ByteBuffer body = ensureRequest(values.length * Double.BYTES);
        for (double v : values) {
            body.putDouble(v);
        }
        exchange("setting " + name + " of " + describe(handle));
    }

    /** {@code env.unwrapped.<name>} as float64 values; for conformance tests. */
    synchronized double[] attribute(int handle, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        request('A').putInt(handle).putShort((short) bytes.length).put(bytes);
        ByteBuffer answer = exchange("reading " + name + " of " + describe(handle));
        return readDoubles(answer, answer.getInt());
    }

    /**
     * NumPy's scalar {@code sin} (function 0), {@code cos} (1), float64 {@code x**2} (2) or float32
     * {@code x**2} (3) of {@code x}, which call the C library; for conformance tests.
     */
    synchronized double function(int function, double x) {
        request('F').put((byte) function).putInt(1).putDouble(x);
        return exchange("evaluating function " + function).getDouble();
    }

    /** Every id in Gymnasium's registry. */
    synchronized List<String> registeredIds() {
        ensureStarted();
        request('L');
        ByteBuffer answer = exchange("listing Gymnasium's registry");
        String text = StandardCharsets.UTF_8.decode(answer).toString();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Whether the worker process is running; for tests. */
    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The worker's process id, or -1 before it starts; for tests. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private String describe(int handle) {
        return "gymnasium/" + gymnasiumId + " (handle " + handle + ")";
    }

    private void ensureStarted() {
        if (failure != null) {
            throw new GymnasiumWorkerException(failure.getMessage(), failure);
        }
        if (closed) {
            throw new IllegalStateException("the Gymnasium worker of gymnasium/" + gymnasiumId + " was closed with its environments");
        }
        if (process != null) {
            return;
        }
        String script = readScript();
        ProcessBuilder builder = new ProcessBuilder(settings.python(), "-u", "-c", script);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw fail(new GymnasiumWorkerException(GymnasiumSettings.PREFIX + ".python = \"" + settings.python()
                    + "\": cannot start the interpreter for gymnasium/" + gymnasiumId + " (" + e.getMessage() + "); "
                    + "install Python 3 with gymnasium (pip install \"gymnasium[mujoco]\") or set the setting to its path", e));
        }
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        stderrReader = new Thread(this::drainStderr, "gymnasium-worker-stderr-" + process.pid());
        stderrReader.setDaemon(true);
        stderrReader.start();
        watchdog = new Thread(this::watch, "gymnasium-worker-watchdog-" + process.pid());
        watchdog.setDaemon(true);
        watchdog.start();
        Process started = process;
        shutdownHook = new Thread(() -> started.destroyForcibly(), "gymnasium-worker-shutdown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        ByteBuffer hello = receive("start of the worker", true);
        if (hello == null) {
            String message = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(reply, 1, lastLength - 1)).toString();
            throw fail(new GymnasiumWorkerException("gymnasium is not importable with " + GymnasiumSettings.PREFIX
                    + ".python = \"" + settings.python() + "\" (" + message + "); " + INSTALL_HINT));
        }
        versions = StandardCharsets.UTF_8.decode(hello).toString();
    }

    private ByteBuffer request(char operation) {
        request.clear();
        request.put((byte) operation);
        return request;
    }

    private ByteBuffer put(byte[] bytes) {
        return ensureRequest(bytes.length).put(bytes);
    }

    private ByteBuffer ensureRequest(int more) {
        if (request.remaining() < more) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(request.capacity() * 2, request.position() + more))
                    .order(ByteOrder.LITTLE_ENDIAN);
            request.flip();
            larger.put(request);
            request = larger;
        }
        return request;
    }

    /** Sends the request being built and returns the reply after its status byte. */
    private ByteBuffer exchange(String what) {
        ensureStarted();
        try {
            deadline = System.nanoTime() + settings.timeout().toNanos();
            int length = request.position();
            out.write(length);
            out.write(length >>> 8);
            out.write(length >>> 16);
            out.write(length >>> 24);
            out.write(request.array(), 0, length);
            out.flush();
        } catch (IOException e) {
            throw fail(died(what));
        }
        ByteBuffer answer = receive(what, false);
        if (answer == null) {
            String traceback = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(reply, 1, lastLength - 1)).toString().strip();
            String[] lines = traceback.split("\n");
            throw fail(new GymnasiumWorkerException("gymnasium/" + gymnasiumId + " failed in the " + what + ": "
                    + lines[lines.length - 1] + "\nPython raised:\n" + traceback));
        }
        return answer;
    }

    /** The next reply after its status byte, or null for an error reply (its text is in {@link #reply}). */
    private ByteBuffer receive(String what, boolean setDeadline) {
        try {
            if (setDeadline) {
                deadline = System.nanoTime() + settings.timeout().toNanos();
            }
            int length = Integer.reverseBytes(in.readInt());
            if (length < 1 || length > MAX_REPLY_BYTES) {
                deadline = Long.MAX_VALUE;
                throw fail(new GymnasiumWorkerException("the Gymnasium worker of gymnasium/" + gymnasiumId + " ("
                        + settings.python() + ", pid " + process.pid() + ") answered the " + what + " with something that is "
                        + "not a reply (a frame of " + Integer.toUnsignedString(length) + " bytes): has something written to its "
                        + "standard output before the worker started? Its last stderr lines:\n" + stderrTail()));
            }
            if (reply.length < length) {
                reply = new byte[Math.max(length, reply.length * 2)];
            }
            in.readFully(reply, 0, length);
            lastLength = length;
        } catch (IOException e) {
            throw fail(died(what));
        } finally {
            deadline = Long.MAX_VALUE;
        }
        if (reply[0] == 'e') {
            return null;
        }
        return ByteBuffer.wrap(reply, 1, lastLength - 1).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private GymnasiumWorkerException died(String what) {
        Process dead = process;
        Integer exitCode = null;
        try {
            if (dead.waitFor(5, TimeUnit.SECONDS)) {
                exitCode = dead.exitValue();
            }
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String how = timedOut ? "did not answer within " + settings.timeout().toMillis() / 1000.0 + " s ("
                + GymnasiumSettings.PREFIX + ".timeout) and was killed"
                : "ended with exit code " + (exitCode == null ? "unknown" : exitCode.toString());
        return new GymnasiumWorkerException("the Gymnasium worker of gymnasium/" + gymnasiumId + " (" + settings.python() + ", pid "
                + dead.pid() + ") " + how + " during the " + what + "; its last stderr lines:\n" + stderrTail());
    }

    private GymnasiumWorkerException fail(GymnasiumWorkerException e) {
        if (failure == null) {
            failure = e;
        }
        if (process != null && !(e.getMessage().contains("Python raised"))) {
            stop();
        }
        return e;
    }

    /** Ends the process: asks it to quit, then terminates it, then kills it. */
    private void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            if (running.isAlive()) {
                try {
                    out.write(new byte[] {1, 0, 0, 0, 'Q'});
                    out.flush();
                    out.close();
                } catch (IOException e) {
                    // already gone
                }
                if (!running.waitFor(2, TimeUnit.SECONDS)) {
                    running.destroy();
                    if (!running.waitFor(2, TimeUnit.SECONDS)) {
                        running.destroyForcibly();
                        running.waitFor(2, TimeUnit.SECONDS);
                    }
                }
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down; the hook kills the process
                }
                shutdownHook = null;
            }
            if (watchdog != null) {
                watchdog.interrupt();
            }
            if (failure == null) {
                failure = new GymnasiumWorkerException("the Gymnasium worker of gymnasium/" + gymnasiumId + " was stopped");
            }
        }
    }

    private void watch() {
        Process watched = process;
        while (watched.isAlive()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            long due = deadline;
            if (due != Long.MAX_VALUE && System.nanoTime() - due > 0) {
                timedOut = true;
                watched.destroyForcibly();
                return;
            }
        }
    }

    private void drainStderr() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "  (none)" : "  " + String.join("\n  ", stderrTail);
        }
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

    private static String readScript() {
        try (InputStream script = GymnasiumProcess.class.getResourceAsStream(SCRIPT)) {
            if (script == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the jar of " + GymnasiumProcess.class.getName());
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
