package io.cti.router.calls;

import io.cti.core.messages.ChangeAgentState;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.board.BoardMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent's own requests from the console: Ready, Not ready with a reason, logged out. While a call is reserved,
 * ringing or talking, Ready and Not ready are remembered for after the call (the call is not dropped); logging out
 * then is refused. Ready during wrap-up ends the wrap-up. A refused move is logged and answered with the unchanged
 * state. Not thread-safe: the flow calls it under its lock.
 */
final class AgentStateDesk {

    private static final Logger LOG = LoggerFactory.getLogger(AgentStateDesk.class);
    private static final String DEFAULT_REASON = "not ready";

    private final AgentBoard board;
    private final WrapUpDesk wrapUps;
    /**
     * Writes the moves, routing an agent a move frees (in the same step as their reservation); given what to do
     * after the move if it has to be made again (see {@link Dispatcher#writer}).
     */
    private final Function<Consumer<BoardMove>, AgentBoard.MoveWriter> writer;

    AgentStateDesk(AgentBoard board, WrapUpDesk wrapUps, Function<Consumer<BoardMove>, AgentBoard.MoveWriter> writer) {
        this.board = board;
        this.wrapUps = wrapUps;
        this.writer = writer;
    }

    void change(ChangeAgentState command) {
        if (!board.knows(command.agentId())) {
            LOG.info("state request of unknown agent {} ignored", command.agentId());
            return;
        }
        if (command.requested() == io.cti.core.messages.AgentStatus.NOT_READY
                && command.reasonCode().equals(AgentState.NotReady.NO_ANSWER)) {
            // RONA's reason is the platform's to give: an agent choosing it would pass a break off as missed calls.
            LOG.info("agent {} asked for the system reason {}: refused", command.agentId(), command.reasonCode());
            board.entry(command.agentId()).ifPresent(board::announce);
            return;
        }
        // One move decides on the agent as they are; the requests that are not a plain move (Ready to end a
        // wrap-up, logging out during a call) leave the agent as they are and are answered from the move's reading.
        BoardMove move = board.move(command.agentId(), entry -> decide(entry, command),
                writer.apply(again -> answer(command, again)));
        answer(command, move);
    }

    /** What follows the request's move: the requests that are not a plain move, and the answer to a refused one. */
    private void answer(ChangeAgentState command, BoardMove move) {
        BoardEntry current = move.current();
        if (move instanceof BoardMove.Moved) {
            return;
        }
        if (command.requested() == io.cti.core.messages.AgentStatus.READY
                && current.state() instanceof AgentState.WrapUp && current.wrapUpCall() != null) {
            wrapUps.finish(current.wrapUpCall(), command.agentId(), "", "", null, 0, command.occurredAt());
        } else if (command.requested() == io.cti.core.messages.AgentStatus.LOGGED_OUT && busy(current)) {
            LOG.info("agent {} asked to log out during call {}: refused", command.agentId(), current.call().orElse(null));
            board.announce(current);
        } else if (move instanceof BoardMove.Refused refused) {
            LOG.info("agent {} asked for {}: refused, {}", command.agentId(), command.requested(), refused.reason());
            board.announce(refused.current());
        } else {
            board.announce(current);
        }
    }

    private static boolean busy(BoardEntry entry) {
        return entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing
                || entry.state() instanceof AgentState.OnCall;
    }

    private static BoardChange decide(BoardEntry entry, ChangeAgentState command) {
        boolean busy = busy(entry);
        String reason = command.reasonCode().isBlank() ? DEFAULT_REASON : command.reasonCode();
        if (command.requested() == io.cti.core.messages.AgentStatus.READY && entry.state() instanceof AgentState.WrapUp
                && entry.wrapUpCall() != null) {
            return BoardChange.none();
        }
        if (command.requested() == io.cti.core.messages.AgentStatus.LOGGED_OUT && busy) {
            return BoardChange.none();
        }
        return switch (command.requested()) {
            case READY -> busy ? BoardChange.afterCall(null)
                    : entry.state() instanceof AgentState.Ready ? BoardChange.none() : BoardChange.to(AgentState.READY);
            case NOT_READY -> busy ? BoardChange.afterCall(reason)
                    : entry.state().equals(new AgentState.NotReady(reason)) ? BoardChange.none()
                    : BoardChange.to(new AgentState.NotReady(reason));
            case LOGGED_OUT -> entry.state() instanceof AgentState.LoggedOut ? BoardChange.none()
                    : BoardChange.to(AgentState.LOGGED_OUT);
            default -> BoardChange.none();
        };
    }
}
