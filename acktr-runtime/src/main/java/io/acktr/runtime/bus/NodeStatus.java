package io.acktr.runtime.bus;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node of a cluster as a {@link ClusterObserver} sees it.
 *
 * @param nodeId the node's id
 * @param host the address it binds to
 * @param slots its run slots
 * @param busy how many of them train a run, as of its last heartbeat
 * @param runs the runs it trains now, by their names ({@code <task>/<variant>/seed-<n>})
 * @param lost whether it is lost: not heard from for {@code acktr.cluster.heartbeat-timeout}
 */
public record NodeStatus(String nodeId, String host, int slots, int busy, List<String> runs, boolean lost) {
    public NodeStatus {
        requireNonNull(nodeId, "nodeId is null");
        requireNonNull(host, "host is null");
        runs = List.copyOf(runs);
    }
}
