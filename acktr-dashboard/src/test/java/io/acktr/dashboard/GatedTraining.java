package io.acktr.dashboard;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.acktr.runtime.bootstrap.GuicePluginLookup;
import io.acktr.runtime.bus.RunObserver;
import io.acktr.runtime.learner.TrainingSummary;
import io.acktr.runtime.lifecycle.TrainingSession;
import io.acktr.runtime.settings.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real, short CartPole-v1 training on a thread of its own, which stops after the updates the
 * test allows: its listener holds the run (the learner waits for its listeners) until more are.
 */
final class GatedTraining implements TrainingListener, AutoCloseable {
    private static final ClassLoader LOADER = GatedTraining.class.getClassLoader();

    private final com.typesafe.config.Config config;
    private final RunObserver observer;
    private CompletableFuture<TrainingSummary> done;
    private long allowed;
    private boolean open;

    /** A training of {@code totalSteps} on 4 environments (80 steps an update) into {@code runDirectory}, started by {@link #allow}. */
    GatedTraining(Path runDirectory, long totalSteps, RunObserver observer, String... overrides) {
        List<String> all = new ArrayList<>(List.of("acktr.run-dir=\"" + runDirectory + "\"", "acktr.total-steps=" + totalSteps,
                "acktr.env.count=4"));
        all.addAll(List.of(overrides));
        this.config = ConfigLoader.load(LOADER, Optional.empty(), all);
        this.observer = observer;
    }

    private synchronized void startOnce() {
        if (done != null) {
            return;
        }
        done = CompletableFuture.supplyAsync(() -> new TrainingSession(config, LOADER, new GuicePluginLookup(LOADER))
                .train(null, OptionalDouble.empty(), List.of(this), observer), runnable -> {
                    Thread thread = new Thread(runnable, "gated-training");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** Lets the run go on until it has made {@code updates} updates. */
    synchronized void allow(long updates) {
        startOnce();
        allowed = updates;
        notifyAll();
    }

    /** Lets the run finish. */
    synchronized void open() {
        open = true;
        notifyAll();
    }

    @Override
    public synchronized void onUpdate(UpdateMetrics metrics) {
        while (!open && metrics.updates() >= allowed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    TrainingSummary finish() throws Exception {
        open();
        CompletableFuture<TrainingSummary> started;
        synchronized (this) {
            started = done;
        }
        return started == null ? null : started.get(5, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        finish();
    }
}
