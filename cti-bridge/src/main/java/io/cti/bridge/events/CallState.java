package io.cti.bridge.events;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the bridge knows of one call: all channels sharing one Linkedid, and which domain facts were already
 * published, so a duplicated or reordered event cannot publish one twice. Not thread-safe: guarded by the
 * translator's lock.
 */
final class CallState {

    final String linkedId;
    final CallId callId;
    /** When the bridge first saw the call: for a virtual-hold request, when the caller entered. */
    final Instant startedAt;
    final Map<String, ChannelState> channels = new LinkedHashMap<>();
    /** Worth a CallEnded: it arrived, the platform originated it, or it was adopted on resync. */
    boolean relevant;
    boolean arrived;
    boolean callbackRequested;
    /** A callback the platform placed (CallBackCustomer): the agent's phone first, then the customer leg. */
    boolean callback;
    boolean customerLegReported;
    String arrivedUniqueId;
    String originatedUniqueId;
    boolean hangupByPlatform;
    /** In the order they rang, so an AcdRona notice claims the oldest leg to its endpoint. */
    final Set<String> ringingLegs = new LinkedHashSet<>();
    final Set<String> connectedLegs = new HashSet<>();
    final Set<String> unansweredLegs = new HashSet<>();
    final Set<String> agentPairs = new HashSet<>();
    /** Legs an AcdRona notice already accounts for. */
    final Set<String> ronaClaimedLegs = new HashSet<>();
    /** AcdRona notices no leg accounts for yet (see {@link RonaNotices}). */
    final List<PendingRona> pendingRonas = new ArrayList<>(0);
    String connectedUniqueId;
    final Set<String> transfers = new HashSet<>();
    /** A hold from the agent's desktop ({@link DeskHolds}): the two channels, and whether it still lasts. */
    String holdCaller;
    String holdAgent;
    boolean holdActive;
    String amdStatus;
    String amdCause;
    boolean amdReported;
    Instant lastActivity;
    long epoch;

    CallState(String linkedId, Instant now) {
        this.linkedId = linkedId;
        this.callId = CallId.of(linkedId);
        this.lastActivity = now;
        this.startedAt = now;
    }

    boolean allHungUp() {
        if (channels.isEmpty()) {
            return false;
        }
        // A plain loop: the translator's clock asks this of every live call several times a second.
        for (ChannelState channel : channels.values()) {
            if (!channel.hungUp) {
                return false;
            }
        }
        return true;
    }

    boolean isAgentSide(ChannelState channel) {
        return channel.name != null && agentPairs.contains(ChannelNames.pairName(channel.name));
    }

    /** An AcdRona notice waiting for the leg it belongs to. */
    record PendingRona(String endpoint, String dialStatus, Instant at) {
    }

    ChannelState liveChannel(String uniqueId) {
        ChannelState channel = uniqueId == null ? null : channels.get(uniqueId);
        return channel != null && !channel.hungUp && channel.name != null ? channel : null;
    }
}
