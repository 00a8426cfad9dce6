package org.asteriskjava.manager.internal;

import org.asteriskjava.manager.event.ManagerEvent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test access to asterisk-java's own (package-private) event builder, the one its reader uses, so recorded frames
 * become exactly the event objects a live connection would deliver. Not thread-safe.
 */
public final class RecordedEventBuilder {

    private final EventBuilderImpl builder = new EventBuilderImpl();

    public RecordedEventBuilder(List<Class<? extends ManagerEvent>> userEventClasses) {
        userEventClasses.forEach(builder::registerEventClass);
    }

    /** The event for one frame's attributes (lower-case names, repeated names as lists), or null if unknown. */
    public ManagerEvent build(Map<String, Object> attributes) {
        ManagerEvent event = builder.buildEvent(this, new HashMap<>(attributes));
        if (event != null) {
            event.setDateReceived(new java.util.Date());
        }
        return event;
    }
}
