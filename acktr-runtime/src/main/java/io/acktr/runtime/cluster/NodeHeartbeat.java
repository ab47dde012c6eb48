package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

/** A node is alive: its id, host, run slots and how many of them are busy. Published on {@link ClusterAddresses#HEARTBEATS}. */
public record NodeHeartbeat(String nodeId, String host, int slots, int busy) {
    public NodeHeartbeat {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(host, "host is null");
    }
}
