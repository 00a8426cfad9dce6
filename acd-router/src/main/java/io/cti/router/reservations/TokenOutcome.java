package io.cti.router.reservations;

/** What became of a command carrying a fencing token. Immutable. */
public enum TokenOutcome {
    /** The token was current and the command took effect. */
    DONE,
    /** The reservation's deadline passed; the command changed nothing and the reaper returns call and agent. */
    EXPIRED,
    /**
     * No reservation has this token any more (released, completed, reaped) or ever had: a late command, which
     * changed nothing.
     */
    STALE;

    static TokenOutcome ofReply(String reply) {
        return switch (reply) {
            case "done" -> DONE;
            case "expired" -> EXPIRED;
            case "stale" -> STALE;
            default -> throw new IllegalStateException("a reservation script answered an unknown outcome: " + reply);
        };
    }
}
