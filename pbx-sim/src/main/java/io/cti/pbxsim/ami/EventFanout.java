package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.PbxListener;

import java.util.Set;

/**
 * Renders each PBX event once and offers the bytes to every session (each keeps only what it wants). Runs on
 * the clock thread; the session set is concurrent.
 */
final class EventFanout implements PbxListener {

    private final Set<AmiSession> sessions;

    EventFanout(Set<AmiSession> sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onEvent(ManagerEvent event) {
        if (sessions.isEmpty()) {
            return;
        }
        RenderedEvent rendered = new RenderedEvent(event.eventClass(), AmiWire.render(event));
        for (AmiSession session : sessions) {
            session.offer(rendered);
        }
    }
}
