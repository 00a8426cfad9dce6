package io.cti.platform.routing;

import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.board.AgentBoard;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.StoredQueue;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * The queues' real-time figures as Prometheus gauges ({@code cti_router_queue_*{queue=...}}), read from the
 * figures the flow last published, for the queues defined at start-up; and the agent moves of this router that
 * Redis refused as stale ({@code cti_router_board_moves_stale_total}: another router moved the agent first, so the
 * move was made again; it grows with the routers' contention and with a board that falls behind). Thread-safe.
 */
final class RouterMetrics {

    RouterMetrics(InboundCallFlow flow, QueueRepository queues, MeterRegistry meters) {
        FunctionCounter.builder("cti.router.board.moves.stale", flow.board(), AgentBoard::staleMoves)
                .description("agent moves refused as stale (another router moved the agent first) and made again")
                .register(meters);
        for (StoredQueue stored : queues.list(false)) {
            String queue = stored.definition().name().value();
            gauge(meters, flow, queue, "cti.router.queue.waiting", "calls waiting", QueueFiguresUpdated::waiting);
            gauge(meters, flow, queue, "cti.router.queue.longest.wait.seconds", "longest wait",
                    f -> f.longestWait().toMillis() / 1000.0);
            gauge(meters, flow, queue, "cti.router.queue.service.level.rolling", "service level, last 15 minutes",
                    QueueFiguresUpdated::serviceLevelRolling);
            gauge(meters, flow, queue, "cti.router.queue.service.level.today", "service level today",
                    QueueFiguresUpdated::serviceLevelToday);
            gauge(meters, flow, queue, "cti.router.queue.asa.seconds", "average speed of answer today",
                    f -> f.averageSpeedOfAnswer().toMillis() / 1000.0);
            gauge(meters, flow, queue, "cti.router.queue.aht.seconds", "average handle time today",
                    f -> f.averageHandleTime().toMillis() / 1000.0);
            gauge(meters, flow, queue, "cti.router.queue.abandon.rate", "abandon rate today without short abandons",
                    QueueFiguresUpdated::abandonRate);
            gauge(meters, flow, queue, "cti.router.queue.answered.today", "calls answered today",
                    QueueFiguresUpdated::answeredToday);
            gauge(meters, flow, queue, "cti.router.queue.abandoned.today", "calls abandoned today",
                    QueueFiguresUpdated::abandonedToday);
        }
    }

    private static void gauge(MeterRegistry meters, InboundCallFlow flow, String queue, String name, String help,
                              ToDoubleFunction<QueueFiguresUpdated> value) {
        Gauge.builder(name, flow, f -> f.queueFigures().stream().filter(q -> q.queue().value().equals(queue))
                        .findFirst().map(value::applyAsDouble).orElse(Double.NaN))
                .description(help).tag("queue", queue).register(meters);
    }
}
