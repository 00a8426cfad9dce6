package io.cti.bridge.testing;

import io.cti.core.messages.DomainEvent;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Domain events as plain text without their id and time, unmasked, so tests can compare what was said rather
 * than when or under which id. Stateless.
 */
public final class Facts {

    private Facts() {
    }

    public static String of(DomainEvent event) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String name = component.getName();
            if (name.equals("id") || name.equals("occurredAt")) {
                continue;
            }
            try {
                parts.add(name + "=" + component.getAccessor().invoke(event));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + event.getClass(), e);
            }
        }
        return event.getClass().getSimpleName() + "[" + String.join(", ", parts) + "]";
    }

    public static List<String> of(List<? extends DomainEvent> events) {
        return events.stream().map(Facts::of).toList();
    }

    public static List<String> ofType(List<? extends DomainEvent> events, Class<? extends DomainEvent> type) {
        return events.stream().filter(type::isInstance).map(Facts::of).collect(Collectors.toList());
    }

    public static List<String> lines(String... facts) {
        return Stream.of(facts).toList();
    }
}
