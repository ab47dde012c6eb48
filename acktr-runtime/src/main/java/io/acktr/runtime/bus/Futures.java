package io.acktr.runtime.bus;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a Vert.x future from a thread that is not Vert.x's (the learner's, the session's). */
public final class Futures {
    private Futures() {
    }

    /**
     * The future's result; its failure is rethrown (a {@link RuntimeException} as it is, another
     * throwable wrapped), and {@code what} names the wait in the error when it takes too long.
     */
    public static <T> T await(Future<T> future, long timeoutMillis, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + timeoutMillis / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting: " + what, e);
        }
    }
}
