package io.cti.pbxsim.calls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live bridges: creating one, channels entering it, and its break-up when a member leaves. A bridge made by
 * Dial ends as soon as either party leaves: the outgoing leg then hangs up, the caller's Dial returns. Confined
 * to the clock thread.
 */
final class Bridges {

    /** The second half of a break-up, run once the leaving channel is gone (see {@link #breakUp}). */
    interface Ending {
        void finish();
    }

    private final CallCore core;
    private final Map<String, Bridge> bridges = new LinkedHashMap<>();
    /** What a member does when the bridge ends under it; members without an action hang up. */
    private final Map<Channel, Runnable> exitActions = new LinkedHashMap<>();

    Bridges(CallCore core) {
        this.core = core;
    }

    Bridge create() {
        UUID id = new UUID((core.ids.nextLong() & ~0xF000L) | 0x4000L,
                (core.ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        Bridge bridge = new Bridge(id.toString());
        bridges.put(bridge.id, bridge);
        core.events.bridge("BridgeCreate", bridge);
        return bridge;
    }

    /** Puts {@code channel} into {@code bridge}; {@code onBridgeEnd} runs if the bridge ends under it. */
    void enter(Bridge bridge, Channel channel, Runnable onBridgeEnd) {
        bridge.members.add(channel);
        channel.bridge = bridge;
        if (onBridgeEnd != null) {
            exitActions.put(channel, onBridgeEnd);
        }
        core.events.bridgeMember("BridgeEnter", bridge, channel);
    }

    /** Sets BRIDGEPEER on each member of a two-party bridge, as the bridge core does once both are in. */
    void announcePeers(Bridge bridge) {
        if (bridge.members.size() == 2) {
            Channel first = bridge.members.get(0);
            Channel second = bridge.members.get(1);
            core.setVariable(first, "BRIDGEPEER", second.name);
            core.setVariable(second, "BRIDGEPEER", first.name);
            core.notifyWatchers(first, watcher -> watcher.bridged(second.name));
            core.notifyWatchers(second, watcher -> watcher.bridged(first.name));
        }
    }

    /**
     * Takes {@code leaver} and everyone else out of its bridge (BRIDGEPEER cleared, BridgeLeave for each). The
     * returned ending hangs up the remaining outgoing legs, destroys the bridge and tells remaining callers;
     * callers run it after the leaver's own hang-up, which is the order Asterisk reports.
     */
    Ending breakUp(Channel leaver) {
        Bridge bridge = leaver.bridge;
        if (bridge == null) {
            return () -> { };
        }
        List<Channel> others = new ArrayList<>(bridge.members);
        others.remove(leaver);
        core.setVariable(leaver, "BRIDGEPEER", "");
        for (Channel other : others) {
            core.setVariable(other, "BRIDGEPEER", "");
        }
        leave(bridge, leaver);
        exitActions.remove(leaver);
        for (Channel other : others) {
            leave(bridge, other);
        }
        return () -> finish(bridge, others);
    }

    /**
     * Takes every member out of {@code bridge} and destroys it without hanging anyone up or running their exit
     * actions: the members are about to be moved elsewhere together (a Redirect with ExtraChannel, Asterisk's dual
     * redirect, which keeps the bridge from hanging up the other party).
     */
    void dissolve(Bridge bridge) {
        List<Channel> members = new ArrayList<>(bridge.members);
        for (Channel member : members) {
            core.setVariable(member, "BRIDGEPEER", "");
        }
        for (Channel member : members) {
            exitActions.remove(member);
            leave(bridge, member);
        }
        bridges.remove(bridge.id);
        core.events.bridge("BridgeDestroy", bridge);
    }

    Collection<Bridge> all() {
        return bridges.values();
    }

    private void leave(Bridge bridge, Channel channel) {
        bridge.members.remove(channel);
        channel.bridge = null;
        core.events.bridgeMember("BridgeLeave", bridge, channel);
        core.notifyWatchers(channel, ChannelWatcher::unbridged);
    }

    private void finish(Bridge bridge, List<Channel> others) {
        List<Runnable> actions = new ArrayList<>();
        for (Channel other : others) {
            Runnable action = exitActions.remove(other);
            if (action != null) {
                actions.add(action);
            } else if (other.alive()) {
                core.hangups.hangupNow(other, HangupCause.NORMAL_CLEARING);
            }
        }
        bridges.remove(bridge.id);
        core.events.bridge("BridgeDestroy", bridge);
        actions.forEach(Runnable::run);
    }
}
