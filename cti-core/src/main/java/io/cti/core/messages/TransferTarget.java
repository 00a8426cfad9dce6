package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a transferred caller goes: a queue (they wait there and are routed like any call) or one named agent
 * (reserved and rung directly). {@code name} is a valid queue name or agent id for its kind. Immutable.
 */
public record TransferTarget(Kind kind, String name) {

    /** What a transfer target names. */
    public enum Kind { QUEUE, AGENT }

    public TransferTarget {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        switch (kind) {
            case QUEUE -> QueueName.of(name);
            case AGENT -> AgentId.of(name);
        }
    }

    public static TransferTarget queue(QueueName queue) {
        return new TransferTarget(Kind.QUEUE, queue.value());
    }

    public static TransferTarget agent(AgentId agent) {
        return new TransferTarget(Kind.AGENT, agent.value());
    }

    /** The queue, when this target is one. */
    public Optional<QueueName> queue() {
        return kind == Kind.QUEUE ? Optional.of(QueueName.of(name)) : Optional.empty();
    }

    /** The agent, when this target is one. */
    public Optional<AgentId> agent() {
        return kind == Kind.AGENT ? Optional.of(AgentId.of(name)) : Optional.empty();
    }
}
