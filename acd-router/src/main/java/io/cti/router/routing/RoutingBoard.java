package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The router's working memory between decisions: waiting calls filed in lanes (queue and skills) by order key, free
 * Ready agents in pools per strategy, and timers for overflow steps and sticky holds. It answers one agent becoming
 * Ready or one call arriving with a decision in about the time of a few map lookups, and keeps one rule after every
 * step: no free agent is left while a call they can serve waits (calls held for a sticky agent aside). Decisions
 * count as reservations on the board; the caller still has to reserve them for real. Deterministic for a given
 * random generator; no clock, no I/O. Not thread-safe: confine a board to one thread.
 */
public final class RoutingBoard {

    private final RandomGenerator random;
    private final AgentRegistry agents = new AgentRegistry();
    private final CallFiling calls;
    private final Map<QueueName, AgentId> roundRobin;
    private final Decisions decisions;
    private boolean settled;

    /** Files the snapshot without deciding anything yet; the first entry point makes the round's decisions. */
    RoutingBoard(RoutingSnapshot snapshot, RandomGenerator random, Instant now) {
        this.random = random;
        Map<QueueName, QueueDefinition> queues = new LinkedHashMap<>();
        snapshot.queues().forEach(q -> queues.put(q.name(), q));
        calls = new CallFiling(queues, agents);
        roundRobin = new HashMap<>(snapshot.memory().lastServed());
        decisions = new Decisions(agents, roundRobin);
        snapshot.agents().forEach(agents::put);
        snapshot.calls().forEach(c -> calls.place(c, now));
    }

    /**
     * Takes in the latest snapshot of one agent (typically just Ready) and routes what that allows: a call held for
     * or sticking to this agent first, else the most urgent call across all lanes the agent can serve. Also returns
     * decisions that overflow and sticky timers due by {@code now} made possible. The snapshot is the truth: a Ready
     * agent this board gave a call is free again (their reservation was released).
     */
    public List<RoutingDecision> decideFor(Agent agent, Instant now) {
        List<RoutingDecision> out = new ArrayList<>(1);
        agents.put(agent);
        List<CallEntry> due = settle(now, out);
        List<CallEntry> sticking = calls.relocateStickingTo(agent.id(), now);
        for (CallEntry e : sticking) {
            if (e.sticky.outcome() == StickyCheck.Outcome.HIT && agents.isFree(agent.id()) && calls.holds(e)) {
                addIfMade(out, stickyHit(e, now));
            }
        }
        if (agents.isFree(agent.id())) {
            serveFreeAgent(agent, now, out);
        }
        due.addAll(sticking);
        routeInOrder(due, now, out);
        return out;
    }

    /**
     * Takes in one waiting call (new, or back in line after RONA: it keeps its order key) and routes it if an agent
     * can take it now. Also returns decisions that timers due by {@code now} made possible.
     */
    public List<RoutingDecision> decideFor(WaitingCall call, Instant now) {
        List<RoutingDecision> out = new ArrayList<>(1);
        CallEntry e = calls.place(call, now);
        List<CallEntry> due = settle(now, out);
        due.add(e);
        routeInOrder(due, now, out);
        return out;
    }

    /**
     * Routes what the overflow steps and sticky holds due by {@code now} allow (and, on first use, what the snapshot
     * allows), without explaining anything: the cheap step to run when time passes without any other change.
     */
    public List<RoutingDecision> decideDue(Instant now) {
        List<RoutingDecision> out = new ArrayList<>(0);
        routeInOrder(settle(now, out), now, out);
        return out;
    }

    /** Makes every decision possible at {@code now} and explains why each remaining call waits. */
    public RoundResult round(Instant now) {
        List<RoutingDecision> out = new ArrayList<>();
        routeInOrder(settle(now, out), now, out);
        Map<Lane, WaitReason> byLane = new HashMap<>();
        List<WaitExplanation> waiting = calls.all().stream().sorted(Lane.BY_ORDER)
                .map(e -> Explanations.of(e, agents, now, byLane)).toList();
        return new RoundResult(out, waiting, memory());
    }

    /** Why {@code call} is waiting, or empty if the board does not hold it. Changes nothing. */
    public Optional<WaitExplanation> whyWaiting(CallId call, Instant now) {
        return Optional.ofNullable(calls.get(call)).map(e -> Explanations.of(e, agents, now, new HashMap<>()));
    }

    /**
     * Why each of {@code calls} the board holds is waiting, in the order given (calls it does not hold are left
     * out); calls of one lane share the counting of its agents. Changes nothing.
     */
    public List<WaitExplanation> whyWaiting(Collection<CallId> calls, Instant now) {
        return whyWaiting(List.copyOf(calls), now, LaneCounts.fresh(), Integer.MAX_VALUE).reasons();
    }

    /** What {@link #whyWaiting(List, Instant, LaneCounts, int)} explained: the first {@code lookedAt} calls asked about. */
    public record Explained(List<WaitExplanation> reasons, int lookedAt) {
    }

    /**
     * As {@link #whyWaiting(Collection, Instant)}, sharing the agents counted per lane with a round's other parts
     * ({@code counts}), and counting the agents of at most {@code maxNewLanes}
     * lanes not counted yet (at least one): it stops before the call that would count one more, so that a part of the
     * tick that explains calls while holding the flow's lock stays short (counting a lane walks its skill's agents;
     * a round's first parts would count dozens of lanes). Says how many of {@code calls} it looked at.
     */
    public Explained whyWaiting(List<CallId> calls, Instant now, LaneCounts counts, int maxNewLanes) {
        if (maxNewLanes < 1) {
            throw new IllegalArgumentException("at least one lane must be countable per part: " + maxNewLanes);
        }
        Map<Lane, WaitReason> byLane = counts.byLane;
        List<WaitExplanation> out = new ArrayList<>(calls.size());
        int newLanes = 0;
        for (int i = 0; i < calls.size(); i++) {
            CallEntry e = this.calls.get(calls.get(i));
            if (e == null) {
                continue;
            }
            if (Explanations.countsALane(e, byLane) && newLanes++ == maxNewLanes) {
                return new Explained(out, i);
            }
            out.add(Explanations.of(e, agents, now, byLane));
        }
        return new Explained(out, calls.size());
    }

    /** Whether the board holds {@code call} as waiting. */
    public boolean holds(CallId call) {
        return calls.get(call) != null;
    }

    /**
     * Takes a free agent out of routing until their next snapshot, keeping what the board knows of them: for an
     * agent the board holds as Ready whom the reservations refused (another router reserved them first).
     */
    public void withhold(AgentId agent) {
        agents.withhold(agent);
    }

    /** Drops a call that no longer waits (abandoned, or routed elsewhere); false if the board did not hold it. */
    public boolean forget(CallId call) {
        return calls.remove(call);
    }

    /** The round-robin memory as it stands, to keep for the next board. */
    public RoundRobinMemory memory() {
        return new RoundRobinMemory(roundRobin);
    }

    public int waitingCalls() {
        return calls.size();
    }

    public int freeAgents() {
        return agents.freeCount();
    }

    /**
     * Makes the snapshot's decisions on first use; afterwards re-files the calls whose timers are due and returns
     * them, for the caller to route together with the calls its own step touched.
     */
    private List<CallEntry> settle(Instant now, List<RoutingDecision> out) {
        if (!settled) {
            calls.due(now);
            matchAll(now, out);
            settled = true;
        }
        return calls.due(now);
    }

    /** The full round: sticky hits first, then lane heads in order key order while their pools have agents. */
    private void matchAll(Instant now, List<RoutingDecision> out) {
        List<CallEntry> hits = calls.all().stream()
                .filter(e -> e.sticky.outcome() == StickyCheck.Outcome.HIT).sorted(Lane.BY_ORDER).toList();
        for (CallEntry e : hits) {
            addIfMade(out, stickyHit(e, now));
        }
        drain(calls.lanes(), now, out);
    }

    /** Routes lane heads, most urgent first across {@code lanes}, while their pools have agents. */
    private void drain(Collection<Lane> lanes, Instant now, List<RoutingDecision> out) {
        PriorityQueue<Lane> heads = new PriorityQueue<>((a, b) -> Lane.BY_ORDER.compare(a.head(), b.head()));
        lanes.stream().filter(l -> l.head() != null && !l.pool.isEmpty()).forEach(heads::add);
        while (!heads.isEmpty()) {
            Lane lane = heads.poll();
            if (lane.pool.isEmpty()) {
                continue;
            }
            out.add(routeHead(lane, now));
            if (lane.head() != null) {
                heads.add(lane);
            }
        }
    }

    /**
     * Routes what the touched calls allow: sticky hits first, most urgent first, then the lanes they are filed in
     * (not only the touched call may now be routable there: it may have a more urgent call ahead of it).
     */
    private void routeInOrder(Collection<CallEntry> entries, Instant now, List<RoutingDecision> out) {
        if (entries.isEmpty()) {
            return;
        }
        List<CallEntry> inOrder = entries.stream().sorted(Lane.BY_ORDER).toList();
        for (CallEntry e : inOrder) {
            if (calls.holds(e) && e.sticky.outcome() == StickyCheck.Outcome.HIT) {
                addIfMade(out, stickyHit(e, now));
            }
        }
        Set<Lane> touched = new LinkedHashSet<>();
        for (CallEntry e : inOrder) {
            if (calls.holds(e) && e.lane != null) {
                touched.add(e.lane);
            }
        }
        drain(touched, now, out);
    }

    /** A newly free agent takes the most urgent head among the lanes of every pool they joined. */
    private void serveFreeAgent(Agent agent, Instant now, List<RoutingDecision> out) {
        Lane best = null;
        CallEntry bestHead = null;
        int waiting = 0;
        for (AgentPool pool : agents.poolsOf(agent.id())) {
            for (Lane lane : pool.lanes) {
                CallEntry head = lane.head();
                if (head != null) {
                    waiting += lane.calls.size();
                    if (bestHead == null || Lane.BY_ORDER.compare(head, bestHead) < 0) {
                        best = lane;
                        bestHead = head;
                    }
                }
            }
        }
        if (best != null) {
            out.add(assign(bestHead, agent, RoutingReason.Basis.AGENT_BECAME_READY, waiting,
                    List.of(AgentSelector.candidate(best.queue.strategy(), agent, best.requirements, now)), now));
        }
    }

    /**
     * Gives a call its sticky agent if that agent is still free and eligible; otherwise files the call again (the
     * agent went to a more urgent call of theirs, or their skills changed) and returns null.
     */
    private RoutingDecision stickyHit(CallEntry e, Instant now) {
        Agent agent = agents.get(e.sticky.agent());
        if (agents.isFree(agent.id()) && e.target.admits(agent)) {
            return assign(e, agent, RoutingReason.Basis.STICKY_AGENT, 1, List.of(
                    AgentSelector.candidate(e.target.queue().strategy(), agent, e.target.requirements(), now)), now);
        }
        calls.locate(e, now);
        return null;
    }

    private RoutingDecision routeHead(Lane lane, Instant now) {
        AgentPool.Pick pick = lane.pool.pick(roundRobin.get(lane.queue.name()), random, now);
        return assign(lane.head(), pick.agent(), RoutingReason.Basis.STRATEGY, pick.considered(), pick.top(), now);
    }

    private RoutingDecision assign(CallEntry e, Agent agent, RoutingReason.Basis basis, int considered,
                                   List<Candidate> top, Instant now) {
        calls.remove(e.call.id());
        return decisions.decide(e, agent, basis, considered, top, now);
    }

    private static void addIfMade(List<RoutingDecision> out, RoutingDecision d) {
        if (d != null) {
            out.add(d);
        }
    }
}
