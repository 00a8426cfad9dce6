package io.cti.pbxsim.ami;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which event classes a session wants ({@code Events:} on Login, the Events action): all ("on"), none ("off"),
 * or a list such as {@code call,user}. Immutable.
 */
record EventMask(boolean all, Set<String> classes) {

    static final EventMask ALL = new EventMask(true, Set.of());
    static final EventMask NONE = new EventMask(false, Set.of());

    static EventMask parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || Set.of("on", "yes", "true", "y", "t", "1").contains(value)) {
            return ALL;
        }
        if (Set.of("off", "no", "false", "n", "f", "0").contains(value)) {
            return NONE;
        }
        Set<String> classes = Stream.of(value.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return classes.contains("all") ? ALL : new EventMask(false, classes);
    }

    boolean accepts(String eventClass) {
        return eventClass != null && (all || classes.contains(eventClass));
    }

    boolean none() {
        return !all && classes.isEmpty();
    }
}
