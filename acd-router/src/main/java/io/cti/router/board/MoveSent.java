package io.cti.router.board;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A board move sent to Redis without waiting ({@link AgentBoard#sendMove}) and not taken in yet: nothing of it is
 * known to the board until {@link AgentBoard#takeIn(MoveSent)}. Immutable (its answer completes once).
 */
public final class MoveSent {

    final AgentBoard.PlannedMove move;
    final CompletableFuture<List<Object>> answer;

    MoveSent(AgentBoard.PlannedMove move, CompletableFuture<List<Object>> answer) {
        this.move = move;
        this.answer = answer;
    }

    /** Whether Redis answered (or the sending failed): taking it in will not wait. */
    public boolean answered() {
        return answer.isDone();
    }
}
