package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Where the board's waiting calls are filed: each in the lane of its queue and skills, or aside while held for its
 * sticky agent; an index by the customer's last agent; and one timer per call for its next overflow step or the end
 * of its hold. Not thread-safe: owned by one {@link RoutingBoard}.
 */
final class CallFiling {

    private record LaneKey(QueueName queue, List<SkillRequirement> requirements) {
    }

    private record Timer(Instant at, CallId call, long number) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            return at.compareTo(o.at);
        }
    }

    private final Map<QueueName, QueueDefinition> queues;
    private final AgentRegistry agents;
    private final Map<LaneKey, Lane> lanes = new LinkedHashMap<>();
    private final Map<CallId, CallEntry> calls = new HashMap<>();
    private final Map<AgentId, Set<CallEntry>> byLastAgent = new HashMap<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerNumbers;

    CallFiling(Map<QueueName, QueueDefinition> queues, AgentRegistry agents) {
        this.queues = queues;
        this.agents = agents;
    }

    CallEntry get(CallId call) {
        return calls.get(call);
    }

    /** Whether {@code e} is still filed (not routed, forgotten or replaced since it was looked up). */
    boolean holds(CallEntry e) {
        return calls.get(e.call.id()) == e;
    }

    int size() {
        return calls.size();
    }

    Collection<CallEntry> all() {
        return calls.values();
    }

    Collection<Lane> lanes() {
        return lanes.values();
    }

    /** Files a call, replacing an earlier entry for the same call (a call back in line after RONA). */
    CallEntry place(WaitingCall call, Instant now) {
        remove(call.id());
        CallEntry e = new CallEntry(call);
        calls.put(call.id(), e);
        if (call.lastAgent() != null) {
            byLastAgent.computeIfAbsent(call.lastAgent(), a -> new LinkedHashSet<>()).add(e);
        }
        locate(e, now);
        return e;
    }

    /** Files the call where it belongs at {@code now}: in its lane, or aside while held; sets its next timer. */
    void locate(CallEntry e, Instant now) {
        if (e.lane != null) {
            e.lane.calls.remove(e);
            e.lane = null;
        }
        e.target = CallTarget.of(e.call, queues, now);
        e.sticky = StickyRule.check(e.call, e.target, agents, now);
        Instant wake = e.target.nextChange();
        if (e.sticky.outcome() == StickyCheck.Outcome.HELD) {
            wake = wake == null || e.sticky.until().isBefore(wake) ? e.sticky.until() : wake;
        } else if (e.target.queue() != null) {
            e.lane = lanes.computeIfAbsent(new LaneKey(e.target.queueName(), e.target.requirements()),
                    k -> new Lane(e.target.queue(), k.requirements(),
                            agents.pool(k.requirements(), e.target.queue().strategy())));
            e.lane.calls.add(e);
        }
        e.timer = ++timerNumbers;
        if (wake != null) {
            timers.add(new Timer(wake, e.call.id(), e.timer));
        }
    }

    /** The calls whose timer is due by {@code now}, filed again for the moment (a list the caller may add to). */
    List<CallEntry> due(Instant now) {
        List<CallEntry> due = new ArrayList<>();
        while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
            Timer t = timers.poll();
            CallEntry e = calls.get(t.call());
            if (e != null && e.timer == t.number()) {
                locate(e, now);
                due.add(e);
            }
        }
        return due;
    }

    /** The calls whose customer's last agent is {@code agent}, filed again for the agent's new state, in order. */
    List<CallEntry> relocateStickingTo(AgentId agent, Instant now) {
        Set<CallEntry> sticking = byLastAgent.get(agent);
        if (sticking == null || sticking.isEmpty()) {
            return List.of();
        }
        List<CallEntry> inOrder = sticking.stream().sorted(Lane.BY_ORDER).toList();
        inOrder.forEach(e -> locate(e, now));
        return inOrder;
    }

    boolean remove(CallId call) {
        CallEntry e = calls.remove(call);
        if (e == null) {
            return false;
        }
        if (e.lane != null) {
            e.lane.calls.remove(e);
            e.lane = null;
        }
        if (e.call.lastAgent() != null) {
            Set<CallEntry> sticking = byLastAgent.get(e.call.lastAgent());
            if (sticking != null) {
                sticking.remove(e);
            }
        }
        return true;
    }
}
