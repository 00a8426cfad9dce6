package io.cti.core.bus;

import io.cti.core.messages.DomainMessage;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to read and as whom: the consumer group (the role, e.g. {@code acd-router}), the consumer within it
 * (this process or instance), the streams, optionally the message types, and where new groups start.
 * Consumers of one group share the work; every group sees every message. Immutable and thread-safe.
 */
public final class Subscription {

    private final String group;
    private final String consumer;
    private final Set<BusStream> streams;
    private final Set<Class<? extends DomainMessage>> types;
    private final Map<BusStream, StartPosition> startPositions;

    private Subscription(Builder builder) {
        this.group = builder.group;
        this.consumer = builder.consumer;
        this.streams = Collections.unmodifiableSet(EnumSet.copyOf(builder.streams));
        this.types = Collections.unmodifiableSet(new LinkedHashSet<>(builder.types));
        this.startPositions = Collections.unmodifiableMap(new EnumMap<>(builder.startPositions));
    }

    public static Builder builder(String group, String consumer) {
        return new Builder(group, consumer);
    }

    public String group() {
        return group;
    }

    public String consumer() {
        return consumer;
    }

    public Set<BusStream> streams() {
        return streams;
    }

    /** The wanted types (records or sealed interfaces such as {@code DomainEvent}); empty means all. */
    public Set<Class<? extends DomainMessage>> types() {
        return types;
    }

    /** Where this subscription's group starts on the stream if the group does not exist yet. */
    public StartPosition startPosition(BusStream stream) {
        return startPositions.getOrDefault(stream, stream.defaultStart());
    }

    @Override
    public String toString() {
        return "Subscription[group=" + group + ", consumer=" + consumer + ", streams=" + streams
                + (types.isEmpty() ? "" : ", types=" + types.stream().map(Class::getSimpleName).toList()) + "]";
    }

    /** Collects a subscription; not thread-safe, build once and share the result. */
    public static final class Builder {

        private final String group;
        private final String consumer;
        private final Set<BusStream> streams = EnumSet.noneOf(BusStream.class);
        private final Set<Class<? extends DomainMessage>> types = new LinkedHashSet<>();
        private final Map<BusStream, StartPosition> startPositions = new EnumMap<>(BusStream.class);

        private Builder(String group, String consumer) {
            this.group = checkName("group", group);
            this.consumer = checkName("consumer", consumer);
        }

        /** The streams to read; at least one is required. */
        public Builder streams(BusStream... chosen) {
            for (BusStream stream : chosen) {
                streams.add(Objects.requireNonNull(stream, "stream"));
            }
            return this;
        }

        /** Only these message types reach the handler; the others are acknowledged unseen. */
        @SafeVarargs
        public final Builder types(Class<? extends DomainMessage>... wanted) {
            Arrays.stream(wanted).map(type -> Objects.requireNonNull(type, "type")).forEach(types::add);
            return this;
        }

        /** Where the group starts on {@code stream} if it has to be created (default: see {@link BusStream}). */
        public Builder startFrom(BusStream stream, StartPosition position) {
            startPositions.put(Objects.requireNonNull(stream, "stream"), Objects.requireNonNull(position, "position"));
            return this;
        }

        public Subscription build() {
            if (streams.isEmpty()) {
                throw new IllegalArgumentException("subscription " + group + "/" + consumer
                        + " must read at least one stream: events, commands or both");
            }
            return new Subscription(this);
        }

        // Names end up in Redis keys and CLIENT names, so they must be single printable tokens.
        private static String checkName(String what, String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " name must not be blank");
            }
            if (name.length() > 128 || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException(what + " name must be 1-128 printable ASCII characters without spaces: '"
                        + name + "'");
            }
            return name;
        }
    }
}
