package io.cti.bridge.connection;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * What the AMI link reports to the rest of the bridge; implementations must be thread-safe. Calls come from the
 * link's own threads and must return quickly and never block: asterisk-java hands events to a single dispatch thread through a bounded queue and
 * drops events when that queue is full.
 */
public interface LinkListener {

    /** An event from the PBX, in the order the link received it; only events of the current login arrive. */
    void onEvent(ManagerEvent event);

    /** The link logged in (again); the listener may use {@code gateway} to resynchronise its state. */
    default void onLinkUp(AmiGateway gateway) {
    }

    /** The link was lost (or closed) for {@code reason}; events may have been missed until the next link-up. */
    default void onLinkDown(String reason) {
    }
}
