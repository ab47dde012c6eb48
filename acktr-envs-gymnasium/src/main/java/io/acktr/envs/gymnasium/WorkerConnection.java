package io.acktr.envs.gymnasium;

import static java.util.Objects.requireNonNull;

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
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * The worker process itself and the framing of its protocol: starts {@code gymnasium_worker.py}
 * (carried in this jar) with the configured interpreter, reads its hello, exchanges
 * length-prefixed frames, keeps the last lines of its standard error, kills it when a request
 * outlives the timeout (a watchdog thread) or the JVM ends (a shutdown hook, registered only while
 * it runs), and stops it. After the worker failed (died, timed out, wrote something that is not a
 * frame) every later request fails with the first failure's message. Not thread-safe:
 * {@link GymnasiumProcess} serialises the calls.
 */
final class WorkerConnection {
    static final String SCRIPT = "gymnasium_worker.py";
    private static final int STDERR_LINES = 20;
    /** Larger replies are not frames: something else wrote to the worker's standard output. */
    private static final int MAX_REPLY_BYTES = 1 << 28;
    private static final String INSTALL_HINT = "install it with pip install \"gymnasium[mujoco]\" (or plain gymnasium without "
            + "MuJoCo) for that interpreter, or point acktr.env.gymnasium.python at one that has it";

    private final GymnasiumSettings settings;
    private final String gymnasiumId;
    private final Deque<String> stderrTail = new ArrayDeque<>();
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
    private ByteBuffer request = ByteBuffer.allocate(1 << 12).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] reply = new byte[1 << 12];
    private int lastLength;

    WorkerConnection(GymnasiumSettings settings, String gymnasiumId) {
        this.settings = requireNonNull(settings, "settings is null");
        this.gymnasiumId = requireNonNull(gymnasiumId, "gymnasiumId is null");
    }

    /** Whether the worker runs and has not failed: it can still answer. */
    boolean usable() {
        return process != null && failure == null;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The versions the worker reported (gymnasium, numpy, python); empty before it starts. */
    String versions() {
        return versions;
    }

    /** Starts the worker unless it runs; rethrows the first failure once there was one. */
    void ensureStarted() {
        if (failure != null) {
            throw new GymnasiumWorkerException(failure.getMessage(), failure);
        }
        if (process != null) {
            return;
        }
        String script = readScript();
        ProcessBuilder builder = new ProcessBuilder(settings.python(), "-u", "-c", script);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw fail(true, new GymnasiumWorkerException(GymnasiumSettings.PREFIX + ".python = \"" + settings.python()
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
            throw fail(true, new GymnasiumWorkerException("gymnasium is not importable with " + GymnasiumSettings.PREFIX
                    + ".python = \"" + settings.python() + "\" (" + message + "); " + INSTALL_HINT));
        }
        versions = StandardCharsets.UTF_8.decode(hello).toString();
    }

    /** Starts a request with {@code operation}; the caller appends its body to the returned buffer. */
    ByteBuffer request(char operation) {
        request.clear();
        request.put((byte) operation);
        return request;
    }

    ByteBuffer put(byte[] bytes) {
        return ensureRequest(bytes.length).put(bytes);
    }

    /** The request buffer with room for {@code more} bytes, grown (and so perhaps replaced) when needed. */
    ByteBuffer ensureRequest(int more) {
        if (request.remaining() < more) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(request.capacity() * 2, request.position() + more))
                    .order(ByteOrder.LITTLE_ENDIAN);
            request.flip();
            larger.put(request);
            request = larger;
        }
        return request;
    }

    /**
     * Sends the request being built and returns the reply after its status byte. Python's exception
     * becomes a {@link GymnasiumWorkerException} with its traceback (the worker keeps running, but
     * every later request fails with it); a dead or silent worker is stopped.
     */
    ByteBuffer exchange(String what) {
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
            throw fail(true, died(what));
        }
        ByteBuffer answer = receive(what, false);
        if (answer == null) {
            String traceback = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(reply, 1, lastLength - 1)).toString().strip();
            String[] lines = traceback.split("\n");
            throw fail(false, new GymnasiumWorkerException("gymnasium/" + gymnasiumId + " failed in the " + what + ": "
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
                throw fail(true, new GymnasiumWorkerException("the Gymnasium worker of gymnasium/" + gymnasiumId + " ("
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
            throw fail(true, died(what));
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

    private GymnasiumWorkerException fail(boolean stopWorker, GymnasiumWorkerException e) {
        if (failure == null) {
            failure = e;
        }
        if (stopWorker && process != null) {
            stop();
        }
        return e;
    }

    /** Ends the process: asks it to quit, then terminates it, then kills it; later requests fail. */
    void stop() {
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

    private static String readScript() {
        try (InputStream script = WorkerConnection.class.getResourceAsStream(SCRIPT)) {
            if (script == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the jar of " + WorkerConnection.class.getName());
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
