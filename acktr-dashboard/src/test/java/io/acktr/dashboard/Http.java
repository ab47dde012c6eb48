package io.acktr.dashboard;

import io.acktr.runtime.bus.Futures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.function.BooleanSupplier;

/** Vert.x's web client against a dashboard on 127.0.0.1, waiting for each answer. */
final class Http implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final HttpClient raw;
    private final int port;

    Http(String url) {
        URI uri = URI.create(url);
        this.port = uri.getPort();
        this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        this.raw = vertx.createHttpClient();
    }

    HttpResponse<Buffer> get(String path) {
        return Futures.await(client.get(path).send(), TIMEOUT_MILLIS, "GET " + path);
    }

    JsonObject json(String path) {
        HttpResponse<Buffer> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.bodyAsJsonObject();
    }

    /** The status of a request sent with exactly this path, not normalised by the client. */
    int status(HttpMethod method, String rawPath) {
        return Futures.await(raw.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(rawPath))
                .compose(request -> request.send()).map(HttpClientResponse::statusCode), TIMEOUT_MILLIS, method + " " + rawPath);
    }

    /** Opens the event stream; what arrives is appended to {@code received}. */
    HttpClientResponse stream(String path, StringBuffer received) {
        return Futures.await(raw.request(HttpMethod.GET, port, "127.0.0.1", path).compose(request -> request.send())
                .onSuccess(response -> response.handler(chunk -> received.append(chunk.toString()))), TIMEOUT_MILLIS, "GET " + path);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, condition, 60);
    }

    static void await(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        Futures.await(vertx.close(), TIMEOUT_MILLIS, "closing the test client");
    }
}
