package io.cti.router.calls;

import io.cti.core.ids.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which waiting calls' reasons for waiting are due to be filed in their records: those never filed first, then
 * those filed longest ago once their reason is older than allowed. Explaining a wait counts the agents of its lane,
 * so it is done for a few calls per tick, not for every call on every event. Not thread-safe: owned by the
 * dispatcher.
 */
final class WaitNotes {

    private final Set<CallId> unfiled = new LinkedHashSet<>();
    /** Calls by when their reason was filed, oldest first (a call filed again moves to the end). */
    private final LinkedHashMap<CallId, Instant> filed = new LinkedHashMap<>();

    void add(CallId call) {
        if (!filed.containsKey(call)) {
            unfiled.add(call);
        }
    }

    void forget(CallId call) {
        unfiled.remove(call);
        filed.remove(call);
    }

    void reset(Collection<CallId> waiting) {
        unfiled.clear();
        filed.clear();
        unfiled.addAll(waiting);
    }

    /** At most {@code limit} calls whose reason is due at {@code now}. */
    List<CallId> due(Instant now, Duration maxAge, int limit) {
        List<CallId> due = new ArrayList<>(Math.min(limit, unfiled.size() + filed.size()));
        Iterator<CallId> fresh = unfiled.iterator();
        while (due.size() < limit && fresh.hasNext()) {
            due.add(fresh.next());
        }
        Iterator<Map.Entry<CallId, Instant>> old = filed.entrySet().iterator();
        while (due.size() < limit && old.hasNext()) {
            Map.Entry<CallId, Instant> e = old.next();
            if (e.getValue().plus(maxAge).isAfter(now)) {
                break;
            }
            due.add(e.getKey());
        }
        return due;
    }

    void filed(CallId call, Instant at) {
        unfiled.remove(call);
        filed.remove(call);
        filed.put(call, at);
    }
}
