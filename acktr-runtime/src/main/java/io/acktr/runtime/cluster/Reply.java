package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/** The answer to a request: accepted, or refused with the reason. */
public record Reply(boolean accepted, String reason) {
    public static final Reply ACCEPTED = new Reply(true, "");

    public Reply {
        requireNonNull(reason, "reason is null");
    }

    public static Reply refused(String reason) {
        return new Reply(false, reason);
    }
}
