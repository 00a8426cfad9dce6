package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.board.AgentBoard;
import io.cti.router.board.BoardEntry;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.stats.QueueFigures;
import io.cti.router.stats.QueueStatistics;
import io.cti.router.waiting.QueueDepth;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.WaitingCalls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The queues' real-time figures: one {@link QueueStatistics} per queue fed by the calls this process handles, with
 * calls waiting and the longest wait read from Redis (exact whatever router queued the calls) and the queue's
 * agents by state from the board; published as {@link QueueFiguresUpdated} on every change and on every tick.
 *
 * <p>The outcome counts (answered, abandoned, service level, ASA, AHT) are kept per process: with one router they
 * are exact; with several, each counts the events it handled, so a wallboard should sum or a single router should
 * own statistics. After a restart the waiting calls are read back from Redis, the day's outcomes start afresh.
 * Not thread-safe: the flow calls it under its lock.
 */
final class QueueFiguresDesk {

    private final Map<QueueName, QueueStatistics> statistics = new HashMap<>();
    private final Map<QueueName, QueueFiguresUpdated> latest = new TreeMap<>(java.util.Comparator.comparing(QueueName::value));
    private final Definitions definitions;
    private final WaitingCalls waiting;
    private final AgentBoard board;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;
    private final ZoneId zone;

    QueueFiguresDesk(Definitions definitions, WaitingCalls waiting, AgentBoard board, Consumer<DomainMessage> publisher,
                     Clock clock, ZoneId zone) {
        this.definitions = definitions;
        this.waiting = waiting;
        this.board = board;
        this.publisher = publisher;
        this.clock = clock;
        this.zone = zone;
    }

    void queued(QueueName queue, CallId call, Instant since) {
        statisticsOf(queue).ifPresent(s -> s.queued(call, since));
        publish(queue);
    }

    void answered(QueueName queue, CallId call, Instant at) {
        statisticsOf(queue).ifPresent(s -> s.answered(call, at));
        publish(queue);
    }

    void abandoned(QueueName queue, CallId call, Instant at) {
        statisticsOf(queue).ifPresent(s -> s.abandoned(call, at));
        publish(queue);
    }

    void left(QueueName queue, CallId call, Instant at) {
        statisticsOf(queue).ifPresent(s -> s.left(call, at));
        publish(queue);
    }

    void completed(QueueName queue, Instant at, Duration handled) {
        statisticsOf(queue).ifPresent(s -> s.completed(at, handled));
        publish(queue);
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
        QueueStatistics stats = statisticsOf(queue.name()).orElseThrow();
        QueueFigures figures = stats.snapshot(now);
        QueueDepth depth = waiting.depth(queue.name());
        Map<String, Integer> byState = new TreeMap<>();
        for (BoardEntry entry : agents) {
            boolean qualified = queue.skills().stream().allMatch(r -> r.metBy(entry.agent().skills()));
            if (qualified) {
                AgentStatus status = io.cti.router.board.AgentStatuses.of(entry.state());
                byState.merge(status.name(), 1, Integer::sum);
            }
        }
        QueueFiguresUpdated update = new QueueFiguresUpdated(MessageId.random(), now, queue.name(), (int) depth.waiting(),
                depth.longestWait(now), rate(figures.serviceLevelRolling()), rate(figures.serviceLevelToday()),
                figures.averageSpeedOfAnswer(), figures.averageHandleTime(), rate(figures.abandonRate()),
                figures.answeredToday(), figures.abandonedToday(), byState);
        latest.put(queue.name(), update);
        publisher.accept(update);
    }

    private java.util.Optional<QueueStatistics> statisticsOf(QueueName name) {
        QueueStatistics existing = statistics.get(name);
        if (existing != null) {
            return java.util.Optional.of(existing);
        }
        return definitions.queue(name).map(queue -> {
            QueueStatistics created = new QueueStatistics(name, queue.serviceLevel(), queue.shortAbandon(), zone);
            // Calls queued before this process started (or by another router) still count as waiting here.
            for (QueuedCall call : waiting.heads(name, 10_000)) {
                created.queued(call.id(), call.enqueuedAt());
            }
            statistics.put(name, created);
            return created;
        });
    }

    /** The message's convention: negative when nothing was offered yet. */
    private static double rate(double value) {
        return Double.isNaN(value) ? -1 : value;
    }
}
