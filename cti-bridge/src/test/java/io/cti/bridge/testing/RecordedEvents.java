package io.cti.bridge.testing;

import io.cti.bridge.events.AmiEventTranslator;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.RecordedEventBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a recorded transcript as asterisk-java builds them, each at its recorded time (counted from
 * {@link #START}). Frames asterisk-java has no class for (e.g. an unregistered UserEvent) are left out, as a
 * live connection would drop them. Stateless.
 */
public final class RecordedEvents {

    public static final Instant START = Instant.parse("2026-11-25T09:18:51Z");

    /** One recorded event at its recorded time. */
    public record Timed(Instant at, ManagerEvent event) {
    }

    private RecordedEvents() {
    }

    public static List<Timed> of(String file, String connection) {
        RecordedEventBuilder builder = new RecordedEventBuilder(AmiEventTranslator.userEventClasses());
        List<Timed> events = new ArrayList<>();
        for (Transcript.Frame frame : Transcript.serverFrames(file, connection)) {
            if (!frame.isEvent()) {
                continue;
            }
            ManagerEvent event = builder.build(frame.attributes());
            if (event != null) {
                events.add(new Timed(START.plus(Duration.ofNanos((long) (frame.time() * 1e9))), event));
            }
        }
        return events;
    }
}
