package io.acktr.runtime.bootstrap.testplugins;

import io.acktr.api.AcktrPlugin;

/** A plugin that cannot be built. */
public final class FailingConstructorPlugin implements AcktrPlugin {
    public static final String CAUSE = "cannot start";

    public FailingConstructorPlugin() {
        throw new IllegalStateException(CAUSE);
    }
}
