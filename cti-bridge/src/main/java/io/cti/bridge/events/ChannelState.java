package io.cti.bridge.events;

/**
 * What the bridge knows of one PBX channel of a call. Facts only ever get added (a channel never comes back to
 * life, the first cause reported is kept), which is what makes the translation independent of event order.
 * Not thread-safe: guarded by the translator's lock.
 */
final class ChannelState {

    final String uniqueId;
    String name;
    boolean hungUp;
    int hangupCause;
    String hangupCauseText;
    int requestCause;
    /** A HangupRequest (not a soft one): the far end of this channel hung up. */
    boolean farEndHungUp;
    boolean held;
    /** Held from the agent's desktop: waiting with music in the hold context ({@link DeskHolds}). */
    boolean deskHeld;

    ChannelState(String uniqueId, String name) {
        this.uniqueId = uniqueId;
        this.name = name;
    }

    void named(String channelName) {
        if (channelName != null && (name == null || name.isEmpty())) {
            name = channelName;
        }
    }

    void hangup(Integer cause, String causeText) {
        if (!hungUp) {
            hungUp = true;
            hangupCause = cause == null ? 0 : cause;
            hangupCauseText = ChannelNames.value(causeText);
        } else if (hangupCause == 0 && cause != null && cause != 0) {
            hangupCause = cause;
            hangupCauseText = ChannelNames.value(causeText);
        }
    }

    void hangupRequested(Integer cause, boolean soft) {
        if (!soft) {
            farEndHungUp = true;
        }
        if (requestCause == 0 && cause != null) {
            requestCause = cause;
        }
    }
}
