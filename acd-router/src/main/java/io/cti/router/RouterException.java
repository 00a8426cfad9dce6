package io.cti.router;

/**
 * Root of every failure raised by the ACD router: queues, agents, skills, routing, reservations,
 * queue statistics and screen-pop composition.
 * Instances are immutable and thread-safe.
 */
public class RouterException extends RuntimeException {

    private final String errorId;

    /**
     * Subclasses and factories name the failure with a stable {@code errorId} (such as
     * {@code agent-already-reserved}) so callers and logs can tell failures apart without parsing messages.
     */
    protected RouterException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id of the failure. */
    public String errorId() {
        return errorId;
    }

    // ---- Stored definitions: queues, agent profiles, reason codes (io.cti.router.queues, io.cti.router.staff) ----

    /** Input describing {@code what} ({@code queue}, {@code agent}, {@code reason-code}) was refused; id {@code invalid-<what>}. */
    public static InvalidInput invalidInput(String what, java.util.List<io.cti.core.customers.FieldError> errors) {
        return new InvalidInput("invalid-" + what, "invalid " + what, errors);
    }

    /** A request parameter or header was malformed (such as an If-Match that is no version); id {@code invalid-request}. */
    public static InvalidInput invalidRequest(String parameter, String code, String message) {
        return new InvalidInput("invalid-request", "invalid request",
                java.util.List.of(new io.cti.core.customers.FieldError(parameter, code, message)));
    }

    public static RouterException noSuchQueue(String name) {
        return new RouterException("no-such-queue", "no queue named '" + name + "'", null);
    }

    public static RouterException duplicateQueue(String name) {
        return new RouterException("duplicate-queue", "a queue named '" + name + "' already exists (retired queues too)", null);
    }

    public static RouterException staleQueue(String name, int expected, int actual) {
        return new RouterException("stale-queue", "queue '" + name + "' is at version " + actual
                + ", not " + expected + ": it was changed since it was read", null);
    }

    /** Retiring {@code name} would leave the active queues {@code overflowingInto} moving calls to a retired queue. */
    public static RouterException queueInUse(String name, java.util.List<String> overflowingInto) {
        return new RouterException("queue-in-use", "queue '" + name + "' is the overflow target of " + overflowingInto
                + "; change their overflow first", null);
    }

    public static RouterException noSuchAgent(String id) {
        return new RouterException("no-such-agent", "no agent with id '" + id + "'", null);
    }

    public static RouterException duplicateAgent(String id) {
        return new RouterException("duplicate-agent", "an agent with id '" + id + "' already exists (deactivated ones too)", null);
    }

    public static RouterException staleAgent(String id, int expected, int actual) {
        return new RouterException("stale-agent", "agent '" + id + "' is at version " + actual
                + ", not " + expected + ": it was changed since it was read", null);
    }

    public static RouterException noSuchReasonCode(String code) {
        return new RouterException("no-such-reason-code", "no reason code '" + code + "'", null);
    }

    public static RouterException duplicateReasonCode(String code) {
        return new RouterException("duplicate-reason-code", "reason code '" + code + "' already exists", null);
    }

    /** {@code code} is set by the platform itself (RONA's {@code no-answer}): it stays, whatever an administrator wants. */
    public static RouterException systemReasonCode(String code) {
        return new RouterException("system-reason-code", "reason code '" + code
                + "' is set by the platform itself and cannot be retired", null);
    }

    /** A request body longer than {@code limitBytes}. */
    public static RouterException payloadTooLarge(long limitBytes) {
        return new RouterException("payload-too-large", "the request body is larger than " + limitBytes + " bytes", null);
    }

    /** Refused input with every field error at once, in the order found. Immutable. */
    public static final class InvalidInput extends RouterException {

        private final transient java.util.List<io.cti.core.customers.FieldError> fieldErrors;

        private InvalidInput(String errorId, String what, java.util.List<io.cti.core.customers.FieldError> errors) {
            super(errorId, what + ": " + errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(java.util.stream.Collectors.joining("; ")), null);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("refusing input needs at least one field error");
            }
            this.fieldErrors = java.util.List.copyOf(errors);
        }

        public java.util.List<io.cti.core.customers.FieldError> fieldErrors() {
            return fieldErrors;
        }
    }

    // ---- end of stored definitions ----

    // --- agent states and routing (io.cti.router.agents, io.cti.router.routing) ---

    /** An agent was asked to move between two states the transition table does not connect; nothing changed. */
    public static RouterException illegalAgentTransition(io.cti.core.ids.AgentId agent,
                                                         io.cti.router.agents.AgentState from,
                                                         io.cti.router.agents.AgentState to) {
        return new RouterException("illegal-agent-transition",
                "agent " + agent + " cannot go from " + from + " to " + to, null);
    }

    /** Priority settings that cannot work, with every problem listed at once. */
    public static RouterException invalidPrioritySettings(java.util.List<String> problems) {
        return new RouterException("invalid-priority-settings",
                "invalid priority settings: " + String.join("; ", problems), null);
    }

    /** The same call or agent appears twice in one routing snapshot, so the snapshot cannot be trusted. */
    public static RouterException duplicateInRoutingSnapshot(String what, Object id) {
        return new RouterException("duplicate-in-routing-snapshot",
                what + " " + id + " appears twice in the routing snapshot", null);
    }
    // --- end agent states and routing ---

    // --- Redis-held router state: waiting calls and reservations (io.cti.router.waiting, io.cti.router.reservations) ---

    /**
     * Redis could not be reached or refused {@code operation}; whether it took effect is unknown (a reservation
     * made nonetheless expires and is reaped).
     */
    public static RouterException routerStateUnavailable(String operation, Throwable cause) {
        return new RouterException("router-state-unavailable",
                "the router's state in Redis could not be used for " + operation + ": " + cause.getMessage(), cause);
    }

    /** A reservation timeout or hold time that is zero, negative or longer than a day. */
    public static RouterException reservationTimeoutInvalid(String what, java.time.Duration timeout) {
        return new RouterException("reservation-timeout-invalid",
                what + " must be between 1 ms and 1 day: " + timeout, null);
    }

    /** A key prefix that is blank or contains whitespace. */
    public static RouterException keyPrefixInvalid(String prefix) {
        return new RouterException("router-key-prefix-invalid",
                "a key prefix must be non-blank and without whitespace: '" + prefix + "'", null);
    }

    /** Asking for the first {@code limit} calls of a queue with a limit below 1. */
    public static RouterException waitingHeadsLimitInvalid(int limit) {
        return new RouterException("waiting-heads-limit-invalid", "the number of heads must be at least 1: " + limit, null);
    }

    /** A waiting call's stored details could not be read back (a missing or malformed {@code field}). */
    public static RouterException waitingCallUnreadable(String callId, String field) {
        return new RouterException("waiting-call-unreadable",
                "waiting call '" + callId + "' has a missing or malformed '" + field + "' in Redis", null);
    }

    /** A Lua script of the router's state is missing from the classpath: a packaging fault. */
    public static RouterException routerScriptMissing(String resource) {
        return new RouterException("router-script-missing", "Lua script " + resource + " is not on the classpath", null);
    }
    // --- end Redis-held router state ---

    // --- callbacks (io.cti.router.callbacks) ---

    public static RouterException noSuchCallback(long id) {
        return new RouterException("no-such-callback", "no callback with id " + id, null);
    }

    /** Only a callback still waiting for its due time can be withdrawn. */
    public static RouterException callbackNotPending(long id, String status) {
        return new RouterException("callback-not-pending", "callback " + id + " is " + status
                + "; only a callback waiting for its due time (PENDING) can be cancelled", null);
    }
    // --- end callbacks ---

    // --- call flow and agent board (io.cti.router.calls, io.cti.router.board) ---

    /** Other routers moved {@code agent} every time this one tried, {@code attempts} times in a row; nothing written. */
    public static RouterException agentBoardContended(io.cti.core.ids.AgentId agent, int attempts) {
        return new RouterException("agent-board-contended",
                "agent " + agent + " was moved by another router on each of " + attempts + " attempts", null);
    }
    // --- end call flow and agent board ---
}
