package io.cti.bridge.connection;

/**
 * One login on one fresh asterisk-java connection, and its keep-alive bookkeeping. The link retires a session
 * on any loss and starts a new one, so events from a retired connection can never reach the listener.
 * Thread-safe: the ping fields are written by the supervisor and by asterisk-java's dispatch thread.
 */
final class LinkSession {

    private final long number;
    private final RetirableConnection connection;
    private volatile boolean live = true;
    private volatile boolean awaitingPong;
    private volatile long pingSentAt;
    private volatile long lastPingAt;

    LinkSession(long number, RetirableConnection connection, long now) {
        this.number = number;
        this.connection = connection;
        this.lastPingAt = now;
    }

    long number() {
        return number;
    }

    RetirableConnection connection() {
        return connection;
    }

    boolean isLive() {
        return live;
    }

    /** Stops delivering this session's events and kills its connection; idempotent. */
    void retire() {
        live = false;
        connection.retire();
    }

    /** Logs off, then retires; used when the platform closes a healthy link. */
    void close() {
        live = false;
        connection.closePolitely();
    }

    boolean pingDue(long now, long intervalNanos) {
        return !awaitingPong && now - lastPingAt >= intervalNanos;
    }

    boolean pingOverdue(long now, long timeoutNanos) {
        return awaitingPong && now - pingSentAt > timeoutNanos;
    }

    void pingSent(long now) {
        lastPingAt = now;
        pingSentAt = now;
        awaitingPong = true;
    }

    void pongReceived() {
        awaitingPong = false;
    }

    @Override
    public String toString() {
        return "AMI session " + number;
    }
}
