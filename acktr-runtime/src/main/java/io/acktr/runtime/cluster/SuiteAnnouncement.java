package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/**
 * A coordinator introduces its suite to a node before it sends it runs: a node refuses runs of
 * suites it was not told about. Sent as a request to {@link ClusterAddresses#node(String)}; the
 * reply is a {@link Reply}.
 */
public record SuiteAnnouncement(String suiteId, String suiteName, String coordinatorHost) {
    public SuiteAnnouncement {
        requireNonNull(suiteId, "suiteId is null");
        requireNonNull(suiteName, "suiteName is null");
        requireNonNull(coordinatorHost, "coordinatorHost is null");
    }
}
