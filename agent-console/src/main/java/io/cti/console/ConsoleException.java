package io.cti.console;

import io.cti.core.customers.FieldError;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Root of every failure raised by the agent console: a stable, machine-readable {@link #errorId()} and, for
 * refused input, every field error at once; each factory names the offending input. Immutable and thread-safe.
 * How an error id becomes an HTTP status is the web edge's business, not this exception's.
 */
public class ConsoleException extends RuntimeException {

    private final String errorId;
    private final transient List<FieldError> fieldErrors;

    protected ConsoleException(String errorId, String message, List<FieldError> fieldErrors) {
        super(message);
        this.errorId = errorId;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A stable id such as {@code invalid-purchase} or {@code payload-too-large}. */
    public String errorId() {
        return errorId;
    }

    /** Every field that was wrong, in the order found; empty when the failure is not about fields. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Input describing {@code what} (e.g. {@code purchase}) was refused; the id is {@code invalid-<what>}. */
    public static ConsoleException invalidInput(String what, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("refusing " + what + " needs at least one field error");
        }
        return new ConsoleException("invalid-" + what, "invalid " + what + ": " + errors.stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    /** A request parameter or header ({@code parameter}) was missing, malformed or out of range. */
    public static ConsoleException invalidParameter(String parameter, String code, String message) {
        return invalidParameters(List.of(new FieldError(parameter, code, message)));
    }

    /** Several request parameters or headers were wrong together; the id is {@code invalid-request}. */
    public static ConsoleException invalidParameters(List<FieldError> errors) {
        return new ConsoleException("invalid-request", errors.stream()
                .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }

    /** A parameter that should hold a phone number does not; {@code why} must already be masked. */
    public static ConsoleException invalidPhoneParameter(String parameter, String why) {
        return new ConsoleException("invalid-phone-number", parameter + ": " + why,
                List.of(new FieldError(parameter, "invalid-phone-number", why)));
    }

    /** A request body longer than {@code limitBytes}. */
    public static ConsoleException payloadTooLarge(long limitBytes) {
        return new ConsoleException("payload-too-large",
                "the request body is larger than " + limitBytes + " bytes", List.of());
    }

    // ---- Users and access (io.cti.console.access) ----

    public static ConsoleException noSuchUser(String username) {
        return new ConsoleException("no-such-user", "no console user named '" + username + "'", List.of());
    }

    public static ConsoleException duplicateUser(String username) {
        return new ConsoleException("duplicate-user", "a console user named '" + username + "' already exists",
                List.of());
    }

    /** The change to {@code username} would leave nobody able to administer the console. */
    public static ConsoleException lastAdmin(String username) {
        return new ConsoleException("last-admin", "'" + username + "' is the last enabled ADMIN; make another"
                + " user ADMIN first", List.of());
    }

    // ---- The agent's own desk (io.cti.console.push) ----

    /** The logged-in user {@code username} acts as an agent but no router agent id is linked to it. */
    public static ConsoleException noLinkedAgent(String username) {
        return new ConsoleException("no-linked-agent", "console user '" + username + "' is not linked to an agent",
                List.of());
    }

    /** A request named agent {@code named}, but the logged-in user is agent {@code own}. */
    public static ConsoleException notYourAgent(String own, String named) {
        return new ConsoleException("not-your-agent", "you are agent " + own + " and can act only as yourself, not as "
                + named, List.of());
    }

    /** A wrap-up named call {@code named}, which is not the call agent {@code agent} is handling. */
    public static ConsoleException notYourCall(String agent, String named) {
        return new ConsoleException("not-your-call", "call " + named + " is not the call agent " + agent
                + " is handling", List.of());
    }

    /** A wrap-up while agent {@code agent} is on no call ({@code state} is what the console knows of them). */
    public static ConsoleException noCallToWrapUp(String agent, String state) {
        return new ConsoleException("no-call-to-wrap-up", "agent " + agent + " has no call to wrap up (state: "
                + state + ")", List.of());
    }

    /** A call control ({@code action}) while agent {@code agent} has no call it may control ({@code state}). */
    public static ConsoleException noCallToControl(String agent, String action, String state) {
        return new ConsoleException("no-call-to-control", "agent " + agent + " has no connected call to " + action
                + " (state: " + state + ")", List.of());
    }

    /** Click-to-dial while agent {@code agent} is busy with a call ({@code state}). */
    public static ConsoleException busyAgent(String agent, String state) {
        return new ConsoleException("agent-busy", "agent " + agent + " cannot dial while " + state, List.of());
    }

    /** A spy request from a supervisor whose console user {@code username} has no phone endpoint. */
    public static ConsoleException noPhoneEndpoint(String username) {
        return new ConsoleException("no-phone-endpoint", "console user '" + username + "' has no phone endpoint to"
                + " listen on (an administrator sets one, e.g. PJSIP/3001)", List.of());
    }

    /** A spy request for call {@code call}, which no agent is on now. */
    public static ConsoleException noLiveCall(String call) {
        return new ConsoleException("no-live-call", "call " + call + " is not connected to an agent now", List.of());
    }

    /** User {@code username} asked to join a call but does not watch the floor (SUPERVISOR or ADMIN). */
    public static ConsoleException notASupervisor(String username) {
        return new ConsoleException("not-a-supervisor", "console user '" + username + "' may not join agents' calls",
                List.of());
    }
}
