package io.cti.pbxsim.calls;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** Collects a PBX's events for assertions. Thread-safe. */
final class EventLog implements PbxListener {

    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ManagerEvent event) {
        events.add(event);
    }

    List<ManagerEvent> all() {
        return List.copyOf(events);
    }

    List<String> names() {
        return events.stream().map(ManagerEvent::name).toList();
    }

    /** Waits until an event matches, and answers it. */
    ManagerEvent await(Predicate<ManagerEvent> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> events.stream().filter(condition).findFirst().orElse(null), found -> found != null);
    }

    static Predicate<ManagerEvent> named(String name) {
        return event -> event.name().equals(name);
    }

    static Predicate<ManagerEvent> named(String name, String field, String value) {
        return event -> event.name().equals(name) && value.equals(event.get(field));
    }
}
