package io.cti.core.messages;

import io.cti.core.ids.QueueName;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A queue's real-time figures for wallboards, published on every change and at least every second: calls waiting,
 * longest wait, service level (rolling 15 minutes and today, as fractions 0..1, negative when nothing was offered
 * yet), ASA, AHT, abandon rate without short abandons, and the queue's agents by state. Immutable.
 */
public record QueueFiguresUpdated(MessageId id, Instant occurredAt, QueueName queue, int waiting,
                                  Duration longestWait, double serviceLevelRolling, double serviceLevelToday,
                                  Duration averageSpeedOfAnswer, Duration averageHandleTime, double abandonRate,
                                  int answeredToday, int abandonedToday, Map<String, Integer> agentsByState)
        implements DomainEvent {

    public QueueFiguresUpdated {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(longestWait, "longestWait");
        Objects.requireNonNull(averageSpeedOfAnswer, "averageSpeedOfAnswer");
        Objects.requireNonNull(averageHandleTime, "averageHandleTime");
        agentsByState = Map.copyOf(agentsByState);
    }
}
