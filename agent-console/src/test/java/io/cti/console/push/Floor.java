package io.cti.console.push;

import io.cti.console.testapp.CoreTestBeans;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.Command;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The router's side of the floor for push tests: raises screen-pops, agent states and queue figures as the router
 * would, on the real bus, at the test clock's "now"; and watches the commands the console publishes. Thread-safe;
 * close to stop watching.
 */
final class Floor implements AutoCloseable {

    static final Instant NOW = CoreTestBeans.NOW;

    private final MessageBus bus;
    private final List<Command> commands = new CopyOnWriteArrayList<>();
    private final RunningSubscription watch;

    Floor(MessageBus bus) {
        this.bus = bus;
        this.watch = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.COMMANDS).types(ChangeAgentState.class, CompleteWrapUp.class).build(),
                (DomainMessage m) -> commands.add((Command) m));
    }

    static ScreenPopReady pop(String agent, String call, String reason) {
        return new ScreenPopReady(MessageId.random(), NOW, CallId.of(call), AgentId.of(agent), QueueName.of("sales"),
                "+14155550123", null, Duration.ofSeconds(12), List.of(), 0, reason);
    }

    static AgentStateChanged state(String agent, AgentStatus status, String call) {
        return new AgentStateChanged(MessageId.random(), NOW, AgentId.of(agent), status, "", NOW,
                call == null ? null : CallId.of(call), null);
    }

    static QueueFiguresUpdated figures(String queue, int waiting) {
        return new QueueFiguresUpdated(MessageId.random(), NOW, QueueName.of(queue), waiting, Duration.ofSeconds(40),
                0.8, 0.75, Duration.ofSeconds(20), Duration.ofSeconds(180), 0.05, 12, 1, Map.of("READY", 2));
    }

    void raise(DomainMessage event) {
        bus.publish(event);
    }

    /** The commands published for {@code agent} so far, in order. */
    List<Command> commandsFor(String agent) {
        return commands.stream().filter(c -> c instanceof ChangeAgentState s && s.agentId().value().equals(agent)
                || c instanceof CompleteWrapUp w && w.agentId().value().equals(agent)).toList();
    }

    @Override
    public void close() {
        watch.close();
    }
}
