package io.cti.router.calls;

import io.cti.core.dialing.CallWindow;
import io.cti.core.dialing.CalleeZones;
import io.cti.core.customers.CustomerCard;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.DialCustomer;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import io.cti.router.callbacks.CallbackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Click-to-dial from the customer card: checks that the agent may take a call now (logged in, Ready or Not ready:
 * not reserved, ringing, talking or wrapping up) and that dialing law lets the number be called now (not on the
 * Do-Not-Call list, inside the callee's local calling window in every zone their number's region spans); each
 * refusal is told to the agent's console as a CallControlRefused with its reason.
 *
 * <p>A request passing every check is placed the way a callback is: the agent is reserved for the new call (from
 * Ready or Not ready in one step, never routable in between, to go Not ready again after it), its record is written (the customer's number, the
 * agent, marked click-to-dial, so it is written to history as outbound) and {@link CallBackCustomer} is sent: the
 * bridge rings the agent's phone and [cti-callback] then dials the customer. {@link ClickToDialCalls} follows the
 * call from there. Not thread-safe: the flow calls it under its lock.
 */
final class ClickToDialDesk {

    /** What a click-to-dial's call is filed under: it is no queue's call (the dialplan hears it as ACD_SKILL). */
    static final QueueName QUEUE = QueueName.of("click-to-dial");
    /** How long the agent's own phone rings before the call is given up. */
    static final Duration AGENT_RING = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(ClickToDialDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallControlDesk control;
    private final DoNotCallList doNotCall;
    private final CallWindow window;
    private final CalleeZones zones;
    private final CallLedger ledger;
    private final CallbackSettings dialSettings;

    ClickToDialDesk(FlowParts parts, AgentBoard board, CallLedger ledger, CallControlDesk control,
                    DialingRules dialing, CallbackSettings dialSettings) {
        this(parts, board, control, dialing.doNotCall(), dialing.window(), dialing.zones(), ledger, dialSettings);
    }

    private ClickToDialDesk(FlowParts parts, AgentBoard board, CallControlDesk control, DoNotCallList doNotCall,
                            CallWindow window, CalleeZones zones, CallLedger ledger, CallbackSettings dialSettings) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.dialSettings = dialSettings;
        this.control = control;
        this.doNotCall = doNotCall;
        this.window = window;
        this.zones = zones;
    }

    void dial(DialCustomer command) {
        Optional<String> refusal = refusal(command);
        if (refusal.isPresent()) {
            String[] why = refusal.get().split("\\|", 2);
            control.refuse(command, command.agentId(), null, why[0], why[1]);
            return;
        }
        place(command);
    }

    private void place(DialCustomer command) {
        AgentId agent = command.agentId();
        CallId call = CallId.of(ClickToDialCalls.PREFIX + UUID.randomUUID().toString().replace("-", ""));
        Instant now = parts.clock().instant();
        Map<String, String> record = new HashMap<>();
        record.put(CallLedger.NUMBER, command.number().e164());
        record.put(CallLedger.ANI, command.number().e164());
        record.put(CallLedger.QUEUE, QUEUE.value());
        record.put(CallLedger.ROUTED_QUEUE, QUEUE.value());
        record.put(CallLedger.AGENT, agent.value());
        record.put(CallLedger.REASON, "click-to-dial by " + agent);
        record.put(CallLedger.DECIDED_AT, CallLedger.millis(now));
        record.put(CallLedger.CLICK_TO_DIAL, "1");
        Optional.ofNullable(command.customerId())
                .or(() -> parts.cards().byNumber(command.number()).map(CustomerCard::id))
                .ifPresent(customer -> record.put(CallLedger.CUSTOMER, Long.toString(customer.value())));
        // The record first: the call's first events may come before anything else here is done.
        ledger.firstTime(call, CallLedger.ARRIVED_AT, now);
        ledger.write(call, record);
        Optional<String> endpoint = reserve(agent, call);
        if (endpoint.isEmpty()) {
            ledger.firstTime(call, CallLedger.ENDED_AT, now);
            control.refuse(command, agent, null, "agent-busy", "agent " + agent + " was given another call");
            return;
        }
        String extension = endpoint.get().substring(endpoint.get().indexOf('/') + 1);
        parts.publisher().accept(CallBackCustomer.now(call, agent, extension, command.number().e164(),
                dialSettings.callerId(), QUEUE, AGENT_RING, dialSettings.dialTimeout()));
        LOG.info("click-to-dial {} by {} to {}: the agent's phone rings first", call, agent, command.number().masked());
    }

    /**
     * Reserves the agent for the call in one compare-and-set, straight from Ready or Not ready (remembering the
     * reason to go back to after the call) and out of the ready set, so no other router can route a call to an agent
     * on a break meanwhile; the agent's endpoint, or empty when another router gave them a call first.
     */
    private Optional<String> reserve(AgentId agent, CallId call) {
        BoardMove reserved = board.move(agent, entry -> entry.state() instanceof AgentState.NotReady notReady
                ? BoardChange.ownCall(call, notReady.reason())
                : entry.state() instanceof AgentState.Ready ? BoardChange.ownCall(call, null) : BoardChange.none());
        return reserved.moved() ? Optional.of(reserved.current().agent().endpoint()) : Optional.empty();
    }

    /** Why the request must be refused ("reasonId|words"), or empty when every check passes. */
    private Optional<String> refusal(DialCustomer command) {
        Optional<BoardEntry> entry = board.entry(command.agentId());
        if (entry.isEmpty()) {
            return Optional.of("unknown-agent|no active agent " + command.agentId());
        }
        AgentState state = entry.get().state();
        if (!(state instanceof AgentState.Ready) && !(state instanceof AgentState.NotReady)) {
            return Optional.of("agent-busy|agent " + command.agentId() + " cannot place a call while " + state);
        }
        if (doNotCall.listed(command.number())) {
            return Optional.of("do-not-call|" + command.number().masked() + " is on the Do-Not-Call list");
        }
        List<ZoneId> calleeZones = zones.of(command.number());
        Instant now = parts.clock().instant();
        if (calleeZones.isEmpty()) {
            return Optional.of("outside-calling-window|the local time of " + command.number().masked()
                    + " (region '" + CalleeZones.regionOf(command.number()) + "') is not known, so it may not be called");
        }
        if (!window.allows(now, calleeZones)) {
            String local = calleeZones.stream().map(zone -> now.atZone(zone).toLocalTime().withNano(0) + " " + zone)
                    .collect(Collectors.joining(", "));
            return Optional.of("outside-calling-window|" + command.number().masked() + " may be called only "
                    + window + " local time; it is " + local);
        }
        return Optional.empty();
    }
}
