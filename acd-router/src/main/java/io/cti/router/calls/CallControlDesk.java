package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.Command;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.ResumeCaller;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Hold and resume from the agent's desktop. Only the agent the call is connected to may ask, while talking on it;
 * hold asks the PBX bridge for {@link HoldCaller} (the caller hears music, the agent stays on the line) and resume for
 * {@link ResumeCaller}. Whether the call is held is read from its hold log, which the bridge's CallHeld and
 * CallResumed write, so a second hold of a held call (or a resume of one not held) is refused rather than sent.
 * A refusal changes nothing and is told to the agent's console as {@link CallControlRefused}. Not thread-safe: the
 * flow calls it under its lock.
 */
final class CallControlDesk {

    private static final Logger LOG = LoggerFactory.getLogger(CallControlDesk.class);

    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;

    CallControlDesk(FlowParts parts, AgentBoard board, CallLedger ledger) {
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
    }

    void hold(HoldCall command) {
        Optional<CallRecord> call = ownCall(command, command.agentId(), command.callId());
        if (call.isEmpty()) {
            return;
        }
        if (isHeld(call.get())) {
            refuse(command, command.agentId(), command.callId(), "already-on-hold",
                    "call " + command.callId() + " is on hold already");
            return;
        }
        parts.publisher().accept(HoldCaller.now(command.callId()));
    }

    void resume(ResumeCall command) {
        Optional<CallRecord> call = ownCall(command, command.agentId(), command.callId());
        if (call.isEmpty()) {
            return;
        }
        if (!isHeld(call.get())) {
            refuse(command, command.agentId(), command.callId(), "not-on-hold",
                    "call " + command.callId() + " is not on hold");
            return;
        }
        parts.publisher().accept(ResumeCaller.now(command.callId()));
    }

    /**
     * The call's record when {@code agent} is on it now (talking to it, the call not ended); otherwise the request is
     * refused and empty returned.
     */
    Optional<CallRecord> ownCall(Command command, AgentId agent, CallId callId) {
        Optional<BoardEntry> entry = board.entry(agent);
        if (entry.isEmpty()) {
            refuse(command, agent, callId, "unknown-agent", "no active agent " + agent);
            return Optional.empty();
        }
        Optional<CallRecord> record = ledger.find(callId);
        if (!entry.get().state().equals(new AgentState.OnCall(callId)) || record.isEmpty()
                || !record.get().agent().map(agent::equals).orElse(false) || record.get().endedAt().isPresent()) {
            refuse(command, agent, callId, "not-your-call", "agent " + agent + " is not talking on call " + callId);
            return Optional.empty();
        }
        return record;
    }

    /** Whether the call's last hold, as its hold log tells it, is still open. */
    static boolean isHeld(CallRecord call) {
        return call.holds().held();
    }

    void refuse(Command command, AgentId agent, CallId callId, String reasonId, String reason) {
        LOG.info("{} {} of {} refused: {}", command.getClass().getSimpleName(), command.id(), agent, reason);
        parts.publisher().accept(CallControlRefused.of(command, agent, callId, reasonId, reason));
    }
}
