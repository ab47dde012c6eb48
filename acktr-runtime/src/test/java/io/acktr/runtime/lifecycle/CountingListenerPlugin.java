package io.acktr.runtime.lifecycle;

import io.acktr.api.AcktrPlugin;
import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A plugin, listed in this test tree's services file, that contributes a training listener. */
public final class CountingListenerPlugin implements AcktrPlugin {
    static final AtomicLong UPDATES = new AtomicLong();
    static final AtomicLong ENDS = new AtomicLong();

    @Override
    public List<TrainingListener> trainingListeners() {
        return List.of(new TrainingListener() {
            @Override
            public void onUpdate(UpdateMetrics metrics) {
                UPDATES.incrementAndGet();
            }

            @Override
            public void onEnd() {
                ENDS.incrementAndGet();
            }
        });
    }
}
