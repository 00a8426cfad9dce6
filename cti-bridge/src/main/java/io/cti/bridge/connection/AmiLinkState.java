package io.cti.bridge.connection;

/** The state of the AMI link as health checks show it. Immutable. */
public enum AmiLinkState {
    /** Logged in, keep-alive pings answered. */
    UP,
    /** A connection attempt (TCP connect and login) is in progress. */
    CONNECTING,
    /** Not connected; waiting for the next attempt, or closed. */
    DOWN
}
