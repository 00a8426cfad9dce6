package io.cti.router.calls;

import io.cti.core.ids.AgentId;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * The agents' moves (and freed agents' reservations) sent to Redis without waiting and not taken in yet, oldest
 * first. A handling sends its agent's script and goes on without waiting for the answer (the routing thread's time
 * per agent freed was half waiting for it); the answer is taken in - the board told, the connect command published -
 * by whoever holds the flow's lock next: at the start and end of the next handlings once answered, before any other
 * Redis command under the lock (so nothing the flow reads or writes in Redis is decided on a memory behind what it
 * already sent), and all of them before a tick's part, a settle or a synchronous handling ends. What an answer leaves
 * to do - routing after a refusal, a move found stale made again afresh - is a follow-up, done before the next
 * handling's message, and before anything moves that agent again ({@link #beforeMoving}): so a later request of
 * an agent is always decided after an earlier one. Follow-ups send nothing without waiting. A failure to take an answer in or to
 * follow it up fails whatever met it (a handling, a tick's part, a settle) and is kept for the next
 * {@link #takeKeptFailure}, so that the bus acknowledges none of the messages handled since. Not thread-safe: used
 * under the flow's lock only, except {@link #anyInFlight}.
 */
final class ReservationsInFlight {

    /** Beyond this many unanswered, a handling waits for the oldest before sending another. */
    static final int MOST_IN_FLIGHT = 16;

    /** One script in flight: its agent, whether its answer is there, and what taking it in does. */
    private record Sent(AgentId agent, BooleanSupplier answered, Runnable takeIn) {
    }

    /** What an answer taken in left to do about its agent. */
    private record FollowUp(AgentId agent, Runnable work) {
    }

    private final Deque<Sent> sent = new ArrayDeque<>();
    /** How many of {@link #sent} there are, for a reader without the lock. */
    private volatile int count;
    private final List<FollowUp> followUps = new ArrayList<>();
    private final BooleanSupplier lockHeld;
    /** While answers are taken in: their own Redis commands take nothing in. */
    private boolean takingIn;
    /** Whether the handling under way may send its moves without waiting for them. */
    private boolean overlapping;
    /** The agents whose follow-ups are being done: moving them again meanwhile waits for nothing. */
    private final Set<AgentId> followingUp = new HashSet<>();
    private RuntimeException keptFailure;
    /** How many answers were taken in so far: whoever took some in owes their publishing to the bus. */
    private long takenIn;

    /** {@code lockHeld}: whether the current thread holds the flow's lock (answers are taken in only under it). */
    ReservationsInFlight(BooleanSupplier lockHeld) {
        this.lockHeld = lockHeld;
    }

    /** Runs a message's handling, whose moves may be sent without waiting. */
    void overlapping(Runnable handling) {
        boolean before = overlapping;
        overlapping = true;
        try {
            handling.run();
        } finally {
            overlapping = before;
        }
    }

    /** Whether a move may be sent now without waiting for its answer: in a handling, not in a follow-up. */
    boolean mayOverlap() {
        return overlapping && !takingIn && followingUp.isEmpty();
    }

    /** Before sending another: past the limit, the oldest is taken in (so the one sent next is never lost). */
    void makeRoom() {
        while (sent.size() >= MOST_IN_FLIGHT) {
            takeInOldest();
        }
    }

    /**
     * Files a script sent about {@code agent}: {@code answered} says whether its answer is there, {@code takeIn}
     * takes it in (waiting if need be). Call {@link #makeRoom} before sending.
     */
    void add(AgentId agent, BooleanSupplier answered, Runnable takeIn) {
        sent.add(new Sent(agent, answered, takeIn));
        count = sent.size();
    }

    /**
     * Whether any script is in flight; may be asked without the lock (the answer is then a moment behind): work that
     * can wait may choose not to take the lock while it would first wait for the answers.
     */
    boolean anyInFlight() {
        return count > 0;
    }

    /** Takes in the answers already there, oldest first, stopping at the first not answered yet. */
    void takeInAnswered() {
        while (!takingIn && !sent.isEmpty() && sent.peek().answered().getAsBoolean()) {
            takeInOldest();
        }
    }

    /** Takes in every answer, waiting for those not there yet; the first failure is thrown once all are in. */
    void takeInAll() {
        RuntimeException failure = null;
        while (!takingIn && !sent.isEmpty()) {
            try {
                takeInOldest();
            } catch (RuntimeException e) {
                // The later ones were sent all the same: each is taken in, the first failure told.
                failure = joined(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Before a Redis command: under the lock, what was sent before is taken in first. */
    void beforeCommand() {
        if (lockHeld.getAsBoolean() && !takingIn && !sent.isEmpty()) {
            takeInAll();
        }
    }

    /**
     * Before {@code agent} is moved: what was sent about them is taken in (and what was sent before it) and their
     * follow-ups are done, so the move is decided after every earlier one.
     */
    void beforeMoving(AgentId agent) {
        if (!lockHeld.getAsBoolean() || takingIn || followingUp.contains(agent)) {
            return;
        }
        while (sent.stream().anyMatch(s -> s.agent().equals(agent))) {
            takeInOldest();
        }
        followUp(f -> f.agent().equals(agent));
    }

    /**
     * What an answer about {@code agent} taken in leaves to do: before the next message, before the agent is moved
     * again, or at the settle (see the class).
     */
    void afterHandling(AgentId agent, Runnable followUp) {
        followUps.add(new FollowUp(agent, followUp));
    }

    /** Does every follow-up due, oldest first; true if there was any. */
    boolean followUp() {
        return followUp(f -> true);
    }

    /** The failure met taking an answer in or following it up since the last call (then forgotten); null if none. */
    RuntimeException takeKeptFailure() {
        RuntimeException failure = keptFailure;
        keptFailure = null;
        return failure;
    }

    /** The failure kept for the next {@link #takeKeptFailure}, left kept; null if none. */
    RuntimeException keptFailure() {
        return keptFailure;
    }

    /** Forgets the failure kept for the next {@link #takeKeptFailure}: whoever met it told it, and owes nothing. */
    void forgetKeptFailure() {
        keptFailure = null;
    }

    /** Keeps {@code failure} for the next {@link #takeKeptFailure}, such as the publishing of answers taken in. */
    void keep(RuntimeException failure) {
        if (keptFailure == null) {
            keptFailure = failure;
        }
    }

    /** How many answers were taken in so far (see {@link #keep}). */
    long takenIn() {
        return takenIn;
    }

    private boolean followUp(Predicate<FollowUp> which) {
        List<FollowUp> due = new ArrayList<>();
        for (Iterator<FollowUp> it = followUps.iterator(); it.hasNext(); ) {
            FollowUp f = it.next();
            if (which.test(f)) {
                due.add(f);
                it.remove();
            }
        }
        RuntimeException failure = null;
        for (FollowUp f : due) {
            boolean first = followingUp.add(f.agent());
            try {
                f.work().run();
            } catch (RuntimeException e) {
                keep(e);
                failure = joined(failure, e);
            } finally {
                if (first) {
                    followingUp.remove(f.agent());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return !due.isEmpty();
    }

    private void takeInOldest() {
        Sent oldest = sent.poll();
        count = sent.size();
        takingIn = true;
        try {
            takenIn++;
            oldest.takeIn().run();
        } catch (RuntimeException e) {
            keep(e);
            throw e;
        } finally {
            takingIn = false;
        }
    }

    /** {@code first} with {@code next} suppressed in it, or {@code next} if there was no first failure. */
    static RuntimeException joined(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }
}
