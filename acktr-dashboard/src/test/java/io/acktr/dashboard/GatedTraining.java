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

    private final CompletableFuture<TrainingSummary> done;
    private long allowed;
    private boolean open;

    /** Starts training {@code totalSteps} on 4 environments (80 steps an update) into {@code runDirectory}. */
    GatedTraining(Path runDirectory, long totalSteps, RunObserver observer, String... overrides) {
        List<String> all = new ArrayList<>(List.of("acktr.run-dir=\"" + runDirectory + "\"", "acktr.total-steps=" + totalSteps,
                "acktr.env.count=4"));
        all.addAll(List.of(overrides));
        var config = ConfigLoader.load(LOADER, Optional.empty(), all);
        done = CompletableFuture.supplyAsync(() -> new TrainingSession(config, LOADER, new GuicePluginLookup(LOADER))
                .train(null, OptionalDouble.empty(), List.of(this), observer), runnable -> {
                    Thread thread = new Thread(runnable, "gated-training");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /** Lets the run go on until it has made {@code updates} updates. */
    synchronized void allow(long updates) {
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
        return done.get(5, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        finish();
    }
}
