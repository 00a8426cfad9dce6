package io.cti.console.push;

import io.cti.console.ConsoleException;
import io.cti.console.access.ConsolePrincipal;
import io.cti.console.access.UserRepository;
import io.cti.core.bus.MessageBus;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.CallId;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * What a supervisor does from the wallboard: listen to, whisper to or barge into an agent's live call. The PBX rings
 * the supervisor's own phone (their console user's phone endpoint) and joins it to the call in the chosen mode. Only
 * a call an agent is connected to now may be joined. Thread-safe (stateless but for the shared hub).
 */
final class SupervisorDesk {

    private static final Logger log = LoggerFactory.getLogger(SupervisorDesk.class);

    private final MessageBus bus;
    private final PushHub hub;
    private final UserRepository users;
    private final Clock clock;

    SupervisorDesk(MessageBus bus, PushHub hub, UserRepository users, Clock clock) {
        this.bus = bus;
        this.hub = hub;
        this.users = users;
        this.clock = clock;
    }

    /** Publishes {@link Spy} for {@code callId} in {@code mode} (LISTEN, WHISPER or BARGE). */
    CallId spy(ConsolePrincipal user, String callId, String mode) {
        if (!user.watchesTheFloor()) {
            throw ConsoleException.notASupervisor(user.username());
        }
        SpyMode parsed = mode(mode);
        CallId call;
        try {
            call = CallId.of(callId == null ? "" : callId.strip());
        } catch (RuntimeException e) {
            throw ConsoleException.invalidInput("spy", List.of(new FieldError("callId", "invalid", "a call id")));
        }
        hub.agentOn(call).orElseThrow(() -> ConsoleException.noLiveCall(AgentDesk.printable(call.value())));
        String phone = users.phoneEndpoint(user.username())
                .orElseThrow(() -> ConsoleException.noPhoneEndpoint(user.username()));
        bus.publish(new Spy(MessageId.random(), clock.instant(), call, phone, parsed));
        log.info("supervisor {} joins call {} to {} from {}", user.username(), call, parsed, phone);
        return call;
    }

    private static SpyMode mode(String mode) {
        try {
            return SpyMode.valueOf(mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConsoleException.invalidInput("spy", List.of(new FieldError("mode", "invalid",
                    "one of LISTEN, WHISPER, BARGE")));
        }
    }
}
