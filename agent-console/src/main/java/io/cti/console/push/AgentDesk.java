package io.cti.console.push;

import io.cti.console.ConsoleException;
import io.cti.console.access.ConsolePrincipal;
import io.cti.core.bus.MessageBus;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an agent does at their desk, over the socket or REST alike: go Ready, Not ready with a reason, log out of the
 * queues, submit the wrap-up of their call. The agent is always the logged-in user's own; a request naming another
 * agent, or a call that is not the one this agent is wrapping up, is refused and nothing is published. The router
 * has the last word on each move ({@link ChangeAgentState} and {@link CompleteWrapUp} go to it on the bus).
 * Thread-safe.
 */
final class AgentDesk {

    private static final Logger log = LoggerFactory.getLogger(AgentDesk.class);
    static final int MAX_CODE = 64;
    static final int MAX_NOTES = 4000;

    private final MessageBus bus;
    private final PushHub hub;
    private final Clock clock;

    AgentDesk(MessageBus bus, PushHub hub, Clock clock) {
        this.bus = bus;
        this.hub = hub;
        this.clock = clock;
    }

    /** Asks the router to move the user's agent to {@code requested}; {@code named} is the agent the client named, if any. */
    AgentId changeState(ConsolePrincipal user, String named, AgentStatus requested, String reason) {
        AgentId agent = ownAgent(user, named);
        String code = reason == null ? "" : reason.strip();
        if (requested == AgentStatus.NOT_READY) {
            List<FieldError> errors = codeErrors("reason", code, "a reason code is required to go Not ready");
            if (!errors.isEmpty()) {
                throw ConsoleException.invalidInput("state-change", errors);
            }
        } else {
            code = "";
        }
        bus.publish(new ChangeAgentState(MessageId.random(), clock.instant(), agent, requested, code));
        log.info("agent {} ({}) asks for {}{}", agent, user.username(), requested, code.isEmpty() ? "" : " (" + code + ")");
        return agent;
    }

    /** Sends the wrap-up of the call the user's agent is wrapping up; returns that call. */
    CallId wrapUp(ConsolePrincipal user, WrapUpForm form) {
        AgentId agent = ownAgent(user, form.agentId());
        Optional<AgentStateChanged> state = hub.stateOf(agent);
        CallId call = state.filter(s -> s.status() == AgentStatus.WRAP_UP && s.callId() != null)
                .map(AgentStateChanged::callId)
                .orElseThrow(() -> ConsoleException.noCallToWrapUp(agent.value(),
                        state.map(s -> s.status().name()).orElse("unknown")));
        if (form.callId() != null && !form.callId().equals(call.value())) {
            throw ConsoleException.notYourCall(agent.value(), printable(form.callId()));
        }
        List<FieldError> errors = new ArrayList<>(codeErrors("disposition", form.disposition() == null ? ""
                : form.disposition().strip(), "a disposition code is required"));
        String notes = form.notes() == null ? "" : form.notes().strip();
        if (notes.length() > MAX_NOTES || notes.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(new FieldError("notes", "invalid", "at most " + MAX_NOTES + " characters, no control characters"
                    + " but line breaks and tabs"));
        }
        int satisfaction = form.satisfaction() == null ? 0 : form.satisfaction();
        if (satisfaction < 0 || satisfaction > 5) {
            errors.add(new FieldError("satisfaction", "out-of-range", "1 to 5, or leave it out"));
        }
        Instant now = clock.instant();
        if (form.callbackAt() != null && !form.callbackAt().isAfter(now)) {
            errors.add(new FieldError("callbackAt", "in-the-past", "a callback is planned for later than now"));
        }
        if (!errors.isEmpty()) {
            throw ConsoleException.invalidInput("wrap-up", errors);
        }
        bus.publish(new CompleteWrapUp(MessageId.random(), now, agent, call, form.disposition().strip(), notes,
                form.callbackAt(), satisfaction));
        log.info("agent {} ({}) wrapped up call {} as {}", agent, user.username(), call, form.disposition().strip());
        return call;
    }

    /** The user's own agent; {@code named}, when the client sent one, must be that agent. */
    static AgentId ownAgent(ConsolePrincipal user, String named) {
        AgentId own = user.agent().orElseThrow(() -> ConsoleException.noLinkedAgent(user.username()));
        if (named != null && !named.equals(own.value())) {
            throw ConsoleException.notYourAgent(own.value(), printable(named));
        }
        return own;
    }

    private static List<FieldError> codeErrors(String field, String code, String requiredMessage) {
        if (code.isEmpty()) {
            return List.of(new FieldError(field, "required", requiredMessage));
        }
        if (code.length() > MAX_CODE || !code.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            return List.of(new FieldError(field, "invalid", "at most " + MAX_CODE + " characters, no control characters"));
        }
        return List.of();
    }

    /** What a client sent, safe to put into a message: no control characters, not too long. */
    static String printable(String text) {
        String cleaned = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}
