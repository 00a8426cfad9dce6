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
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.Spy;
import io.cti.core.messages.TransferCall;
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
                .streams(BusStream.COMMANDS).types(ChangeAgentState.class, CompleteWrapUp.class, HangUp.class, HoldCall.class, ResumeCall.class,
                        TransferCall.class, DialCustomer.class, Spy.class).build(),
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

    /** The call controls published about {@code call} so far, in order. */
    List<Command> callControlsOf(String call) {
        return commands.stream().filter(c -> c instanceof HangUp u && u.callId().value().equals(call)
                || c instanceof HoldCall h && h.callId().value().equals(call)
                || c instanceof ResumeCall r && r.callId().value().equals(call)
                || c instanceof TransferCall t && t.callId().value().equals(call)
                || c instanceof Spy s && s.callId().value().equals(call)).toList();
    }

    /** The click-to-dial commands published for {@code agent} so far. */
    List<DialCustomer> dialsOf(String agent) {
        return commands.stream().filter(c -> c instanceof DialCustomer d && d.agentId().value().equals(agent))
                .map(DialCustomer.class::cast).toList();
    }

    @Override
    public void close() {
        watch.close();
    }
}
