package io.cti.router.routing;

import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.SkillRequirement;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The calls of one queue that need the same skills right now, in order of their order key, and the pool of agents
 * who can take them. Only the head of a lane is ever routed: the calls behind it need the same agents. Not
 * thread-safe: owned by one {@link RoutingBoard}.
 */
final class Lane {

    static final Comparator<CallEntry> BY_ORDER = Comparator.comparingDouble((CallEntry e) -> e.orderKey)
            .thenComparing(e -> e.call.id().value());

    final QueueDefinition queue;
    final List<SkillRequirement> requirements;
    final AgentPool pool;
    final TreeSet<CallEntry> calls = new TreeSet<>(BY_ORDER);

    Lane(QueueDefinition queue, List<SkillRequirement> requirements, AgentPool pool) {
        this.queue = queue;
        this.requirements = requirements;
        this.pool = pool;
        pool.lanes.add(this);
    }

    CallEntry head() {
        return calls.isEmpty() ? null : calls.first();
    }
}
