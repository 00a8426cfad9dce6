package io.cti.bridge.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls the bridge is following, indexed by Linkedid and by channel Uniqueid, plus a bounded memory of ended
 * calls so that their late or duplicated events are ignored instead of starting a new call. Not thread-safe:
 * guarded by the translator's lock.
 */
final class CallBook {

    private final Map<String, CallState> calls = new HashMap<>();
    private final Map<String, String> linkedIdByUniqueId = new HashMap<>();
    private final Map<String, Boolean> ended;
    private long epoch;

    CallBook(int rememberedEndedCalls) {
        this.ended = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedEndedCalls;
            }
        };
    }

    /**
     * The channel {@code uniqueId} of call {@code linkedId}, created (with its call) on first sight; null when the
     * call already ended or the event cannot be attributed to a call.
     */
    ChannelState channel(String linkedId, String uniqueId, String name, Instant now) {
        String uid = ChannelNames.value(uniqueId);
        if (uid == null) {
            return null;
        }
        // A channel stays with the call it was first seen in: bridging two calls makes Asterisk hand the younger
        // call's channels the older Linkedid, but each call must keep its one CallId and still end.
        String lid = linkedIdByUniqueId.get(uid);
        if (lid == null) {
            lid = ChannelNames.value(linkedId);
        }
        if (lid == null || ended.containsKey(lid)) {
            return null;
        }
        CallState call = call(lid, now);
        ChannelState channel = call.channels.computeIfAbsent(uid, id -> new ChannelState(id, name));
        channel.named(name);
        linkedIdByUniqueId.put(uid, lid);
        return channel;
    }

    /** The call {@code linkedId}, created on first sight and marked as touched now; null once it ended. */
    CallState call(String linkedId, Instant now) {
        if (ended.containsKey(linkedId)) {
            return null;
        }
        CallState call = calls.computeIfAbsent(linkedId, id -> new CallState(id, now));
        touch(call, now);
        return call;
    }

    CallState callOf(ChannelState channel) {
        String linkedId = linkedIdByUniqueId.get(channel.uniqueId);
        return linkedId == null ? null : calls.get(linkedId);
    }

    CallState find(String linkedId) {
        return calls.get(linkedId);
    }

    String linkedIdOf(String uniqueId) {
        return linkedIdByUniqueId.get(uniqueId);
    }

    boolean hasEnded(String linkedId) {
        return ended.containsKey(linkedId);
    }

    boolean isKnown(String linkedId) {
        return calls.containsKey(linkedId) || ended.containsKey(linkedId);
    }

    void touch(CallState call, Instant now) {
        if (now.isAfter(call.lastActivity)) {
            call.lastActivity = now;
        }
        call.epoch = epoch;
    }

    /** Forgets a finished call, remembering only that it ended. */
    void end(CallState call) {
        calls.remove(call.linkedId);
        call.channels.keySet().forEach(linkedIdByUniqueId::remove);
        ended.put(call.linkedId, Boolean.TRUE);
    }

    /** The calls followed now, as a live view: not to be changed while iterated. */
    Collection<CallState> live() {
        return Collections.unmodifiableCollection(calls.values());
    }

    List<CallState> all() {
        return new ArrayList<>(calls.values());
    }

    long beginEpoch() {
        return ++epoch;
    }

    int size() {
        return calls.size();
    }
}
