package io.acktr.runtime.cluster;

/**
 * The version of the cluster's messages. Every message starts with it on the wire; a member
 * decodes only messages of its own version and refuses the others ({@link UnknownProtocolMessage}).
 * Raise it whenever a message's layout or meaning changes.
 */
public final class ClusterProtocol {
    /**
     * 4: a coordinator calls the roll ({@link RollCall}). 3: a {@link NodeHeartbeat} names the runs
     * the node trains; progress rows carry the direction cosines.
     */
    public static final int VERSION = 4;

    private ClusterProtocol() {
    }
}
