package io.cti.router.calls;

import io.cti.core.dialing.CallWindow;
import io.cti.core.dialing.CalleeZones;
import io.cti.core.messages.DialCustomer;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Click-to-dial from the customer card: checks that the agent may take a call now (logged in, Ready or Not ready:
 * not reserved, ringing, talking or wrapping up) and that dialing law lets the number be called now (not on the
 * Do-Not-Call list, inside the callee's local calling window in every zone their number's region spans); each
 * refusal is told to the agent's console as a CallControlRefused with its reason.
 *
 * <p>Placing the call (the agent's phone first, then the customer through the trunk) is the motion of the
 * callbacks' CallBackCustomer on branch h1, whose bridge command and [cti-callback] dialplan are not in this
 * branch: until the two are merged, a request that passes every check is refused as {@code dialing-unavailable},
 * so the agent is told rather than left waiting for a phone that never rings. Not thread-safe: the flow calls it
 * under its lock.
 */
final class ClickToDialDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ClickToDialDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallControlDesk control;
    private final DoNotCallList doNotCall;
    private final CallWindow window;
    private final CalleeZones zones;

    ClickToDialDesk(FlowParts parts, AgentBoard board, CallControlDesk control, DoNotCallList doNotCall,
                    CallWindow window, CalleeZones zones) {
        this.parts = parts;
        this.board = board;
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
        LOG.info("click-to-dial of {} by {} passed its checks; no PBX leg in this build", command.number().masked(),
                command.agentId());
        control.refuse(command, command.agentId(), null, "dialing-unavailable",
                "click-to-dial cannot place calls on this platform yet; the number may be called now");
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
