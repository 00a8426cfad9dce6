package io.cti.core.bus;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/**
 * The bus's Micrometer counters: messages published per stream, and per consumer group the messages handled,
 * failed, claimed, dead-lettered and skipped as duplicates. Thread-safe (Micrometer counters are).
 */
final class BusMetrics {

    static final String PUBLISHED = "cti.bus.published";
    static final String HANDLED = "cti.bus.handled";
    static final String FAILED = "cti.bus.failed";
    static final String CLAIMED = "cti.bus.claimed";
    static final String DEAD_LETTERED = "cti.bus.dead.lettered";
    static final String DUPLICATES_SKIPPED = "cti.bus.duplicates.skipped";

    static final String REASON_UNDECODABLE = "undecodable";
    static final String REASON_MAX_DELIVERIES = "max-deliveries";

    private final MeterRegistry registry;
    private final Map<BusStream, Counter> published = new EnumMap<>(BusStream.class);

    BusMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (BusStream stream : BusStream.values()) {
            published.put(stream, Counter.builder(PUBLISHED)
                    .description("domain messages appended to a bus stream")
                    .tag("stream", stream.keySuffix())
                    .register(registry));
        }
    }

    void published(BusStream stream) {
        published.get(stream).increment();
    }

    /** The counters of one consumer group; Micrometer hands every subscription of the group the same ones. */
    GroupMeters forGroup(String group) {
        return new GroupMeters(
                counter(HANDLED, group, "messages handled and acknowledged"),
                counter(FAILED, group, "handler calls that threw"),
                counter(CLAIMED, group, "pending entries taken over from idle consumers"),
                Counter.builder(DEAD_LETTERED).description("entries moved to the dead-letter stream")
                        .tag("group", group).tag("reason", REASON_UNDECODABLE).register(registry),
                Counter.builder(DEAD_LETTERED).description("entries moved to the dead-letter stream")
                        .tag("group", group).tag("reason", REASON_MAX_DELIVERIES).register(registry),
                counter(DUPLICATES_SKIPPED, group, "entries acknowledged unhandled because their message id was handled"));
    }

    private Counter counter(String name, String group, String description) {
        return Counter.builder(name).description(description).tag("group", group).register(registry);
    }

    record GroupMeters(Counter handled, Counter failed, Counter claimed, Counter deadLetteredUndecodable,
                       Counter deadLetteredExhausted, Counter duplicatesSkipped) {
    }
}
