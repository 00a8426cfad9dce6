package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.board.BoardEntry;
import io.cti.router.routing.LaneCounts;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.routing.RoutingBoard;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.WaitExplanation;
import io.cti.router.routing.WaitingCall;
import io.cti.router.waiting.QueuedCall;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatcher's routing board and what it was given: the calls it holds (to put a call back in line when its
 * reservation is refused), the latest entry of each agent with its board revision (to pass over an entry it already
 * has, such as this process's own moves coming back through the change feed), and whose wait reasons are due.
 * Not thread-safe: owned by the dispatcher.
 */
final class RoutingState {

    private final RoutingBoard board;
    private final Map<CallId, WaitingCall> waiting = new HashMap<>();
    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final Map<AgentId, Long> revisions = new HashMap<>();
    private final WaitNotes notes = new WaitNotes();

    /** The state of a board just read from {@code entries} and {@code calls}. */
    RoutingState(RoutingBoard board, Collection<BoardEntry> entries, Collection<WaitingCall> calls) {
        this.board = board;
        for (BoardEntry entry : entries) {
            agents.put(entry.agent().id(), entry.agent());
            revisions.put(entry.agent().id(), entry.revision());
        }
        calls.forEach(call -> waiting.put(call.id(), call));
        notes.reset(waiting.keySet());
    }

    /** The overflow steps and sticky holds due by {@code now}, and on first use what the board was read with. */
    List<RoutingDecision> due(Instant now) {
        return board.decideDue(now);
    }

    /** Gives the board an agent's entry, unless it already has that one or a later one. */
    List<RoutingDecision> agentSeen(BoardEntry entry, Instant now) {
        AgentId id = entry.agent().id();
        Long known = revisions.get(id);
        if (known != null && known >= entry.revision()) {
            return List.of();
        }
        revisions.put(id, entry.revision());
        agents.put(id, entry.agent());
        return board.decideFor(entry.agent(), now);
    }

    /**
     * The agent as found on the board after a move this process planned (and showed the board) was not written:
     * taken whatever its revision, which may be the one the planned move would have had.
     */
    List<RoutingDecision> agentCorrected(BoardEntry entry, Instant now) {
        revisions.remove(entry.agent().id());
        return agentSeen(entry, now);
    }

    /** The agent's latest entry again, as the board had it before a decision it turned out not to keep. */
    List<RoutingDecision> agentFreeAgain(AgentId agent, Instant now) {
        Agent known = agents.get(agent);
        return known == null ? List.of() : board.decideFor(known, now);
    }

    /**
     * An agent refused while Ready on the board stays given their call on the routing board until their next entry,
     * whatever its revision, so the refusal cannot repeat.
     */
    void agentWithheld(AgentId agent) {
        revisions.remove(agent);
    }

    /** A call waiting (new, back in line, or learned from another router): filed, and routed if it can be. */
    List<RoutingDecision> callWaits(WaitingCall call, Instant now) {
        waiting.put(call.id(), call);
        notes.add(call.id());
        return board.decideFor(call, now);
    }

    /** The call as the board holds it again, after its reservation was refused on the agent's side. */
    List<RoutingDecision> callBackInLine(CallId call, Instant now) {
        WaitingCall held = waiting.get(call);
        return held == null ? List.of() : board.decideFor(held, now);
    }

    /** Whether the board holds the call where {@code call} says it waits (its own change coming back). */
    boolean holdsAsIs(QueuedCall call) {
        WaitingCall held = waiting.get(call.id());
        return held != null && held.queue().equals(call.queue()) && held.enqueuedAt().equals(call.enqueuedAt());
    }

    /** The call is not waiting any more (taken elsewhere, ended): off the board. */
    void forget(CallId call) {
        board.forget(call);
        waiting.remove(call);
        notes.forget(call);
    }

    /** The call rings at its agent: the board dropped it with the decision. */
    void connected(CallId call) {
        waiting.remove(call);
        notes.forget(call);
    }

    Optional<WaitingCall> call(CallId call) {
        return Optional.ofNullable(waiting.get(call));
    }

    Optional<WaitExplanation> whyWaiting(CallId call, Instant now) {
        return board.whyWaiting(call, now);
    }

    /** The reasons due to be filed at {@code now}, counted as filed. */
    List<WaitExplanation> dueReasons(Instant now, Duration maxAge, int limit, LaneCounts counts, int maxNewLanes) {
        List<CallId> due = notes.due(now, maxAge, limit);
        RoutingBoard.Explained explained = board.whyWaiting(due, now, counts, maxNewLanes);
        // A call the board does not hold now has no reason to file; it counts as looked at, so that it does not
        // take a place in every part until it leaves. The calls after where the counting stopped stay due.
        due.subList(0, explained.lookedAt()).forEach(call -> notes.filed(call, now));
        return explained.reasons();
    }

    RoundRobinMemory memory() {
        return board.memory();
    }
}
