package io.cti.router.board;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A move that frees an agent and their reservation, sent to Redis in one script without waiting
 * ({@link AgentBoard#sendFreeAndReserve}) and not taken in yet: nothing of it is known to the board, published or
 * told to the dispatcher until {@link AgentBoard#takeIn(FreeingSent)}. Immutable (its answer completes once).
 */
public final class FreeingSent {

    final AgentBoard.PlannedMove move;
    final ReservationRequest request;
    final Instant since;
    final CompletableFuture<ReserveScript.Answer> answer;

    FreeingSent(AgentBoard.PlannedMove move, ReservationRequest request, Instant since,
                CompletableFuture<ReserveScript.Answer> answer) {
        this.move = move;
        this.request = request;
        this.since = since;
        this.answer = answer;
    }

    /** Whether Redis answered (or the sending failed): taking it in will not wait. */
    public boolean answered() {
        return answer.isDone();
    }
}
