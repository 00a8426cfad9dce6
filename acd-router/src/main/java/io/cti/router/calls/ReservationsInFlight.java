package io.cti.router.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The reservations of freed agents sent to Redis and not taken in yet, oldest first. A handling sends its freed
 * agent's script and goes on without waiting for the answer (the routing thread's time per agent freed was half
 * waiting for it); the answer is taken in - the board told, the connect command published, a refusal's fix-ups
 * routed - by whoever holds the flow's lock next: at the start and end of the next handlings once answered, before
 * any other Redis command under the lock (so nothing the flow reads or writes in Redis is decided on a memory behind
 * what it already sent), and all of them before a tick's part, a settle or a synchronous handling ends. What a
 * refusal leaves to route, and a move that turned out stale, wait until the handling under way is over
 * ({@link #afterHandling}). A failure to take
 * an answer in fails the handling that meets it and is kept for the next {@link #throwKeptFailure}, so that the bus
 * acknowledges none of the messages handled since. Not thread-safe: used under the flow's lock only.
 */
final class ReservationsInFlight {

    /** Beyond this many unanswered, a handling waits for the oldest before sending another. */
    static final int MOST_IN_FLIGHT = 16;

    /** One reservation in flight: whether its answer is there, and what taking it in does. */
    private record Sent(BooleanSupplier answered, Runnable takeIn) {
    }

    private final Deque<Sent> sent = new ArrayDeque<>();
    private final List<Runnable> followUps = new ArrayList<>();
    private final BooleanSupplier lockHeld;
    /** While answers are taken in: their own Redis commands take nothing in. */
    private boolean takingIn;
    /** Whether the handling under way may send a freed agent's reservation without waiting for it. */
    private boolean overlapping;
    private RuntimeException keptFailure;

    /** {@code lockHeld}: whether the current thread holds the flow's lock (answers are taken in only under it). */
    ReservationsInFlight(BooleanSupplier lockHeld) {
        this.lockHeld = lockHeld;
    }

    /** Runs a message's handling (or its follow-ups), whose freed agents' reservations may be sent without waiting. */
    void overlapping(Runnable handling) {
        boolean before = overlapping;
        overlapping = true;
        try {
            handling.run();
        } finally {
            overlapping = before;
        }
    }

    /** Whether a freed agent's reservation may be sent now without waiting for its answer. */
    boolean mayOverlap() {
        return overlapping && !takingIn;
    }

    /**
     * Files a reservation sent: {@code answered} says whether its answer is there, {@code takeIn} takes it in
     * (waiting if need be). Past the limit, the oldest is taken in first.
     */
    void add(BooleanSupplier answered, Runnable takeIn) {
        while (sent.size() >= MOST_IN_FLIGHT) {
            takeInOldest();
        }
        sent.add(new Sent(answered, takeIn));
    }

    /** Takes in the answers already there, oldest first, stopping at the first not answered yet. */
    void takeInAnswered() {
        while (!sent.isEmpty() && sent.peek().answered().getAsBoolean() && !takingIn) {
            takeInOldest();
        }
    }

    /** Takes in every answer, waiting for those not there yet. */
    void takeInAll() {
        RuntimeException failure = null;
        while (!sent.isEmpty() && !takingIn) {
            try {
                takeInOldest();
            } catch (RuntimeException e) {
                // The later ones were sent all the same: each is taken in, the first failure told.
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Before a Redis command: under the lock, what was sent before is taken in first. */
    void beforeCommand() {
        if (!sent.isEmpty() && !takingIn && lockHeld.getAsBoolean()) {
            takeInAll();
        }
    }

    /**
     * What an answer taken in leaves to do once the handling under way is over: routing after a refusal, a stale
     * move made again afresh. Taken in in the middle of a step, the answer cannot route there.
     */
    void afterHandling(Runnable followUp) {
        followUps.add(followUp);
    }

    /** Does what the answers taken in left to do; true if there was anything. */
    boolean followUp() {
        if (followUps.isEmpty()) {
            return false;
        }
        List<Runnable> due = List.copyOf(followUps);
        followUps.clear();
        due.forEach(Runnable::run);
        return true;
    }

    /** Throws (once) the failure met taking an answer in since the last call, if any. */
    void throwKeptFailure() {
        RuntimeException failure = keptFailure;
        keptFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    /** Forgets the failure kept for the next {@link #throwKeptFailure}: it was told already. */
    void forgetKeptFailure() {
        keptFailure = null;
    }

    private void takeInOldest() {
        Sent oldest = sent.poll();
        takingIn = true;
        try {
            oldest.takeIn().run();
        } catch (RuntimeException e) {
            if (keptFailure == null) {
                keptFailure = e;
            }
            throw e;
        } finally {
            takingIn = false;
        }
    }
}
