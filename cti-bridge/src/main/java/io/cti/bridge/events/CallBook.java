package io.cti.bridge.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls the bridge is following, indexed by Linkedid and by channel Uniqueid, plus a memory of recently ended
 * calls so that their late or duplicated events are ignored instead of starting a new call. That memory is bounded
 * by age as well as by count: late events come within the link's reordering (200 ms), so remembering calls for
 * minutes is ample, and a count-only bound would keep the heap growing for as long as it takes to fill at the
 * current call rate. Not thread-safe: guarded by the translator's lock.
 */
final class CallBook {

    private final Map<String, CallState> calls = new HashMap<>();
    private final Map<String, String> linkedIdByUniqueId = new HashMap<>();
    /** Ended calls in the order they ended, with when. */
    private final LinkedHashMap<String, Instant> ended = new LinkedHashMap<>(1024, 0.75f, false);
    private final int rememberedEndedCalls;
    private final Duration endedCallMemory;
    private long epoch;

    CallBook(int rememberedEndedCalls, Duration endedCallMemory) {
        this.rememberedEndedCalls = rememberedEndedCalls;
        this.endedCallMemory = endedCallMemory;
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

    /** Forgets a finished call, remembering only that it ended at {@code now}. */
    void end(CallState call, Instant now) {
        calls.remove(call.linkedId);
        call.channels.keySet().forEach(linkedIdByUniqueId::remove);
        ended.put(call.linkedId, now);
        forgetEndedBefore(now.minus(endedCallMemory));
    }

    /** Drops the memory of calls that ended before {@code cutoff}, and of the oldest beyond the count bound. */
    void forgetEndedBefore(Instant cutoff) {
        Iterator<Map.Entry<String, Instant>> oldestFirst = ended.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Instant> oldest = oldestFirst.next();
            if (ended.size() <= rememberedEndedCalls && !oldest.getValue().isBefore(cutoff)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    int rememberedEnded() {
        return ended.size();
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
