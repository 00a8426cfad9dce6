package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.OriginateOutcome;
import io.cti.pbxsim.calls.OriginateRequest;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.calls.Pbx;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.cti.pbxsim.ami.ActionDispatcher.done;

/**
 * The Originate action. With {@code Async: true} it answers "Originate successfully queued" at once and raises
 * OriginateResponse (to every session, carrying the ActionID) when the dialed channel answered or failed: on
 * failure {@code Channel} is the dial string and {@code Uniqueid} is {@code <unknown>}. Without Async it answers
 * only then, Success or "Originate failed", and raises no OriginateResponse. Thread-safe (stateless).
 */
final class OriginateAction {

    private static final Set<String> TRUE = Set.of("true", "yes", "1", "on", "y", "t");
    /** Asterisk's AST_MAX_PUBLIC_UNIQUEID: a ChannelId must be shorter. */
    private static final int MAX_UNIQUEID = 150;

    private final Pbx pbx;

    OriginateAction(Pbx pbx) {
        this.pbx = pbx;
    }

    CompletableFuture<Reply> handle(AmiSession session, AmiMessage action) {
        String channel = action.get("Channel");
        if (channel.isEmpty()) {
            return done(Reply.of(Responses.error(action, "Channel not specified")));
        }
        int slash = channel.indexOf('/');
        if (slash <= 0 || slash == channel.length() - 1) {
            return done(Reply.of(Responses.error(action, "Invalid channel")));
        }
        if (!isNumberOrEmpty(action.get("Timeout"))) {
            return done(Reply.of(Responses.error(action, "Invalid timeout")));
        }
        if (!isNumberOrEmpty(action.get("Priority"))) {
            return done(Reply.of(Responses.error(action, "Invalid priority")));
        }
        if (action.get("ChannelId").length() >= MAX_UNIQUEID) {
            return done(Reply.of(Responses.error(action, "Uniqueid length exceeds maximum of " + (MAX_UNIQUEID - 1))));
        }
        OriginateRequest request = request(action);
        boolean async = TRUE.contains(action.get("Async").trim().toLowerCase());
        CompletableFuture<OriginateOutcome> outcome = pbx.originate(request);
        if (!async) {
            return outcome.handle((result, error) -> Reply.of(error == null && result.answered()
                    ? Responses.success(action, "Originate successfully queued")
                    : Responses.error(action, "Originate failed")));
        }
        outcome.whenComplete((result, error) -> pbx.publish(originateResponse(action, request,
                error == null ? result : new OriginateOutcome(OriginateOutcome.FAILURE, null, null))));
        // Answer once the dialing has started, so the response precedes nothing it should follow.
        return pbx.barrier().thenApply(ignored -> Reply.of(
                Responses.success(action, "Originate successfully queued")));
    }

    private static OriginateRequest request(AmiMessage action) {
        Duration timeout = action.get("Timeout").isEmpty() ? null
                : Duration.ofMillis(Long.parseLong(action.get("Timeout").trim()));
        int priority = action.get("Priority").isEmpty() ? 1 : Integer.parseInt(action.get("Priority").trim());
        return new OriginateRequest(action.get("Channel"), emptyToNull(action.get("Application")),
                action.get("Data"), emptyToNull(action.get("Context")), emptyToNull(action.get("Exten")), priority,
                timeout, Party.parse(action.get("CallerID")), action.variables(), action.get("Account"),
                action.get("ChannelId"));
    }

    private static ManagerEvent originateResponse(AmiMessage action, OriginateRequest request,
                                                  OriginateOutcome outcome) {
        ManagerEvent.Builder event = new ManagerEvent.Builder("OriginateResponse", "call");
        if (!action.get("ActionID").isEmpty()) {
            event.add("ActionID", action.get("ActionID"));
        }
        event.add("Response", outcome.answered() ? "Success" : "Failure")
                .add("Channel", outcome.answered() ? outcome.channel() : request.channel());
        if (request.runsApplication()) {
            event.add("Application", request.application()).add("Data", request.data());
        } else {
            event.add("Context", request.context()).add("Exten", request.exten());
        }
        return event.add("Reason", outcome.reason())
                .add("Uniqueid", outcome.answered() ? outcome.uniqueid() : "<unknown>")
                .add("CallerIDNum", request.callerId().numberOrUnknown())
                .add("CallerIDName", request.callerId().nameOrUnknown())
                .build();
    }

    private static boolean isNumberOrEmpty(String text) {
        return text.isBlank() || text.trim().matches("-?\\d{1,9}");
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
