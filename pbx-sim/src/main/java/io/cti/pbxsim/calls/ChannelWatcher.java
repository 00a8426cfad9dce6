package io.cti.pbxsim.calls;

/**
 * Follows one channel for a traffic model (a caller waiting for an agent, a callee waiting for someone to speak):
 * told when the channel is bridged with another party, leaves its bridge, and hangs up. Every call comes on the
 * clock thread after the change that caused it has been fully reported, so a watcher may act on the PBX at once;
 * it must not block.
 */
public interface ChannelWatcher {

    /** The channel is now in a two-party bridge with {@code peer} (the other channel's name). */
    default void bridged(String peer) {
    }

    /** The channel left its bridge (and is still up). */
    default void unbridged() {
    }

    /** The channel is gone, with this Q.850 cause. */
    default void hungUp(int cause) {
    }
}
