package io.cti.bridge.connection;

/**
 * One login on one fresh asterisk-java connection, and its keep-alive bookkeeping. The link retires a session
 * on any loss and starts a new one, so events from a retired connection can never reach the listener.
 * Thread-safe: the ping fields are written by the supervisor and by asterisk-java's dispatch thread; the read
 * stamp comes from the connection's socket (its reader thread).
 */
final class LinkSession {

    private final long number;
    private final RetirableConnection connection;
    private volatile boolean live = true;
    private volatile boolean awaitingPong;
    private volatile long pingSentAt;
    private volatile long lastPingAt;
    private volatile boolean lagReported;

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

    /**
     * Stops delivering this session's events and kills its connection; idempotent.
     *
     * @return events read from the socket that will now never reach the listener (see
     *         {@link RetirableConnection#undeliveredSince}); 0 when already retired
     */
    long retire() {
        if (!live) {
            connection.retire();
            return 0;
        }
        live = false;
        int delivered = connection.dispatchedSequence();
        connection.retire();
        return connection.undeliveredSince(delivered);
    }

    /** Logs off, then retires; used when the platform closes a healthy link. Returns as {@link #retire()}. */
    long close() {
        if (!live) {
            connection.closePolitely();
            return 0;
        }
        live = false;
        int delivered = connection.dispatchedSequence();
        connection.closePolitely();
        return connection.undeliveredSince(delivered);
    }

    /** When the connection last read a whole frame from the PBX (events, answers, anything). */
    long lastReadNanos() {
        return connection.lastReadNanos();
    }

    /**
     * A ping is due every interval; while one is unanswered, another goes out only once the first is overdue (its
     * answer may be stuck behind events in asterisk-java's dispatch queue, and a quiet PBX needs a reason to
     * write).
     */
    boolean pingDue(long now, long intervalNanos, long timeoutNanos) {
        return now - lastPingAt >= intervalNanos && (!awaitingPong || now - pingSentAt > timeoutNanos);
    }

    boolean pingOverdue(long now, long timeoutNanos) {
        return awaitingPong && now - pingSentAt > timeoutNanos;
    }

    void pingSent(long now) {
        lastPingAt = now;
        pingSentAt = now;
        awaitingPong = true;
        lagReported = false;
    }

    /** True the first time it is asked after each ping: a late answer is reported once per ping. */
    boolean reportLag() {
        if (lagReported) {
            return false;
        }
        lagReported = true;
        return true;
    }

    void pongReceived() {
        awaitingPong = false;
    }

    @Override
    public String toString() {
        return "AMI session " + number;
    }
}
