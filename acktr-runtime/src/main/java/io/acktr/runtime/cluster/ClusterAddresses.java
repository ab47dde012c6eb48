package io.acktr.runtime.cluster;

/**
 * Every event-bus address of the cluster. A node listens on {@link #node(String)} and
 * {@link #ROLL_CALL}; a coordinator on {@link #HEARTBEATS} and {@link #suite(String)}.
 */
public final class ClusterAddresses {
    /** Published by every node each heartbeat interval: {@link NodeHeartbeat}. */
    public static final String HEARTBEATS = "acktr.cluster.heartbeats";
    /** Published by a coordinator once it listens to {@link #HEARTBEATS}: {@link RollCall}. */
    public static final String ROLL_CALL = "acktr.cluster.roll-call";

    private static final String NODE = "acktr.cluster.node.";
    private static final String SUITE = "acktr.cluster.suite.";

    private ClusterAddresses() {
    }

    /**
     * One node's address: {@link SuiteAnnouncement} and {@link RunAssignment} requests of
     * coordinators, {@link RolloutHosting} and {@link RolloutRelease} of learners.
     */
    public static String node(String nodeId) {
        return NODE + nodeId;
    }

    /** One suite's coordinator: {@link RunProgress}, {@link RunFinished} and {@link RunFailed} from the nodes. */
    public static String suite(String suiteId) {
        return SUITE + suiteId;
    }
}
