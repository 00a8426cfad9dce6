package io.cti.bench;

import io.cti.core.bus.MessageBus;
import io.cti.core.customers.CustomerCard;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Stands in for the router on the bus during the push benchmark: at a set rate it rings calls on random agents (the
 * agent's state goes Ringing and its screen-pop, with a real customer card from the database, is published), moves
 * other agents through On call, Wrap-up and Ready, and publishes each queue's figures every second, as the router
 * does. It stamps every pop's publish time ({@link System#nanoTime()}, just before the XADD) for the sockets to time
 * the fan-out. It can also flood a few agents with pops (the sockets that stop reading). Not thread-safe: one thread
 * runs it.
 */
final class PushDriver {

    static final String AGENT_PREFIX = "bench-agent-";
    private static final AgentStatus[] AFTER_THE_POP = {AgentStatus.ON_CALL, AgentStatus.WRAP_UP, AgentStatus.READY};

    private final MessageBus bus;
    private final List<AgentId> agents;
    private final List<QueueName> queues;
    private final List<CustomerCard> cards;
    private final Map<String, Long> published = new ConcurrentHashMap<>();
    private final SplittableRandom random = new SplittableRandom(5);
    private long calls;
    private long events;

    PushDriver(MessageBus bus, List<AgentId> agents, List<QueueName> queues, List<CustomerCard> cards) {
        this.bus = bus;
        this.agents = List.copyOf(agents);
        this.queues = List.copyOf(queues);
        this.cards = List.copyOf(cards);
    }

    /** Pops published and not yet seen on their socket, by call id: publish time in nanoTime. */
    Map<String, Long> published() {
        return published;
    }

    /** Events published so far (pops, states, figures, floods). */
    long events() {
        return events;
    }

    /**
     * Runs for {@code duration}: {@code callsPerSecond} calls ringing on the {@code timed} agents (one state and one
     * pop each, plus {@code statesPerCall} - 1 state changes of other agents), and {@code floodPerSecond} pops spread
     * over the {@code flooded} agents (not timed). Paced on a schedule, so a slow publish is caught up, not skipped.
     */
    void run(double callsPerSecond, int statesPerCall, Duration duration, List<AgentId> timed, List<AgentId> flooded,
             double floodPerSecond) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long callInterval = (long) (1e9 / callsPerSecond);
        long floodInterval = flooded.isEmpty() || floodPerSecond <= 0 ? Long.MAX_VALUE : (long) (1e9 / floodPerSecond);
        long nextCall = start;
        long nextFlood = floodInterval == Long.MAX_VALUE ? Long.MAX_VALUE : start;
        long nextFigures = start;
        while (true) {
            long next = Math.min(nextCall, Math.min(nextFlood, nextFigures));
            if (next >= end) {
                return;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (next == nextCall) {
                ring(timed.get(random.nextInt(timed.size())), statesPerCall);
                nextCall += callInterval;
            } else if (next == nextFlood) {
                pop(flooded.get(random.nextInt(flooded.size())), CallId.of("flood-" + (++calls)), false);
                nextFlood += floodInterval;
            } else {
                queues.forEach(this::figures);
                nextFigures += 1_000_000_000L;
            }
        }
    }

    private void ring(AgentId agent, int statesPerCall) {
        CallId call = CallId.of("bench-call-" + (++calls));
        state(agent, AgentStatus.RINGING, call);
        pop(agent, call, true);
        for (int i = 1; i < statesPerCall; i++) {
            AgentId other = agents.get(random.nextInt(agents.size()));
            AgentStatus status = AFTER_THE_POP[random.nextInt(AFTER_THE_POP.length)];
            state(other, status, status == AgentStatus.READY ? null : CallId.of("bench-earlier-" + calls + "-" + i));
        }
    }

    private void pop(AgentId agent, CallId call, boolean timed) {
        CustomerCard card = random.nextInt(5) == 0 ? null : cards.get(random.nextInt(cards.size()));
        Instant now = Instant.now();
        ScreenPopReady pop = new ScreenPopReady(MessageId.random(), now, call, agent, queues.get(random.nextInt(queues.size())),
                card == null ? "+8613800138000" : "+8613900139000", card, Duration.ofSeconds(random.nextInt(120)),
                List.of("1"), random.nextInt(3), "longest idle skilled agent (bench)");
        if (timed) {
            published.put(call.value(), System.nanoTime());
        }
        bus.publish(pop);
        events++;
    }

    private void state(AgentId agent, AgentStatus status, CallId call) {
        Instant now = Instant.now();
        bus.publish(new AgentStateChanged(MessageId.random(), now, agent, status, "", now, call,
                status == AgentStatus.WRAP_UP ? now.plusSeconds(60) : null));
        events++;
    }

    private void figures(QueueName queue) {
        int waiting = random.nextInt(12);
        bus.publish(new QueueFiguresUpdated(MessageId.random(), Instant.now(), queue, waiting,
                Duration.ofSeconds(waiting * 7L), 0.8, 0.82, Duration.ofSeconds(14), Duration.ofSeconds(210), 0.03,
                400 + random.nextInt(50), 12, Map.of("READY", 40, "ON_CALL", 300, "WRAP_UP", 60, "NOT_READY", 100)));
        events++;
    }
}
