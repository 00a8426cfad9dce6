package io.cti.router.reservations;

/** Why a reservation was not made; each is an ordinary race between routers, not a fault. Immutable. */
public enum Refusal {
    /** The call is no longer waiting: another router reserved it, or it was abandoned, answered or never queued. */
    CALL_NOT_WAITING("call-not-waiting"),
    /** The agent already holds a reservation. */
    AGENT_ALREADY_RESERVED("agent-already-reserved"),
    /** The agent is not Ready: busy on a call, in wrap-up, not ready or logged out. */
    AGENT_NOT_READY("agent-not-ready");

    private final String id;

    Refusal(String id) {
        this.id = id;
    }

    /** The stable id the Lua script answers with. */
    public String id() {
        return id;
    }

    /** The refusal a reservation script answered with {@code id}. */
    public static Refusal ofId(String id) {
        for (Refusal refusal : values()) {
            if (refusal.id.equals(id)) {
                return refusal;
            }
        }
        throw new IllegalStateException("the reserve script answered an unknown refusal: " + id);
    }
}
