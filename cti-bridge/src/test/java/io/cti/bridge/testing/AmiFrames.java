package io.cti.bridge.testing;

import io.cti.bridge.events.AmiEventTranslator;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.RecordedEventBuilder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds asterisk-java events from AMI header lines ("Event: Hold", "Channel: ..."), through asterisk-java's own
 * builder, for events the recording does not contain (AMD, hold, transfers, device states). Not thread-safe.
 */
public final class AmiFrames {

    private static final RecordedEventBuilder BUILDER = new RecordedEventBuilder(AmiEventTranslator.userEventClasses());

    private AmiFrames() {
    }

    public static ManagerEvent event(String... headerLines) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            attributes.put(line.substring(0, colon).trim().toLowerCase(Locale.ENGLISH), line.substring(colon + 1).trim());
        }
        ManagerEvent event = BUILDER.build(attributes);
        if (event == null) {
            throw new IllegalArgumentException("asterisk-java builds no event from " + attributes);
        }
        return event;
    }

    /** A channel event's common headers for channel {@code name} of call {@code linkedId}. */
    public static String[] channel(String event, String name, String uniqueId, String linkedId, String... more) {
        String[] base = {"Event: " + event, "Channel: " + name, "ChannelState: 6", "ChannelStateDesc: Up",
                "CallerIDNum: +4930123456", "CallerIDName: Customer", "Context: cti-inbound", "Exten: 100",
                "Priority: 1", "Uniqueid: " + uniqueId, "Linkedid: " + linkedId};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
