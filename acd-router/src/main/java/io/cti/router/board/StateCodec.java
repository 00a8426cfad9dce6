package io.cti.router.board;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStatus;
import io.cti.router.agents.AgentState;

import java.time.Instant;

/**
 * Agent states as the text stored in Redis ("Ringing:c42", "WrapUp:1732540000000", "NotReady:lunch") and as the
 * status other modules see. The text is the state's kind, a colon, and its one parameter. Stateless.
 */
final class StateCodec {

    private StateCodec() {
    }

    static String write(AgentState state) {
        if (state instanceof AgentState.Reserved r) {
            return "Reserved:" + r.call().value();
        }
        if (state instanceof AgentState.Ringing r) {
            return "Ringing:" + r.call().value();
        }
        if (state instanceof AgentState.OnCall c) {
            return "OnCall:" + c.call().value();
        }
        if (state instanceof AgentState.WrapUp w) {
            return "WrapUp:" + w.endsAt().toEpochMilli();
        }
        if (state instanceof AgentState.NotReady n) {
            return "NotReady:" + n.reason();
        }
        return state instanceof AgentState.Ready ? "Ready" : "LoggedOut";
    }

    static AgentState read(String text) {
        int colon = text.indexOf(':');
        String kind = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        return switch (kind) {
            case "Ready" -> AgentState.READY;
            case "LoggedOut" -> AgentState.LOGGED_OUT;
            case "Reserved" -> new AgentState.Reserved(CallId.of(value));
            case "Ringing" -> new AgentState.Ringing(CallId.of(value));
            case "OnCall" -> new AgentState.OnCall(CallId.of(value));
            case "WrapUp" -> new AgentState.WrapUp(Instant.ofEpochMilli(Long.parseLong(value)));
            case "NotReady" -> new AgentState.NotReady(value);
            default -> throw new IllegalArgumentException("not an agent state: " + text);
        };
    }

    static AgentStatus status(AgentState state) {
        if (state instanceof AgentState.Reserved) {
            return AgentStatus.RESERVED;
        }
        if (state instanceof AgentState.Ringing) {
            return AgentStatus.RINGING;
        }
        if (state instanceof AgentState.OnCall) {
            return AgentStatus.ON_CALL;
        }
        if (state instanceof AgentState.WrapUp) {
            return AgentStatus.WRAP_UP;
        }
        if (state instanceof AgentState.NotReady) {
            return AgentStatus.NOT_READY;
        }
        return state instanceof AgentState.Ready ? AgentStatus.READY : AgentStatus.LOGGED_OUT;
    }
}
