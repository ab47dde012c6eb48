package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Optional;

/**
 * Delivers what the learner publishes on {@link Addresses#metrics} to the run's own
 * {@link TrainingListener}s (progress.csv, the console, plugins' listeners, the checkpoint writer
 * last), in order, on a worker thread, and tells the learner on {@link Addresses#listenersDone}
 * when an update, or the run, has been handled. The first exception a listener throws is reported
 * there; the learner then ends the run, and every listener still gets {@code onEnd}.
 */
public final class ListenerSubscriber extends AbstractVerticle {
    private final String runId;
    private final List<TrainingListener> listeners;
    private String failure;

    public ListenerSubscriber(String runId, List<TrainingListener> listeners) {
        this.runId = requireNonNull(runId, "runId is null");
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.eventBus().consumer(Addresses.metrics(runId), this::handle).completionHandler(started);
    }

    private void handle(Message<Object> message) {
        Object body = message.body();
        if (body instanceof EpisodeEnded episode) {
            notifyAll(l -> l.onEpisode(episode.episodeReturn(), episode.episodeLength()));
        } else if (body instanceof UpdateMetrics metrics) {
            notifyAll(l -> l.onUpdate(metrics));
            done(metrics.updates(), false);
        } else if (body instanceof RunEnded ended) {
            for (TrainingListener listener : listeners) {
                try {
                    if (listener instanceof RunEndListener aware) {
                        aware.onEnd(ended);
                    } else {
                        listener.onEnd();
                    }
                } catch (RuntimeException e) {
                    remember(listener, e);
                }
            }
            done(ended.updates(), true);
        }
    }

    private void notifyAll(java.util.function.Consumer<TrainingListener> call) {
        if (failure != null) {
            return; // the learner is ending the run
        }
        for (TrainingListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                remember(listener, e);
                return;
            }
        }
    }

    private void remember(TrainingListener listener, RuntimeException e) {
        if (failure == null) {
            failure = listener.getClass().getName() + " failed: " + e;
        }
    }

    private void done(long updates, boolean runEnded) {
        vertx.eventBus().send(Addresses.listenersDone(runId), new ListenersDone(updates, runEnded, Optional.ofNullable(failure)));
    }
}
