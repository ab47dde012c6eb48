package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.lifecycle.ProgressCsvWriter;
import io.acktr.runtime.lifecycle.RunDirectory;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The dashboard's web server: the page and its scripts, uPlot from its WebJar, the JSON of the
 * board's runs, and an event stream ({@code text/event-stream}) of their new rows and states.
 * Read-only: only GET routes, nothing reaches the runs' buses from the page. A run's files are
 * found by the board's run id and a fixed list of file names, never by a path from the URL.
 *
 * <ul>
 *   <li>{@code GET /api/runs}: {@code {columns, maxRowsPerRun, runs: [{id, name, group, env, seed, node, attempt,
 *       state, totalSteps, steps, updates, meanReturn}]}}</li>
 *   <li>{@code GET /api/nodes}: {@code {nodes: [{id, host, slots, busy, runs: [name], lost}]}}, the nodes of the
 *       cluster watched, if any</li>
 *   <li>{@code GET /api/runs/:id/progress}: {@code {id, rows: [[value per column]]}}, null for a missing value</li>
 *   <li>{@code GET /api/runs/:id/config}: the run's resolved configuration, {@code config.conf} (of a run on a
 *       node of a cluster: as its coordinator sent it, until the run's folder has it)</li>
 *   <li>{@code GET /api/runs/:id/files/:name}: {@code config.conf} or {@code progress.csv} as they are</li>
 *   <li>{@code GET /api/events}: events {@code run} (a run's summary, when it comes, moves or ends),
 *       {@code row} ({@code {id, row}}) and {@code node} (a node, when it comes or changes)</li>
 * </ul>
 */
final class DashboardVerticle extends AbstractVerticle {
    static final String UPLOT_ROOT = "META-INF/resources/webjars/uplot/";
    private static final String WEB_ROOT = "io/acktr/dashboard/web";
    private static final Pattern RUN_ID = Pattern.compile("r[0-9]{1,9}");
    private static final List<String> RUN_FILES = List.of(RunDirectory.CONFIG_FILE, ProgressCsvWriter.FILE_NAME);
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final RunBoard board;
    private final String host;
    private final int port;
    private final String uplotVersion;
    private final Set<HttpServerResponse> streams = new LinkedHashSet<>();
    private HttpServer server;

    DashboardVerticle(RunBoard board, String host, int port, String uplotVersion) {
        this.board = requireNonNull(board, "board is null");
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.uplotVersion = requireNonNull(uplotVersion, "uplotVersion is null");
    }

    /** The port it listens on (the one chosen when asked for 0). */
    int actualPort() {
        return server.actualPort();
    }

    @Override
    public void start(Promise<Void> started) {
        Router router = Router.router(vertx);
        router.route().handler(this::headers);
        router.get("/api/runs").handler(this::runs);
        router.get("/api/nodes").handler(ctx -> {
            JsonArray nodes = new JsonArray();
            board.nodes().forEach(node -> nodes.add(node(node)));
            json(ctx, new JsonObject().put("nodes", nodes));
        });
        router.get("/api/runs/:id/progress").handler(ctx -> withRun(ctx, run -> progress(ctx, run)));
        router.get("/api/runs/:id/config").handler(ctx -> withRun(ctx, run -> file(ctx, run, RunDirectory.CONFIG_FILE)));
        router.get("/api/runs/:id/files/:name").handler(ctx -> withRun(ctx, run -> {
            String name = ctx.pathParam("name");
            if (!RUN_FILES.contains(name)) {
                ctx.response().setStatusCode(404).end("no such file of a run: one of " + RUN_FILES);
                return;
            }
            file(ctx, run, name);
        }));
        router.get("/api/events").handler(this::events);
        router.get("/uplot/*").handler(StaticHandler.create(UPLOT_ROOT + uplotVersion + "/dist").setCachingEnabled(false));
        router.get("/*").handler(StaticHandler.create(WEB_ROOT).setCachingEnabled(false).setIndexPage("index.html"));

        Context context = vertx.getOrCreateContext();
        board.listen(new RunBoard.Listener() {
            @Override
            public void runChanged(BoardRun run) {
                JsonObject summary = summary(run); // here: a stored run's reads its progress.csv
                context.runOnContext(v -> broadcast("run", summary));
            }

            @Override
            public void rowAdded(BoardRun run, double[] row) {
                JsonObject event = new JsonObject().put("id", run.id()).put("row", json(row));
                context.runOnContext(v -> broadcast("row", event));
            }

            @Override
            public void nodeChanged(NodeStatus node) {
                JsonObject event = node(node);
                context.runOnContext(v -> broadcast("node", event));
            }
        });
        vertx.setPeriodic(HEARTBEAT_MILLIS, id -> streams.forEach(s -> s.write(": still here\n\n")));
        vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> {
            server = s;
            started.complete();
        }).onFailure(started::fail);
    }

    @Override
    public void stop() {
        streams.forEach(HttpServerResponse::end);
        streams.clear();
    }

    private void headers(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
            ctx.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end("read-only");
            return;
        }
        ctx.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'");
        ctx.next();
    }

    private void runs(RoutingContext ctx) {
        vertx.<JsonArray>executeBlocking(() -> { // a stored run's summary reads its progress.csv
            JsonArray runs = new JsonArray();
            board.runs().forEach(run -> runs.add(summary(run)));
            return runs;
        }, false).onSuccess(runs -> json(ctx, new JsonObject().put("columns", new JsonArray(ProgressRows.COLUMNS))
                .put("maxRowsPerRun", board.maxRowsPerRun()).put("runs", runs))).onFailure(ctx::fail);
    }

    private void progress(RoutingContext ctx, BoardRun run) {
        vertx.<JsonArray>executeBlocking(() -> {
            JsonArray rows = new JsonArray();
            run.rows().forEach(row -> rows.add(json(row)));
            return rows;
        }, false).onSuccess(rows -> json(ctx, new JsonObject().put("id", run.id()).put("rows", rows))).onFailure(ctx::fail);
    }

    private void file(RoutingContext ctx, BoardRun run, String name) {
        Path file = run.directory().resolve(name);
        vertx.<Optional<String>>executeBlocking(() -> {
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                return name.equals(RunDirectory.CONFIG_FILE) ? run.configuration() : Optional.<String>empty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, false).onSuccess(text -> {
            if (text.isEmpty()) {
                ctx.response().setStatusCode(404).end("run " + run.id() + " has no " + name);
            } else {
                ctx.response().putHeader("Content-Type", (name.endsWith(".csv") ? "text/csv" : "text/plain") + "; charset=utf-8")
                        .putHeader("Cache-Control", "no-store").end(text.get());
            }
        }).onFailure(ctx::fail);
    }

    private void withRun(RoutingContext ctx, java.util.function.Consumer<BoardRun> action) {
        String id = ctx.pathParam("id");
        if (id == null || !RUN_ID.matcher(id).matches()) {
            ctx.response().setStatusCode(400).end("a run id is r followed by its number, e.g. r1");
            return;
        }
        Optional<BoardRun> run = board.run(id);
        if (run.isEmpty()) {
            ctx.response().setStatusCode(404).end("no run " + id);
            return;
        }
        action.accept(run.get());
    }

    private void events(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .write("retry: 2000\n: acktr dashboard\n\n");
        streams.add(response);
        response.closeHandler(v -> streams.remove(response));
    }

    /** Sends an event to every open stream; a stream whose reader is behind skips it (the page reloads rows it lacks). */
    private void broadcast(String event, JsonObject data) {
        if (streams.isEmpty()) {
            return;
        }
        String text = "event: " + event + "\ndata: " + data.encode() + "\n\n";
        for (HttpServerResponse stream : streams) {
            if (!stream.writeQueueFull()) {
                stream.write(text);
            }
        }
    }

    static JsonObject summary(BoardRun run) {
        double[] last = run.lastRow();
        return new JsonObject().put("id", run.id()).put("name", run.name()).put("group", run.group())
                .put("env", run.environmentId()).put("seed", run.seed()).put("node", run.node()).put("attempt", run.attempt())
                .put("state", run.state().name().toLowerCase(java.util.Locale.ROOT)).put("totalSteps", run.totalSteps())
                .put("steps", last == null ? 0 : (long) last[ProgressRows.ENV_STEPS])
                .put("updates", last == null ? 0 : (long) last[ProgressRows.UPDATES])
                .put("meanReturn", last == null ? null : number(last[ProgressRows.MEAN_RETURN]));
    }

    static JsonObject node(NodeStatus node) {
        return new JsonObject().put("id", node.nodeId()).put("host", node.host()).put("slots", node.slots())
                .put("busy", node.busy()).put("runs", new JsonArray(node.runs())).put("lost", node.lost());
    }

    private static JsonArray json(double[] row) {
        JsonArray values = new JsonArray();
        for (double v : row) {
            values.add(number(v));
        }
        return values;
    }

    /** JSON has no NaN or infinity: those are null. */
    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
