package io.acktr.dashboard;

import io.acktr.runtime.bus.Futures;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, driven through its DevTools protocol over a WebSocket (Vert.x's
 * client): one page stays open, so what it shows changes only through its own scripts and the
 * event stream. Bound to 127.0.0.1; the browser and its processes end with {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 30_000;

    private final Process process;
    private final Vertx vertx = Vertx.vertx();
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    /** The chromium of {@code ACKTR_CHROMIUM}, or {@code chromium} on the PATH. */
    static Optional<Path> find() {
        String named = System.getenv("ACKTR_CHROMIUM");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(p -> !p.isBlank())
                .flatMap(p -> Stream.of(Path.of(p, "chromium"), Path.of(p, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
    }

    HeadlessChromium(Path chromium, Path profile, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        process = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IllegalStateException("chromium did not open its DevTools port; see " + profile.resolve("chromium.log"));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        WebClient client = WebClient.create(vertx);
        JsonArray targets = Futures.await(client.get(port, "127.0.0.1", "/json/list").send(), TIMEOUT_MILLIS, "DevTools targets")
                .bodyAsJsonArray();
        String page = targets.stream().map(JsonObject.class::cast).filter(t -> "page".equals(t.getString("type")))
                .findFirst().orElseThrow(() -> new IllegalStateException("chromium has no page: " + targets))
                .getString("webSocketDebuggerUrl");
        // a screenshot comes as one base64 message of megabytes
        WebSocketClient webSockets = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
                .setMaxFrameSize(64 << 20).setMaxMessageSize(64 << 20));
        URI uri = URI.create(page);
        socket = Futures.await(webSockets.connect(uri.getPort(), uri.getHost(), uri.getPath()), TIMEOUT_MILLIS, "DevTools socket");
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            CompletableFuture<JsonObject> answer = message.containsKey("id") ? pending.remove(message.getInteger("id")) : null;
            if (answer != null) {
                answer.complete(message);
            }
        });
    }

    /** Sends a DevTools command and returns its result. */
    JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
        JsonObject message = answer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (message.containsKey("error")) {
            throw new IllegalStateException(method + ": " + message.getJsonObject("error"));
        }
        return message.getJsonObject("result");
    }

    void open(String url) throws Exception {
        call("Page.enable", new JsonObject());
        call("Page.navigate", new JsonObject().put("url", url));
    }

    /** The value of a JavaScript expression in the page, as a string (null while it fails). */
    String evaluate(String expression) throws Exception {
        JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression).put("returnByValue", true));
        if (result.containsKey("exceptionDetails")) {
            return null;
        }
        Object value = result.getJsonObject("result").getValue("value");
        return value == null ? null : value.toString();
    }

    /** A PNG of the page as it is now. */
    void screenshot(Path file) throws Exception {
        call("Page.bringToFront", new JsonObject());
        String png = call("Page.captureScreenshot", new JsonObject().put("format", "png").put("captureBeyondViewport", false))
                .getString("data");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Futures.await(vertx.close(), TIMEOUT_MILLIS, "closing the DevTools client");
    }
}
