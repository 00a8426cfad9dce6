package io.cti.bridge.events;

import io.cti.bridge.testing.Facts;
import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.DomainEvent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the rest of the platform would know after reading a stream of domain events: every fact with how often
 * it was told (so a fact told twice shows), and the last state of every phone. Two replays that leave the
 * platform in the same state have equal views, whatever order the events came in. Immutable.
 */
record PlatformView(Map<String, Long> facts, Map<String, String> phones) {

    static PlatformView of(List<DomainEvent> events) {
        Map<String, Long> facts = events.stream().map(Facts::of).collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        Map<String, String> phones = new TreeMap<>();
        events.stream().filter(AgentPhoneState.class::isInstance).map(AgentPhoneState.class::cast)
                .forEach(state -> phones.put(state.endpoint(), state.state().name()));
        return new PlatformView(facts, phones);
    }
}
