package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.router.board.AgentBoard;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentStatuses;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.SkillRequirement;
import io.cti.router.staff.AgentProfile;
import io.cti.router.stats.AgentDay;
import io.cti.router.stats.QueueFigures;
import io.cti.router.stats.QueueStatistics;
import io.cti.router.waiting.WaitingCalls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The queues' real-time figures, published as {@link QueueFiguresUpdated} on every change and on every tick:
 * the outcomes (service level, ASA, AHT, abandon rate) from the {@link QueueStatistics} every router shares in
 * Redis, calls waiting and the longest wait from the waiting calls, and the qualified agents by state from the
 * board. Every router process reads the same Redis, so whichever of them publishes, the figures are those of
 * the whole center. A call's outcomes count in the queue it was last routed in (else the queue it was dialed
 * into), the queue its history row names.
 *
 * <p>The outcomes are counted in Redis on every change; a queue's figures are published at once unless they were
 * published less than {@link #MIN_INTERVAL} ago, in which case the change is published by the first handling or
 * tick after that interval (so at most a second late, and at most four times a second per queue under load: a
 * wallboard cannot show more, and at 100 calls/s publishing on every event cost the router more than routing).
 * Which agents qualify for a queue is worked out once per version of the definitions, not per publication.
 * Not thread-safe: the flow calls it under its lock, except {@link #measure(QueueName)} and {@link #agentToday},
 * which only read (Redis, the board) and may be called without it.
 */
final class QueueFiguresDesk {

    static final Duration MIN_INTERVAL = Duration.ofMillis(250);

    private final Map<QueueName, QueueFiguresUpdated> latest = new TreeMap<>(Comparator.comparing(QueueName::value));
    private final Definitions definitions;
    private final WaitingCalls waiting;
    private final AgentBoard board;
    private final QueueStatistics statistics;
    private final Consumer<DomainMessage> publisher;
    private final Clock clock;
    private final Set<QueueName> unpublished = new LinkedHashSet<>();
    private Map<QueueName, Set<AgentId>> qualified = new HashMap<>();
    private long qualifiedVersion = Long.MIN_VALUE;

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

    /** The queues whose figures the beat publishes, for a tick that publishes them one part at a time. */
    List<QueueName> queues() {
        return definitions.queues().stream().map(QueueDefinition::name).toList();
    }

    /**
     * The queue's figures as they are now, worked out without the flow's lock (the tick's part reads ahead, then
     * {@link #publishNow(QueueName, Optional)} under the lock); empty for a queue no longer defined.
     */
    Optional<QueueFiguresUpdated> measure(QueueName name) {
        return definitions.queue(name).map(this::measure);
    }

    /**
     * Publishes the queue's figures as measured just now, if it still exists and no handling published fresher ones
     * meanwhile (one part of the beat).
     */
    void publishNow(QueueName name, Optional<QueueFiguresUpdated> measured) {
        if (definitions.queue(name).isEmpty() || measured.isEmpty()) {
            return;
        }
        QueueFiguresUpdated last = latest.get(name);
        if (last == null || !last.occurredAt().isAfter(measured.get().occurredAt())) {
            // A change held back may have come after the measuring: it stays due, to be published fresh.
            boolean heldBack = unpublished.contains(name);
            publish(measured.get());
            if (heldBack) {
                unpublished.add(name);
            }
        }
    }

    /** Publishes the changes held back because their queue's figures had just been published, once that is over. */
    void publishHeldBack() {
        if (unpublished.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<QueueName> due = unpublished.stream().filter(queue -> !tooSoon(queue, now)).toList();
        if (due.isEmpty()) {
            return;
        }
        due.forEach(name -> definitions.queue(name).ifPresentOrElse(this::publish,
                () -> unpublished.remove(name)));
    }

    /** The last figures published per queue. */
    List<QueueFiguresUpdated> latest() {
        return new ArrayList<>(latest.values());
    }

    private void publish(QueueName name) {
        if (tooSoon(name, clock.instant())) {
            unpublished.add(name);
            return;
        }
        definitions.queue(name).ifPresent(this::publish);
    }

    private boolean tooSoon(QueueName queue, Instant now) {
        QueueFiguresUpdated last = latest.get(queue);
        return last != null && now.isBefore(last.occurredAt().plus(MIN_INTERVAL)) && !now.isBefore(last.occurredAt());
    }

    private void publish(QueueDefinition queue) {
        publish(measure(queue));
    }

    /**
     * The queue's figures from Redis, with its qualified agents counted by state: thread-safe (Redis, the board and
     * the qualified agents' cache are).
     */
    private QueueFiguresUpdated measure(QueueDefinition queue) {
        QueueFigures figures = statistics.figures(queue.name(), waiting.depth(queue.name()), clock.instant());
        Function<AgentId, Optional<AgentState>> states = board.states();
        Map<AgentStatus, Integer> counted = new EnumMap<>(AgentStatus.class);
        for (AgentId agent : qualifiedFor(queue)) {
            states.apply(agent).ifPresent(state -> counted.merge(AgentStatuses.of(state), 1, Integer::sum));
        }
        Map<String, Integer> byState = new TreeMap<>();
        counted.forEach((status, count) -> byState.put(status.name(), count));
        return new QueueFiguresUpdated(MessageId.random(), figures.at(), queue.name(), figures.waiting(),
                figures.longestWait(), rate(figures.serviceLevelRolling()), rate(figures.serviceLevelToday()),
                figures.averageSpeedOfAnswer(), figures.averageHandleTime(), rate(figures.abandonRate()),
                figures.answeredToday(), figures.abandonedToday(), byState);
    }

    private void publish(QueueFiguresUpdated update) {
        latest.put(update.queue(), update);
        unpublished.remove(update.queue());
        publisher.accept(update);
    }

    /** The agents whose skills meet the queue's, from the agents' definitions (the board's skills are theirs). */
    private synchronized Set<AgentId> qualifiedFor(QueueDefinition queue) {
        long version = definitions.version();
        if (version != qualifiedVersion) {
            qualified = new HashMap<>();
            qualifiedVersion = version;
        }
        return qualified.computeIfAbsent(queue.name(), name -> definitions.agents().stream()
                .filter(agent -> SkillRequirement.allMetBy(queue.skills(), agent.skills()))
                .map(AgentProfile::id)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** The message's convention: negative when nothing was offered yet. */
    private static double rate(double value) {
        return Double.isNaN(value) ? -1 : value;
    }
}
