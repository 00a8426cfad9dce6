package io.cti.bridge.connection;

import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers, per event type, whether asterisk-java builds an event object from a frame of that type, using
 * asterisk-java's own (package-private) event builder with the same user event classes registered. The link needs
 * the answer to tell a frame asterisk-java discards as unknown from one it built and then lost in its full
 * dispatch queue: both simply never arrive. The builder is reached by reflection because asterisk-java 3.41 keeps
 * it internal; if a later version moves it, {@link #available()} is false and the caller stops telling the two
 * apart rather than miscounting. Answers are cached per type. Thread-safe.
 */
final class EventTypes {

    private static final Logger log = LoggerFactory.getLogger(EventTypes.class);
    private static final String BUILDER = "org.asteriskjava.manager.internal.EventBuilderImpl";

    private final Object builder;
    private final Method buildEvent;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    /** Answers for frames without a UserEvent header, by the type exactly as sent (the PBX's spelling is fixed). */
    private final Map<String, Boolean> exact = new ConcurrentHashMap<>();

    private EventTypes(Object builder, Method buildEvent) {
        this.builder = builder;
        this.buildEvent = buildEvent;
    }

    static EventTypes of(List<Class<? extends ManagerEvent>> userEventClasses) {
        try {
            Class<?> type = Class.forName(BUILDER);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object builder = constructor.newInstance();
            Method register = type.getMethod("registerEventClass", Class.class);
            register.setAccessible(true);
            for (Class<? extends ManagerEvent> userEvent : userEventClasses) {
                register.invoke(builder, userEvent);
            }
            Method build = type.getMethod("buildEvent", Object.class, Map.class);
            build.setAccessible(true);
            return new EventTypes(builder, build);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("asterisk-java's event builder is out of reach ({}): events it drops from a full dispatch queue "
                    + "cannot be counted", e.toString());
            return new EventTypes(null, null);
        }
    }

    boolean available() {
        return builder != null;
    }

    /** Whether asterisk-java builds an event from a frame {@code Event: event} ({@code UserEvent: userEvent}). */
    boolean builds(String event, String userEvent) {
        if (builder == null) {
            return true;
        }
        if (userEvent == null) {
            // Every frame comes through here: first by the type exactly as the PBX spells it, no string built.
            Boolean answer = exact.get(event);
            if (answer == null) {
                answer = known.computeIfAbsent(event.toLowerCase(Locale.ROOT), ignored -> probe(event, null));
                exact.putIfAbsent(event, answer);
            }
            return answer;
        }
        String key = event.toLowerCase(Locale.ROOT) + "/" + userEvent.toLowerCase(Locale.ROOT);
        return known.computeIfAbsent(key, ignored -> probe(event, userEvent));
    }

    private boolean probe(String event, String userEvent) {
        Map<String, Object> frame = new HashMap<>();
        frame.put("event", event);
        if (userEvent != null) {
            frame.put("userevent", userEvent);
        }
        try {
            return buildEvent.invoke(builder, this, frame) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The builder failed on a bare frame of this type; a real one may still build. Say "builds": a false
            // "unknown" would hide a drop, a false "builds" only shows one frame that did not build as lost.
            log.debug("probing asterisk-java's builder for {} failed: {}", key(event, userEvent), e.toString());
            return true;
        }
    }

    private static String key(String event, String userEvent) {
        return userEvent == null ? event : event + "/" + userEvent;
    }
}
