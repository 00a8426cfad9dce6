package io.cti.console.push;

import io.cti.console.ConsoleException;
import io.cti.console.access.ConsolePrincipal;
import io.cti.core.CoreException;
import io.cti.core.customers.FieldError;
import io.cti.core.messages.AgentStatus;
import io.cti.core.web.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The push socket at {@code /ws}: on open it registers the socket with the {@link PushHub} (which sends the
 * snapshots), and it takes the client's actions as JSON {@code {"type": ...}}: {@code ready}, {@code not-ready}
 * (with {@code reason}), {@code log-out}, {@code wrap-up} (with {@code disposition}, {@code notes},
 * {@code callbackAt}, {@code satisfaction}, optionally {@code callId}) and {@code snapshot}. Every action is the
 * logged-in user's own: a message naming another agent ({@code agentId}) is refused whatever its type, and so is
 * any type not listed. Answers are {@code accepted} or {@code error} frames. Thread-safe.
 */
final class PushSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(PushSocketHandler.class);
    private static final String PUSH = "cti.console.push";
    static final List<String> TYPES = List.of("ready", "not-ready", "log-out", "wrap-up", "snapshot", "hang-up", "hold",
            "resume", "transfer", "dial", "spy");

    private final PushHub hub;
    private final AgentDesk desk;
    private final CallControl calls;
    private final SupervisorDesk supervisors;
    private final PushFrames frames;
    private final JsonMapper json;
    private final SendLimits limits;
    private final Executor sender;
    private final Executor closer;

    PushSocketHandler(PushHub hub, AgentDesk desk, CallControl calls, SupervisorDesk supervisors, PushFrames frames, JsonMapper json, SendLimits limits,
                      Executor sender, Executor closer) {
        this.hub = hub;
        this.desk = desk;
        this.calls = calls;
        this.supervisors = supervisors;
        this.frames = frames;
        this.json = json;
        this.limits = limits;
        this.sender = sender;
        this.closer = closer;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        ConsolePrincipal user = (ConsolePrincipal) socket.getAttributes().get(PushHandshake.USER);
        String httpSession = (String) socket.getAttributes().get(PushHandshake.HTTP_SESSION);
        jakarta.websocket.Session nativeSession = ((NativeWebSocketSession) socket)
                .getNativeSession(jakarta.websocket.Session.class);
        PushSession[] self = new PushSession[1];
        PushSession session = new PushSession(socket, nativeSession, user, httpSession, limits, sender, closer,
                () -> hub.cutOff(self[0]));
        self[0] = session;
        socket.getAttributes().put(PUSH, session);
        hub.connect(session);
        log.debug("push socket {} opened for {}", socket.getId(), user.username());
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
        PushSession session = (PushSession) socket.getAttributes().get(PUSH);
        if (session == null || !session.isOpen()) {
            return;
        }
        try {
            act(session, json.readTree(message.getPayload()));
        } catch (JacksonException e) {
            session.offer(frames.error(ApiError.of("invalid-message", "a message is a JSON object with a \"type\": one of "
                    + TYPES)));
        } catch (ConsoleException e) {
            session.offer(frames.error(new ApiError(e.errorId(), e.getMessage(), e.fieldErrors())));
        } catch (CoreException e) {
            session.offer(frames.error(ApiError.of(e.errorId(), e.getMessage())));
        }
    }

    private void act(PushSession session, JsonNode message) {
        ConsolePrincipal user = session.user();
        if (!message.isObject()) {
            throw ConsoleException.invalidParameter("type", "required", "a message is a JSON object with a \"type\"");
        }
        String named = text(message, "agentId");
        if (named != null) {
            // Whatever the message is, it may only ever be about the user's own agent.
            AgentDesk.ownAgent(user, named);
        }
        String type = text(message, "type");
        switch (type == null ? "" : type) {
            case "ready" -> accepted(session, type, desk.changeState(user, named, AgentStatus.READY, null).value());
            case "not-ready" -> accepted(session, type, desk.changeState(user, named, AgentStatus.NOT_READY,
                    text(message, "reason")).value());
            case "log-out" -> accepted(session, type, desk.changeState(user, named, AgentStatus.LOGGED_OUT, null).value());
            case "wrap-up" -> session.offer(frames.accepted(type, Map.of("callId",
                    desk.wrapUp(user, wrapUp(message, named)).value())));
            case "snapshot" -> hub.resend(session);
            case "hang-up" -> called(session, type, calls.hangUp(user, text(message, "callId")).value());
            case "hold" -> called(session, type, calls.hold(user, text(message, "callId")).value());
            case "resume" -> called(session, type, calls.resume(user, text(message, "callId")).value());
            case "transfer" -> called(session, type, calls.transfer(user, text(message, "callId"),
                    text(message, "targetKind"), text(message, "target")).value());
            case "dial" -> accepted(session, type, calls.dial(user, text(message, "number"),
                    customerId(message)).value());
            case "spy" -> called(session, type, supervisors.spy(user, text(message, "callId"),
                    text(message, "mode")).value());
            default -> throw ConsoleException.invalidParameter("type", "unknown-type", "one of " + TYPES);
        }
    }

    private void called(PushSession session, String type, String callId) {
        session.offer(frames.accepted(type, Map.of("callId", callId)));
    }

    private static Long customerId(JsonNode message) {
        JsonNode id = message.get("customerId");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.canConvertToLong()) {
            throw ConsoleException.invalidInput("dial", List.of(new FieldError("customerId", "wrong-type",
                    "a customer id is a whole number")));
        }
        return id.longValue();
    }

    private void accepted(PushSession session, String type, String agentId) {
        session.offer(frames.accepted(type, Map.of("agentId", agentId)));
    }

    private static WrapUpForm wrapUp(JsonNode message, String named) {
        Instant callbackAt = null;
        String callback = text(message, "callbackAt");
        if (callback != null) {
            try {
                callbackAt = Instant.parse(callback);
            } catch (DateTimeParseException e) {
                throw ConsoleException.invalidInput("wrap-up", List.of(new FieldError("callbackAt", "invalid-format",
                        "an ISO instant such as 2025-06-16T09:30:00Z")));
            }
        }
        JsonNode satisfaction = message.get("satisfaction");
        if (satisfaction != null && !satisfaction.isNull() && !satisfaction.isInt()) {
            throw ConsoleException.invalidInput("wrap-up", List.of(new FieldError("satisfaction", "wrong-type",
                    "a whole number 1-5")));
        }
        return new WrapUpForm(named, text(message, "callId"), text(message, "disposition"), text(message, "notes"),
                callbackAt, satisfaction == null || satisfaction.isNull() ? null : satisfaction.intValue());
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        return value == null || value.isNull() ? null : value.isString() ? value.stringValue() : value.toString();
    }

    @Override
    public void handleTransportError(WebSocketSession socket, Throwable failure) {
        log.debug("push socket {} failed: {}", socket.getId(), failure.toString());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        PushSession session = (PushSession) socket.getAttributes().get(PUSH);
        if (session != null) {
            session.closedByPeer();
            hub.disconnect(session);
        }
    }
}
