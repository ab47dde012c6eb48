package io.acktr.runtime.cluster;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node is alive: its id, host, run slots, how many of them are busy and the runs they train (by
 * their ids in their suites, {@code <task>/<variant>/seed-<n>}). Published on
 * {@link ClusterAddresses#HEARTBEATS}.
 */
public record NodeHeartbeat(String nodeId, String host, int slots, int busy, List<String> runs) {
    public NodeHeartbeat {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(host, "host is null");
        runs = List.copyOf(runs);
    }
}
