package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static io.cti.pbxsim.ami.ActionDispatcher.done;

/**
 * The actions about the session itself: Login (plain secret or MD5 answer to a Challenge), Challenge, Logoff,
 * Ping, Events, and UserEvent. Thread-safe (stateless; session state lives in {@link AmiSession}).
 */
final class SessionActions {

    private final Pbx pbx;
    private final AmiServerConfig config;
    private final SecurityEvents security;

    SessionActions(Pbx pbx, AmiServerConfig config, SecurityEvents security) {
        this.pbx = pbx;
        this.config = config;
        this.security = security;
    }

    CompletableFuture<Reply> login(AmiSession session, AmiMessage action) {
        if (session.authenticated()) {
            return done(Reply.of(Responses.success(action, "Already authenticated")));
        }
        AmiUser user = config.user(action.get("Username"));
        if (user == null || !secretMatches(session, action, user)) {
            // Asterisk sleeps a second before refusing, then ends the session.
            return session.later(config.authFailureDelay().toMillis(),
                    Reply.closing(Responses.error(action, "Authentication failed")));
        }
        EventMask mask = action.headers().stream().anyMatch(h -> "Events".equalsIgnoreCase(h.name()))
                ? EventMask.parse(action.get("Events")) : EventMask.ALL;
        session.loggedIn(user.username(), mask);
        security.successfulAuth(session);
        AmiMessage accepted = Responses.success(action, "Authentication accepted");
        if (!mask.accepts("system")) {
            return done(Reply.of(accepted));
        }
        long uptime = Duration.between(pbx.startedAt(), pbx.clock().now()).toSeconds();
        AmiMessage fullyBooted = new AmiMessage.Builder()
                .add("Event", "FullyBooted")
                .add("Privilege", "system,all")
                .add("Uptime", uptime)
                .add("LastReload", uptime)
                .add("Status", "Fully Booted")
                .build();
        return done(Reply.of(accepted, fullyBooted));
    }

    CompletableFuture<Reply> challenge(AmiSession session, AmiMessage action) {
        if (!"md5".equalsIgnoreCase(action.get("AuthType"))) {
            return done(Reply.of(Responses.error(action, "Must specify AuthType")));
        }
        if (session.challenge().isEmpty()) {
            session.challenge(String.valueOf(ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)));
        }
        return done(Reply.of(Responses.success(action).add("Challenge", session.challenge()).build()));
    }

    CompletableFuture<Reply> logoff(AmiSession session, AmiMessage action) {
        return done(Reply.closing(new AmiMessage.Builder()
                .add("Response", "Goodbye")
                .addIfPresent("ActionID", action.get("ActionID"))
                .add("Message", "Thanks for all the fish.")
                .build()));
    }

    CompletableFuture<Reply> ping(AmiSession session, AmiMessage action) {
        Instant now = pbx.clock().now();
        String timestamp = now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
        return done(Reply.of(Responses.success(action).add("Ping", "Pong").add("Timestamp", timestamp).build()));
    }

    CompletableFuture<Reply> events(AmiSession session, AmiMessage action) {
        session.eventMask(EventMask.parse(action.get("EventMask")));
        String state = session.eventMask().none() ? "Off" : "On";
        return done(Reply.of(Responses.success(action).add("Events", state).build()));
    }

    /** Raises {@code UserEvent: <name>} with every other header of the action except Action, in order. */
    CompletableFuture<Reply> userEvent(AmiSession session, AmiMessage action) {
        String name = action.get("UserEvent");
        if (name.isEmpty()) {
            return done(Reply.of(Responses.error(action, "UserEvent needs a name")));
        }
        ManagerEvent.Builder event = new ManagerEvent.Builder("UserEvent", "user").add("UserEvent", name);
        for (AmiMessage.Header header : action.headers()) {
            String key = header.name().toLowerCase(Locale.ROOT);
            if (!"action".equals(key) && !"userevent".equals(key)) {
                event.add(header.name(), header.value());
            }
        }
        pbx.publish(event.build());
        return done(Reply.of(Responses.success(action, "Event Sent")));
    }

    private boolean secretMatches(AmiSession session, AmiMessage action, AmiUser user) {
        if ("md5".equalsIgnoreCase(action.get("AuthType"))) {
            return !session.challenge().isEmpty()
                    && md5(session.challenge() + user.secret()).equalsIgnoreCase(action.get("Key"));
        }
        return user.secret().equals(action.get("Secret"));
    }

    private static String md5(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
