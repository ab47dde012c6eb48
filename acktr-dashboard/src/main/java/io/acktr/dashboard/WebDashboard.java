package io.acktr.dashboard;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bootstrap.DashboardProvider;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.Futures;
import io.acktr.runtime.bus.NodeStatus;
import io.acktr.runtime.bus.RunEnded;
import io.acktr.runtime.bus.StartedRun;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A running dashboard: its board of runs, and the server (a Vert.x instance of its own) that shows
 * it. Told of a live run, it subscribes to the run's metrics address on the run's bus and puts each
 * update on the board as a row; it never sends to that bus, and the learner never waits for it. Told
 * by a coordinator of a cluster's nodes and runs, it puts them on the board ({@link ClusterRuns}).
 */
public final class WebDashboard implements DashboardProvider.LiveDashboard {
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final RunBoard board;
    private final Vertx vertx;
    private final DashboardVerticle verticle;
    private final String url;
    private final ClusterRuns clusterRuns;
    private final List<AutoCloseable> closedFirst = new CopyOnWriteArrayList<>();

    private WebDashboard(RunBoard board, Vertx vertx, DashboardVerticle verticle, String url) {
        this.board = board;
        this.vertx = vertx;
        this.verticle = verticle;
        this.url = url;
        this.clusterRuns = new ClusterRuns(board);
    }

    /**
     * Starts serving on {@code settings}' host and port. A host that is not an address of this
     * machine, or a port in use, fail with an {@link IllegalArgumentException} naming
     * {@code hostFlag} or {@code portFlag}.
     */
    public static WebDashboard start(DashboardSettings settings, String hostFlag, String portFlag) {
        requireNonNull(settings, "settings is null");
        try {
            InetAddress.getByName(settings.host());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(hostFlag + " " + settings.host() + ": not an address of this machine");
        }
        RunBoard board = new RunBoard(settings.maxRowsPerRun());
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        DashboardVerticle verticle = new DashboardVerticle(board, settings.host(), settings.port(), uplotVersion());
        try {
            Futures.await(vertx.deployVerticle(verticle), TIMEOUT_MILLIS, "starting the dashboard");
        } catch (RuntimeException e) {
            Futures.await(vertx.close(), TIMEOUT_MILLIS, "closing the dashboard");
            throw bindFailure(e, settings, hostFlag, portFlag);
        }
        String shownHost = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new WebDashboard(board, vertx, verticle, "http://" + shownHost + ":" + verticle.actualPort() + "/");
    }

    private static RuntimeException bindFailure(RuntimeException e, DashboardSettings settings, String hostFlag,
                                                String portFlag) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof BindException)) {
            cause = cause.getCause();
        }
        if (cause instanceof BindException bind) {
            String message = String.valueOf(bind.getMessage());
            if (message.contains("in use")) {
                return new IllegalArgumentException(portFlag + " " + settings.port() + ": the port is in use on "
                        + settings.host() + "; choose another (0 takes a free one)");
            }
            return new IllegalArgumentException(hostFlag + " " + settings.host() + ", " + portFlag + " " + settings.port()
                    + ": cannot listen there (" + message + ")");
        }
        return e;
    }

    /** Starts one and prints where it is on {@code out}, with a warning when it is not bound to loopback. */
    static WebDashboard startAndAnnounce(DashboardSettings settings, String hostFlag, String portFlag, PrintWriter out) {
        WebDashboard dashboard = start(settings, hostFlag, portFlag);
        out.println("dashboard: " + dashboard.url());
        if (!isLoopback(settings.host())) {
            out.println("dashboard: warning: bound to " + settings.host() + ", not to loopback; it has no authentication,"
                    + " anyone who reaches this address sees the runs and their configuration");
        }
        out.flush();
        return dashboard;
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The version of the uPlot WebJar on the class path, from its Maven metadata. */
    static String uplotVersion() {
        String resource = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
        try (InputStream in = WebDashboard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the class path (" + resource + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    @Override
    public String url() {
        return url;
    }

    RunBoard board() {
        return board;
    }

    @Override
    public void runStarted(StartedRun run, EventBus bus) {
        BoardRun boardRun = board.add(run.name(), run.group(), run.environmentId(), run.seed(), run.totalSteps(), run.node(),
                run.directory(), BoardRun.State.RUNNING);
        bus.<Object>localConsumer(Addresses.metrics(run.runId()), message -> {
            Object body = message.body();
            if (body instanceof UpdateMetrics metrics) {
                board.addRow(boardRun, ProgressRows.of(metrics));
            } else if (body instanceof RunEnded ended) {
                board.end(boardRun, ended.failed());
            }
        });
    }

    @Override
    public void nodeChanged(NodeStatus node) {
        clusterRuns.nodeChanged(node);
    }

    @Override
    public void attemptStarted(StartedRun run, int attempt, String configuration, List<UpdateMetrics> rowsBefore) {
        clusterRuns.attemptStarted(run, attempt, configuration, rowsBefore);
    }

    @Override
    public void rowsArrived(String runId, List<UpdateMetrics> rows) {
        clusterRuns.rowsArrived(runId, rows);
    }

    @Override
    public void runQueued(String runId) {
        clusterRuns.runQueued(runId);
    }

    @Override
    public void runEnded(String runId, boolean failed) {
        clusterRuns.runEnded(runId, failed);
    }

    /** Closes {@code resource} (what feeds the board, e.g. a watch on a cluster) when the dashboard closes, before it. */
    void closeWith(AutoCloseable resource) {
        closedFirst.add(0, requireNonNull(resource, "resource is null"));
    }

    @Override
    public void close() {
        try {
            for (AutoCloseable resource : closedFirst) {
                resource.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot close what feeds the dashboard: " + e, e);
        } finally {
            Futures.await(vertx.close(), TIMEOUT_MILLIS, "closing the dashboard");
        }
    }
}
