package io.cti.console.push;

import io.cti.console.ConsoleException;
import io.cti.console.access.ConsolePrincipal;
import io.cti.core.bus.MessageBus;
import io.cti.core.customers.FieldError;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.TransferTarget;
import io.cti.core.phone.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The call controls of an agent's desk: hang up, hold, resume and transfer the agent's own connected call, and
 * click-to-dial a customer. Every control acts only on the call the console knows the logged-in user's agent is on
 * now; a call id from the client must be that call, else nothing is published. The commands go to the router and
 * the PBX bridge on the bus, which have the last word. Thread-safe (stateless but for the shared hub).
 */
final class CallControl {

    private static final Logger log = LoggerFactory.getLogger(CallControl.class);
    /** While the agent is in one of these, they have a call to dial around: click-to-dial is refused. */
    private static final Set<AgentStatus> BUSY = Set.of(AgentStatus.RESERVED, AgentStatus.RINGING, AgentStatus.ON_CALL);

    private final MessageBus bus;
    private final PushHub hub;
    private final Clock clock;

    CallControl(MessageBus bus, PushHub hub, Clock clock) {
        this.bus = bus;
        this.hub = hub;
        this.clock = clock;
    }

    /** Ends the agent's connected call. */
    CallId hangUp(ConsolePrincipal user, String namedCall) {
        CallId call = connectedCall(user, namedCall, "hang up");
        bus.publish(new HangUp(MessageId.random(), clock.instant(), call));
        log.info("agent {} ({}) hangs up call {}", user.agentId(), user.username(), call);
        return call;
    }

    /** Puts the caller of the agent's connected call on hold. */
    CallId hold(ConsolePrincipal user, String namedCall) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        CallId call = connectedCall(user, namedCall, "hold");
        bus.publish(new HoldCall(MessageId.random(), clock.instant(), call, agent));
        log.info("agent {} holds call {}", agent, call);
        return call;
    }

    /** Brings the held caller back. */
    CallId resume(ConsolePrincipal user, String namedCall) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        CallId call = connectedCall(user, namedCall, "resume");
        bus.publish(new ResumeCall(MessageId.random(), clock.instant(), call, agent));
        log.info("agent {} resumes call {}", agent, call);
        return call;
    }

    /** Hands the caller on to a queue or another agent ({@code kind} QUEUE or AGENT). */
    CallId transfer(ConsolePrincipal user, String namedCall, String kind, String target) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        CallId call = connectedCall(user, namedCall, "transfer");
        TransferTarget to = target(agent, kind, target);
        bus.publish(new TransferCall(MessageId.random(), clock.instant(), call, agent, to));
        log.info("agent {} transfers call {} to {} {}", agent, call, to.kind(), to.name());
        return call;
    }

    /** Click-to-dial: the agent's phone rings first, then {@code number} (E.164) is dialed. */
    AgentId dial(ConsolePrincipal user, String number, Long customerId) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        Optional<AgentStateChanged> state = hub.stateOf(agent);
        if (state.isPresent() && BUSY.contains(state.get().status())) {
            throw ConsoleException.busyAgent(agent.value(), state.get().status().name());
        }
        PhoneNumber phone;
        CustomerId customer;
        try {
            phone = new PhoneNumber(number == null ? "" : number.strip());
        } catch (IllegalArgumentException e) {
            throw ConsoleException.invalidInput("dial", List.of(new FieldError("number", "invalid",
                    "an E.164 number such as +8613800138000")));
        }
        try {
            customer = customerId == null ? null : CustomerId.of(customerId);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.invalidInput("dial", List.of(new FieldError("customerId", "invalid",
                    "a customer id is a positive number")));
        }
        bus.publish(new DialCustomer(MessageId.random(), clock.instant(), agent, phone, customer));
        log.info("agent {} dials {}", agent, phone.masked());
        return agent;
    }

    /** The call the user's agent is connected to now; {@code named}, when the client sent one, must be it. */
    private CallId connectedCall(ConsolePrincipal user, String named, String action) {
        AgentId agent = AgentDesk.ownAgent(user, null);
        Optional<AgentStateChanged> state = hub.stateOf(agent);
        CallId call = state.filter(s -> s.status() == AgentStatus.ON_CALL && s.callId() != null)
                .map(AgentStateChanged::callId)
                .orElseThrow(() -> ConsoleException.noCallToControl(agent.value(), action,
                        state.map(s -> s.status().name()).orElse("unknown")));
        if (named != null && !named.equals(call.value())) {
            throw ConsoleException.notYourCall(agent.value(), AgentDesk.printable(named));
        }
        return call;
    }

    private static TransferTarget target(AgentId agent, String kind, String name) {
        String upper = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        TransferTarget.Kind parsed;
        try {
            parsed = TransferTarget.Kind.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.invalidInput("transfer", List.of(new FieldError("targetKind", "invalid",
                    "one of QUEUE, AGENT")));
        }
        String trimmed = name == null ? "" : name.strip();
        if (parsed == TransferTarget.Kind.AGENT && trimmed.equals(agent.value())) {
            throw ConsoleException.invalidInput("transfer", List.of(new FieldError("target", "self",
                    "a call cannot be transferred to the agent who has it")));
        }
        try {
            return new TransferTarget(parsed, trimmed);
        } catch (RuntimeException e) {
            throw ConsoleException.invalidInput("transfer", List.of(new FieldError("target", "invalid",
                    "a queue name or agent id: " + AgentDesk.printable(trimmed))));
        }
    }
}
