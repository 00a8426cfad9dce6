package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.AgentStatuses;
import io.cti.router.board.BoardEntry;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.stats.AgentDay;
import io.cti.router.stats.QueueFigures;
import io.cti.router.stats.QueueStatistics;
import io.cti.router.waiting.WaitingCalls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The queues' real-time figures, published as {@link QueueFiguresUpdated} on every change and on every tick:
 * the outcomes (service level, ASA, AHT, abandon rate) from the {@link QueueStatistics} every router shares in
 * Redis, calls waiting and the longest wait from the waiting calls, and the qualified agents by state from the
 * board. Every router process reads the same Redis, so whichever of them publishes, the figures are those of
 * the whole center. A call's outcomes count in the queue it was last routed in (else the queue it was dialed
 * into), the queue its history row names. Not thread-safe: the flow calls it under its lock ({@link #agentToday}
 * only reads Redis and may be called without it).
 */
final class QueueFiguresDesk {

    private final Map<QueueName, QueueFiguresUpdated> latest = new TreeMap<>(Comparator.comparing(QueueName::value));
    private final Definitions definitions;
    private final WaitingCalls waiting;
    private final AgentBoard board;
    private final QueueStatistics statistics;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;

    QueueFiguresDesk(Definitions definitions, WaitingCalls waiting, AgentBoard board, QueueStatistics statistics,
                     Consumer<DomainMessage> publisher, Clock clock) {
        this.definitions = definitions;
        this.waiting = waiting;
        this.board = board;
        this.statistics = statistics;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Calls joined or left the queue's waiting line without an outcome (queued, overflowed, dropped). */
    void changed(QueueName queue) {
        publish(queue);
    }

    void answered(QueueName queue, CallId call, Instant at, Duration waited) {
        definitions.queue(queue).ifPresent(q -> statistics.answered(queue, call, at, waited, q.serviceLevel()));
        publish(queue);
    }

    void abandoned(QueueName queue, CallId call, Instant at, Duration waited) {
        definitions.queue(queue).ifPresent(q -> statistics.abandoned(queue, call, at, waited, q.shortAbandon()));
        publish(queue);
    }

    void completed(QueueName queue, AgentId agent, CallId call, Instant at, Duration handled) {
        statistics.completed(queue, agent, call, at, handled);
        publish(queue);
    }

    /** The agent's calls handled today and their handle time. */
    AgentDay agentToday(AgentId agent) {
        return statistics.agentToday(agent, clock.instant());
    }

    /** Publishes every queue's figures (the at-least-every-second beat). */
    void publishAll() {
        List<BoardEntry> agents = board.all();
        for (QueueDefinition queue : definitions.queues()) {
            publish(queue, agents);
        }
    }

    /** The last figures published per queue. */
    List<QueueFiguresUpdated> latest() {
        return new ArrayList<>(latest.values());
    }

    private void publish(QueueName name) {
        definitions.queue(name).ifPresent(queue -> publish(queue, board.all()));
    }

    private void publish(QueueDefinition queue, List<BoardEntry> agents) {
        Instant now = clock.instant();
        QueueFigures figures = statistics.figures(queue.name(), waiting.depth(queue.name()), now);
        Map<String, Integer> byState = new TreeMap<>();
        for (BoardEntry entry : agents) {
            if (queue.skills().stream().allMatch(r -> r.metBy(entry.agent().skills()))) {
                AgentStatus status = AgentStatuses.of(entry.state());
                byState.merge(status.name(), 1, Integer::sum);
            }
        }
        QueueFiguresUpdated update = new QueueFiguresUpdated(MessageId.random(), now, queue.name(), figures.waiting(),
                figures.longestWait(), rate(figures.serviceLevelRolling()), rate(figures.serviceLevelToday()),
                figures.averageSpeedOfAnswer(), figures.averageHandleTime(), rate(figures.abandonRate()),
                figures.answeredToday(), figures.abandonedToday(), byState);
        latest.put(queue.name(), update);
        publisher.accept(update);
    }

    /** The message's convention: negative when nothing was offered yet. */
    private static double rate(double value) {
        return Double.isNaN(value) ? -1 : value;
    }
}
