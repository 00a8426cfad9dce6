package io.cti.platform.console;

import io.cti.console.push.LiveStateSource;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.calls.InboundCallFlow;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The router's current agent states and queue figures, read from its call flow, as the console's start-up seed.
 * An agent's state is given as the event the router would have published for it, dated now. Empty when the router
 * does not run in this process. Thread-safe.
 */
final class RouterLiveState implements LiveStateSource {

    private final ObjectProvider<InboundCallFlow> flow;
    private final Clock clock;

    RouterLiveState(ObjectProvider<InboundCallFlow> flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    @Override
    public List<AgentStateChanged> agentStates() {
        InboundCallFlow running = flow.getIfAvailable();
        if (running == null) {
            return List.of();
        }
        Instant now = clock.instant();
        return running.agentStates().stream().map(a -> new AgentStateChanged(MessageId.random(), now, a.agentId(),
                a.status(), a.reasonCode() == null ? "" : a.reasonCode(), a.since(), a.callId(), a.wrapUpEnds()))
                .toList();
    }

    @Override
    public List<QueueFiguresUpdated> queueFigures() {
        InboundCallFlow running = flow.getIfAvailable();
        return running == null ? List.of() : running.queueFigures();
    }
}
