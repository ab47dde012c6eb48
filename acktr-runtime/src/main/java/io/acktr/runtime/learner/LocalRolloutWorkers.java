package io.acktr.runtime.learner;

import static java.util.Objects.requireNonNull;

import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.Futures;
import io.acktr.runtime.bus.ParameterSnapshot;
import io.acktr.runtime.bus.RolloutPart;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.util.ArrayList;
import java.util.List;
import io.acktr.api.state.SavedState;
import io.acktr.runtime.bus.WorkerState;

/**
 * Rollout workers deployed on the run's own event bus, worker {@code w} on
 * {@link Addresses#rolloutWorker(String, int)}; their verticles end with the run's Vert.x.
 */
public final class LocalRolloutWorkers implements RolloutWorkers {
    private final EventBus bus;
    private final String runId;
    private final int count;

    public LocalRolloutWorkers(EventBus bus, String runId, int count) {
        this.bus = requireNonNull(bus, "bus is null");
        this.runId = requireNonNull(runId, "runId is null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        this.count = count;
    }

    @Override
    public int count() {
        return count;
    }

    /** Asks every worker for its part, then waits for them in worker order. */
    @Override
    public List<RolloutPart> collect(ParameterSnapshot snapshot) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(Learner.TIMEOUT_MILLIS);
        List<Future<Message<RolloutPart>>> replies = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            replies.add(bus.request(Addresses.rolloutWorker(runId, w), snapshot, options));
        }
        List<RolloutPart> parts = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            try {
                parts.add(Futures.await(replies.get(w), Learner.TIMEOUT_MILLIS, "the rollout of worker " + w).body());
            } catch (ReplyException e) {
                throw new RolloutFailedException(e.getMessage(), e);
            }
        }
        return parts;
    }

    /** Asks every worker, on {@link Addresses#rolloutWorkerState}, for its slice's state; from a thread outside Vert.x. */
    @Override
    public SavedState state() {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(Learner.TIMEOUT_MILLIS);
        List<Future<Message<WorkerState>>> replies = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            replies.add(bus.request(Addresses.rolloutWorkerState(runId, w), w, options));
        }
        SavedState state = SavedState.empty();
        for (int w = 0; w < count; w++) {
            state = state.with("", Futures.await(replies.get(w), Learner.TIMEOUT_MILLIS, "the state of worker " + w).body().state());
        }
        return state;
    }

    @Override
    public void close() {
        // the verticles are undeployed with the run's Vert.x
    }
}
