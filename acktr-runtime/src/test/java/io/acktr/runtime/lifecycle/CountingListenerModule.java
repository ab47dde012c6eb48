package io.acktr.runtime.lifecycle;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import io.acktr.api.training.TrainingListener;
import io.acktr.api.training.UpdateMetrics;
import java.util.concurrent.atomic.AtomicLong;

/** A plugin module, listed in this test tree's services file, that contributes a training listener. */
public final class CountingListenerModule extends AbstractModule {
    static final AtomicLong UPDATES = new AtomicLong();
    static final AtomicLong ENDS = new AtomicLong();

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding().toInstance(new TrainingListener() {
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
