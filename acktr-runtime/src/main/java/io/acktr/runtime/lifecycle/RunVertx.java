package io.acktr.runtime.lifecycle;

import io.acktr.runtime.bus.Codecs;
import io.acktr.runtime.bus.Futures;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x instance of one training run: created with the run, with the runtime's codecs
 * registered, and closed with it (its threads are not daemons), failure or not.
 */
final class RunVertx implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final Vertx vertx;

    RunVertx(int workerThreads) {
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(workerThreads)
                // a rollout of a slow environment may hold a worker thread for long: not a blocked thread
                .setMaxWorkerExecuteTime(TimeUnit.MINUTES.toNanos(30))
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false));
        this.vertx = Vertx.vertx(options);
        Codecs.registerAll(vertx.eventBus());
    }

    EventBus eventBus() {
        return vertx.eventBus();
    }

    /** Deploys {@code verticle} as a worker verticle and waits until it started; its start failure is thrown. */
    void deployWorker(Verticle verticle, String what) {
        Futures.await(vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)),
                TIMEOUT_MILLIS, "starting " + what);
    }

    /** Undeploys everything (the workers close their environments) and stops Vert.x's threads. */
    @Override
    public void close() {
        Futures.await(vertx.close(), TIMEOUT_MILLIS, "closing the run's Vert.x instance");
    }
}
