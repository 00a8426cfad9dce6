package io.cti.console.push;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the console knows of the floor right now, from the events it has read: each agent's latest state, each
 * queue's latest figures, and each agent's latest screen-pop while its call is still with them. Feeds the snapshots a
 * socket gets on connect and tells the agent's desk which call is theirs. Keeps the newest of each (events can come
 * twice or late). Not thread-safe: {@link PushHub} guards it.
 */
final class LiveBoard {

    /** The states in which an agent's call is still theirs, so its pop is still worth showing. */
    private static final Set<AgentStatus> WITH_A_CALL = EnumSet.of(AgentStatus.RESERVED, AgentStatus.RINGING,
            AgentStatus.ON_CALL, AgentStatus.WRAP_UP);

    private final Map<AgentId, AgentStateChanged> states = new HashMap<>();
    private final Map<QueueName, QueueFiguresUpdated> figures = new HashMap<>();
    private final Map<AgentId, ScreenPopReady> pops = new HashMap<>();

    /** Takes the state in unless a newer one is known; true when taken. */
    boolean apply(AgentStateChanged state) {
        AgentStateChanged known = states.get(state.agentId());
        if (known != null && known.occurredAt().isAfter(state.occurredAt())) {
            return false;
        }
        states.put(state.agentId(), state);
        ScreenPopReady pop = pops.get(state.agentId());
        if (pop != null && !(WITH_A_CALL.contains(state.status()) && pop.callId().equals(state.callId()))) {
            pops.remove(state.agentId());
        }
        return true;
    }

    boolean apply(QueueFiguresUpdated update) {
        QueueFiguresUpdated known = figures.get(update.queue());
        if (known != null && known.occurredAt().isAfter(update.occurredAt())) {
            return false;
        }
        figures.put(update.queue(), update);
        return true;
    }

    boolean apply(ScreenPopReady pop) {
        ScreenPopReady known = pops.get(pop.agentId());
        if (known != null && known.occurredAt().isAfter(pop.occurredAt())) {
            return false;
        }
        pops.put(pop.agentId(), pop);
        return true;
    }

    Optional<AgentStateChanged> stateOf(AgentId agent) {
        return Optional.ofNullable(states.get(agent));
    }

    /** The agent's pop while its call is still theirs (or while the console does not know the agent's state yet). */
    Optional<ScreenPopReady> popOf(AgentId agent) {
        ScreenPopReady pop = pops.get(agent);
        AgentStateChanged state = states.get(agent);
        if (pop == null || state != null && !pop.callId().equals(state.callId())) {
            return Optional.empty();
        }
        return Optional.of(pop);
    }

    List<AgentStateChanged> agents() {
        return states.values().stream().sorted(Comparator.comparing(s -> s.agentId().value())).toList();
    }

    List<QueueFiguresUpdated> queues() {
        return figures.values().stream().sorted(Comparator.comparing(f -> f.queue().value())).toList();
    }
}
