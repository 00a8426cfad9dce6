package io.cti.bridge.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.SuccessfulAuthEvent;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts every AMI event the translator read in {@code cti.bridge.ami.events}, by type and outcome: handled,
 * ignored (a type that carries nothing the domain needs) or unknown (a type without a rule). Thread-safe (concurrent
 * maps of counters), though the translator calls it under its lock.
 */
final class EventCounts {

    /** Events that carry nothing the domain needs; counted as ignored rather than unknown. */
    private static final Set<Class<?>> NO_DOMAIN_MEANING = Set.of(NewExtenEvent.class, NewCallerIdEvent.class,
            NewConnectedLineEvent.class, LocalBridgeEvent.class, DialStateEvent.class, BridgeCreateEvent.class,
            BridgeDestroyEvent.class, BridgeEnterEvent.class, BridgeLeaveEvent.class, BridgeEvent.class,
            MusicOnHoldStartEvent.class, MusicOnHoldStopEvent.class, FullyBootedEvent.class,
            SuccessfulAuthEvent.class, CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class);

    private final MeterRegistry registry;
    /** Per event class: its counter when handled, and when not (ignored or unknown); no string built per event. */
    private final Map<Class<?>, Counter> handledCounters = new ConcurrentHashMap<>();
    private final Map<Class<?>, Counter> unhandledCounters = new ConcurrentHashMap<>();

    EventCounts(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(ManagerEvent event, boolean handled) {
        Class<?> type = event.getClass();
        Map<Class<?>, Counter> counters = handled ? handledCounters : unhandledCounters;
        Counter counter = counters.get(type);
        if (counter == null) {
            String outcome = handled ? "handled" : NO_DOMAIN_MEANING.contains(type) ? "ignored" : "unknown";
            counter = counters.computeIfAbsent(type, key -> registry.counter("cti.bridge.ami.events",
                    "outcome", outcome, "type", key.getSimpleName()));
        }
        counter.increment();
    }
}
