package io.acktr.runtime.worker;

import static java.util.Objects.requireNonNull;

import io.acktr.api.policy.Policy;
import io.acktr.runtime.bus.Addresses;
import io.acktr.runtime.bus.ParameterSnapshot;
import io.acktr.runtime.bus.WorkerState;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.Message;
import java.util.function.Supplier;

/**
 * A rollout worker: a worker verticle (its handlers run on a Vert.x worker thread, one at a time,
 * never on an event loop) that owns a slice of the run's environments and a read-only copy of the
 * policy. For each {@link ParameterSnapshot} on its address ({@link Addresses#rolloutWorker}) it copies the
 * parameters in, steps its slice and replies with the {@link io.acktr.runtime.bus.RolloutPart};
 * a failure is replied as one, naming the worker and the environment. Between two rollouts it
 * answers on {@link Addresses#workerState} of its address with its slice's state, for a checkpoint.
 */
public final class RolloutWorker extends AbstractVerticle {
    /** The failure code of a reply whose rollout failed. */
    public static final int ROLLOUT_FAILED = 1;

    private final String address;
    private final int index;
    private final Supplier<RolloutCollector> collectorFactory;
    private final Policy policy;
    private RolloutCollector collector;
    private volatile long lastActiveNanos = System.nanoTime();

    /**
     * @param address where the learner sends its snapshots
     * @param index the worker's place in the run, for messages
     * @param collectorFactory creates the worker's environments, on the worker's thread at start
     * @param policy the worker's own policy, of the learner's architecture, whose parameters each snapshot overwrites
     */
    public RolloutWorker(String address, int index, Supplier<RolloutCollector> collectorFactory, Policy policy) {
        this.address = requireNonNull(address, "address is null");
        this.index = index;
        this.collectorFactory = requireNonNull(collectorFactory, "collectorFactory is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    @Override
    public void start(Promise<Void> started) {
        collector = collectorFactory.get();
        vertx.eventBus().<Integer>consumer(Addresses.workerState(address),
                message -> message.reply(new WorkerState(index, collector.saveState())));
        vertx.eventBus().<ParameterSnapshot>consumer(address, this::rollout)
                .completionHandler(started);
    }

    private void rollout(Message<ParameterSnapshot> message) {
        ParameterSnapshot snapshot = message.body();
        lastActiveNanos = System.nanoTime();
        try {
            snapshot.copyInto(policy);
            message.reply(collector.collect(policy, snapshot.version(), snapshot.wrapperStatistics()));
        } catch (RuntimeException e) {
            String reason = e instanceof EnvironmentFailedException ? e.getMessage() : e.toString();
            message.fail(ROLLOUT_FAILED, "rollout worker " + index + " failed at update " + snapshot.version() + ": " + reason);
        } finally {
            lastActiveNanos = System.nanoTime();
        }
    }

    /** When the worker last started or ended a rollout ({@link System#nanoTime()}). */
    public long lastActiveNanos() {
        return lastActiveNanos;
    }

    @Override
    public void stop() {
        if (collector != null) {
            collector.close();
        }
    }
}
