package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.Pbx;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Routes a received message to its action as Asterisk's {@code process_message} does: a missing Action header
 * first, then the login check (only Login, Logoff and Challenge before authentication), then unknown actions.
 * Action names are case-insensitive. Thread-safe (immutable after construction).
 */
final class ActionDispatcher {

    private static final Set<String> BEFORE_LOGIN = Set.of("login", "logoff", "challenge");

    private final Map<String, ActionHandler> handlers = new HashMap<>();
    private final SecurityEvents security;

    ActionDispatcher(Pbx pbx, AmiServerConfig config) {
        this.security = new SecurityEvents(pbx);
        SessionActions session = new SessionActions(pbx, config, security);
        handlers.put("login", session::login);
        handlers.put("challenge", session::challenge);
        handlers.put("logoff", session::logoff);
        handlers.put("ping", session::ping);
        handlers.put("events", session::events);
        handlers.put("userevent", session::userEvent);
        SystemActions system = new SystemActions(pbx, config);
        handlers.put("coresettings", system::coreSettings);
        handlers.put("corestatus", system::coreStatus);
        handlers.put("command", system::command);
        ChannelActions channels = new ChannelActions(pbx);
        handlers.put("coreshowchannels", channels::coreShowChannels);
        handlers.put("status", channels::status);
        handlers.put("getvar", channels::getvar);
        handlers.put("setvar", channels::setvar);
        handlers.put("redirect", channels::redirect);
        handlers.put("blindtransfer", channels::blindTransfer);
        handlers.put("bridge", channels::bridge);
        handlers.put("bridgelist", channels::bridgeList);
        handlers.put("hangup", new HangupAction(pbx)::handle);
        handlers.put("originate", new OriginateAction(pbx)::handle);
    }

    CompletableFuture<Reply> dispatch(AmiSession session, Object received) {
        if (received instanceof FrameProblem problem) {
            return done(Reply.of(Responses.error(problem == FrameProblem.TOO_MANY_LINES
                    ? "Too many lines in message or allocation failure" : "Message too large")));
        }
        AmiMessage message = (AmiMessage) received;
        String action = message.firstNonEmpty("Action");
        if (action.isEmpty()) {
            security.requestBadFormat(session, "NONE");
            return done(Reply.of(Responses.error(message, "Missing action in request")));
        }
        String name = action.toLowerCase(Locale.ROOT);
        if (!session.authenticated() && !BEFORE_LOGIN.contains(name)) {
            return done(Reply.of(Responses.error(message, "Permission denied")));
        }
        ActionHandler handler = handlers.get(name);
        if (handler == null) {
            security.requestBadFormat(session, action);
            return done(Reply.of(Responses.error(message, "Invalid/unknown command: " + action
                    + ". Use Action: ListCommands to show available commands.")));
        }
        return handler.handle(session, message);
    }

    static CompletableFuture<Reply> done(Reply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
