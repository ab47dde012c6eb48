package io.acktr.runtime.cluster;

/**
 * What a member receives in place of a message whose protocol version it does not know: the
 * version and the kind of message (its codec's name); the rest is not read.
 */
public record UnknownProtocolMessage(int protocol, String kind) {
}
