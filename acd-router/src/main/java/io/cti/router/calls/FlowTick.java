package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardChange;
import io.cti.router.board.BoardEntry;
import io.cti.router.waiting.ChangeFeed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flow's once-a-second safety net ({@link #tick}: due wrap-ups end, overdue calls leave, due callbacks are
 * queued, the change feed is caught up with, agents left reserved by lost reservations return, routing is tried with
 * its explanations, wait reasons are filed and the queues' figures published) and its following of the change feed
 * between the ticks ({@link #followChanges}). Each part takes the flow's lock on its own, so a message waits for one
 * part at most, not for the tick. Thread-safe: one tick at a time (the ticker's thread), the follower on a thread of
 * its own.
 */
final class FlowTick {

    /** How often the tick looks for calls waiting far past their queue's maximum wait: they are gone minutes ago. */
    private static final Duration OVERDUE_CHECK = Duration.ofSeconds(10);
    /**
     * The tick, or the follower, reads at most this many batches (of 100) of the change feed at once; the next tick,
     * follow or step goes on.
     */
    private static final int MAX_CATCH_UP_BATCHES = 500;
    /** How long into a tick its parts let messages go first. */
    private static final Duration TICK_PATIENCE = Duration.ofMillis(500);
    /** Wait reasons filed per part of a tick: a part counting the agents of a few lanes takes a few milliseconds. */
    private static final int REASONS_PER_PART = 5;

    private final FlowLock flowLock;
    private final FlowParts parts;
    private final AgentBoard board;
    private final CallLedger ledger;
    private final Dispatcher dispatcher;
    private final QueueFiguresDesk figures;
    private final WrapUpDesk wrapUps;
    private final HangUpDesk hangUps;
    private final CallbackDesk callbacks;
    private final PopCards pops;
    private final ClickToDialCalls clickToDialCalls;
    /** When the running tick started (nanoTime); the tick's own thread only. */
    private long tickStartedAt;
    /** Read and written by the tick's thread only. */
    private volatile Instant overdueCheckedAt = Instant.MIN;

    FlowTick(FlowLock flowLock, FlowParts parts, AgentBoard board, CallLedger ledger, Dispatcher dispatcher,
             QueueFiguresDesk figures, WrapUpDesk wrapUps, HangUpDesk hangUps, CallbackDesk callbacks, PopCards pops,
             ClickToDialCalls clickToDialCalls) {
        this.flowLock = flowLock;
        this.parts = parts;
        this.board = board;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.figures = figures;
        this.wrapUps = wrapUps;
        this.hangUps = hangUps;
        this.callbacks = callbacks;
        this.pops = pops;
        this.clickToDialCalls = clickToDialCalls;
    }

    /**
     * The once-a-second safety net; see the class comment. Its parts take the lock one after the other, each once
     * the messages being handled are through ({@link #part}), so a message waits for one part at most, not the tick.
     */
    void tick() {
        tickStartedAt = System.nanoTime();
        part(wrapUps::expireDue);
        Instant now = parts.clock().instant();
        if (!now.isBefore(overdueCheckedAt.plus(OVERDUE_CHECK))) {
            for (QueueName queue : part(figures::queues)) {
                part(() -> hangUps.dropOverdue(queue));
            }
            overdueCheckedAt = now;
        }
        partDoing(callbacks::claimDue, callbacks::offer);
        // What other routers changed (what the follower has not taken in yet), a batch at a time.
        catchUp(true);
        // After catching up: the board's memory of the agents is as fresh as it gets.
        returnAgentsOfLostReservations();
        part(() -> dispatcher.tryRoute(true));
        fileWaitReasons();
        pops.dropStale();
        for (QueueName queue : part(figures::queues)) {
            partDoing(() -> figures.measure(queue), measured -> figures.publishNow(queue, measured));
        }
    }

    /**
     * Takes in what other router processes changed since the last read of the change feed, to its end, a batch at a
     * time: each read without the lock and taken in under it on its own, as the tick's catch-up, but without letting
     * messages go first (a batch of a few milliseconds' changes is taken in within a fraction of one). Run every few
     * milliseconds beside the tick, it keeps the board close behind the other routers' moves, so that a move this
     * router sends about an agent another router moved since is seldom refused as stale and made again, and a step
     * that routes nothing need not read the feed itself. Reads nothing more, and takes no lock, when nothing changed;
     * gives the round up while a handling's scripts are in flight (the steps, and the tick, read the feed then).
     */
    void followChanges() {
        catchUp(false);
    }

    /**
     * Reads the change feed to its end, each batch taken in under the lock on its own so that no message waits for
     * all of it, letting the messages being handled go first if {@code patient} (the tick's way); a batch with nothing
     * in it ends the reading without taking the lock. Not {@code patient} (the follower's way), it stops while a
     * handling's scripts are in flight: under the lock it would first wait for their answers (and publish what they
     * allow), holding up the messages behind it for a catch-up that the next follow does as well.
     */
    private void catchUp(boolean patient) {
        boolean more = true;
        for (int batch = 0; more && batch < MAX_CATCH_UP_BATCHES; batch++) {
            if (patient) {
                letMessagesGoFirst();
            } else if (parts.inFlight().anyInFlight()) {
                // Giving way: until the next round that reads to the end, the steps read the feed themselves.
                dispatcher.notFollowing();
                return;
            }
            ChangeFeed.Batch read = dispatcher.readAhead();
            if (read.isEmpty()) {
                if (!patient) {
                    dispatcher.followed();
                }
                return;
            }
            more = flowLock.lockedWith(read, dispatcher::catchUp);
        }
    }

    /** The wait reasons due, a few calls per part so that no message waits for all of them. */
    private void fileWaitReasons() {
        int left = parts.settings().explanationsPerTick();
        while (left > 0) {
            int size = Math.min(REASONS_PER_PART, left);
            Map<CallId, Map<String, String>> reasons = part(() -> dispatcher.waitReasonsDue(size));
            if (reasons.isEmpty()) {
                return;
            }
            // Outside the lock: written a moment after it was worked out, it still says why the call waited until then.
            ledger.writeMany(reasons);
            left -= size;
        }
    }

    /**
     * An agent still Reserved or Ringing for a call whose reservation is gone and that was never answered: the
     * reservation expired (the bridge never rang) and the reaper returned call and agent; the board follows. Only
     * agents in that state longer than a reservation can last unconfirmed (Reserved) or than the margin after the
     * ring (Ringing) are looked at: a younger reservation cannot have expired. A Ready agent missing from the ready
     * set is put back into it.
     */
    private void returnAgentsOfLostReservations() {
        for (BoardEntry entry : part(this::routableAgents, this::agentsToLookAt)) {
            part(() -> lookAt(entry));
        }
    }

    /**
     * The ready set, read before the lock: an agent a handling makes Ready meanwhile looks missing from it, and
     * {@link #lookAt} then finds them in it (each suspect is checked afresh).
     */
    private Set<AgentId> routableAgents() {
        Set<AgentId> routable = new HashSet<>();
        parts.ready().longestIdleFirst().forEach(r -> routable.add(r.agent()));
        return routable;
    }

    /**
     * The agents {@link #returnAgentsOfLostReservations} looks at, one part each: found in the board's memory and
     * the ready set read ahead ({@code routable}), without a round trip each.
     */
    private List<BoardEntry> agentsToLookAt(Set<AgentId> routable) {
        Instant now = parts.clock().instant();
        List<BoardEntry> suspects = new ArrayList<>();
        for (BoardEntry entry : board.allWhere(state -> state instanceof AgentState.Reserved
                || state instanceof AgentState.Ringing || state instanceof AgentState.Ready)) {
            Duration held = entry.state() instanceof AgentState.Reserved ? parts.settings().reservationTimeout()
                    : parts.settings().ringMargin();
            boolean young = entry.agent().since().plus(held).isAfter(now);
            if ((entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing) && !young
                    || entry.state() instanceof AgentState.Ready && !routable.contains(entry.agent().id())) {
                suspects.add(entry);
            }
        }
        return suspects;
    }

    private void lookAt(BoardEntry entry) {
        if (entry.state() instanceof AgentState.Reserved || entry.state() instanceof AgentState.Ringing) {
            CallId call = entry.call().orElseThrow();
            // Answered by this agent: CallConnected is moving them on. Answered by another, or reserved for
            // another (the call was routed again after this agent's reservation expired), or never answered:
            // this agent is free.
            AgentId agent = entry.agent().id();
            board.move(agent, e -> e.state().equals(entry.state())
                    && parts.reservations().currentOf(call).filter(r -> r.agent().equals(agent)).isEmpty()
                    && !clickToDialCalls.agentLegPending(call, parts.clock().instant())
                    && !ledger.find(call).filter(r -> r.answered()
                            && r.agent().filter(entry.agent().id()::equals).isPresent()).isPresent()
                    ? BoardChange.to(AgentState.READY) : BoardChange.none());
        } else {
            // Checked afresh: the entry above may be a moment behind another router that moved the agent.
            board.entry(entry.agent().id()).filter(e -> e.state() instanceof AgentState.Ready)
                    .ifPresent(e -> parts.ready().markReady(e.agent().id(), e.agent().idleSince()));
        }
    }

    private void part(Runnable work) {
        part(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A part of the tick: it lets the messages being handled or waiting go first, then takes the lock. Only for the
     * tick's first {@link #TICK_PATIENCE}: a router flooded with messages still ticks, its parts then taking turns
     * with the messages (the lock is fair).
     */
    private <T> T part(Supplier<T> work) {
        return part(() -> null, ignored -> work.get());
    }

    /** As {@link #part(Supplier, Function)}, for work that answers nothing. */
    private <A> void partDoing(Supplier<A> ahead, Consumer<A> work) {
        this.<A, Void>part(ahead, read -> {
            work.accept(read);
            return null;
        });
    }

    /**
     * A part of the tick that reads from Redis first, without the lock ({@code ahead}), and then does its {@code work}
     * with what was read under the lock; what the work publishes is waited for after the lock is released (unless the
     * part took in a handling's answers first: see {@link FlowLock#locked(Supplier, boolean)}). So a message waits
     * for the part's work in memory, not for its round trips.
     */
    private <A, T> T part(Supplier<A> ahead, Function<A, T> work) {
        letMessagesGoFirst();
        return flowLock.lockedWith(ahead.get(), work);
    }

    /** Waits while messages are being handled or wait to be, for the tick's first {@link #TICK_PATIENCE} at most. */
    private void letMessagesGoFirst() {
        long giveUp = tickStartedAt + TICK_PATIENCE.toNanos();
        while (flowLock.messagesWaiting() && System.nanoTime() - giveUp < 0) {
            LockSupport.parkNanos(50_000);
        }
    }
}
