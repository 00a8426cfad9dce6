package io.cti.core.bus;

import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The acknowledgements one batch of deliveries owes, sent together once the batch is done: per stream one
 * script that sets the processed marker of every handled entry and acknowledges all of them with one XACK.
 * An entry is only added here after its handler returned, so nothing is acknowledged before it is handled;
 * if the process dies before {@link #send()}, the entries stay pending and are claimed and handled again,
 * which their markers being unset allows. Used by one polling thread; not thread-safe.
 */
final class Acknowledgements {

    /** Bounds one script call's argument list (Lua's unpack has a stack limit of a few thousand). */
    static final int MAX_PER_CALL = 500;

    private final RedisCommands<String, String> redis;
    private final String group;
    private final String ttlMillis;
    private final Map<String, List<Owed>> byStream = new LinkedHashMap<>();

    Acknowledgements(RedisCommands<String, String> redis, String group, long ttlMillis) {
        this.redis = redis;
        this.group = group;
        this.ttlMillis = Long.toString(ttlMillis);
    }

    /** A handled entry: acknowledged together with its message's processed marker. */
    void handled(String stream, String entryId, String marker) {
        byStream.computeIfAbsent(stream, key -> new ArrayList<>()).add(new Owed(entryId, marker));
    }

    /** An entry acknowledged without handling: unwanted type, deleted, or a duplicate. */
    void skipped(String stream, String entryId) {
        byStream.computeIfAbsent(stream, key -> new ArrayList<>()).add(new Owed(entryId, null));
    }

    /**
     * Withdraws the acknowledgements of the handled entries (their handler could not settle what it published):
     * they stay pending and are delivered again. Skipped entries are still acknowledged. Returns how many.
     */
    int withdrawHandled() {
        int withdrawn = 0;
        var streams = byStream.values().iterator();
        while (streams.hasNext()) {
            List<Owed> owed = streams.next();
            int before = owed.size();
            owed.removeIf(entry -> entry.marker() != null);
            withdrawn += before - owed.size();
            if (owed.isEmpty()) {
                streams.remove();
            }
        }
        return withdrawn;
    }

    boolean isEmpty() {
        return byStream.isEmpty();
    }

    /**
     * Sends every acknowledgement owed and forgets them; returns how many handled entries were acknowledged.
     * A Redis failure propagates with the unsent ones kept, so they stay pending in Redis and are redelivered.
     */
    int send() {
        int acknowledgedHandled = 0;
        var streams = byStream.entrySet().iterator();
        while (streams.hasNext()) {
            var stream = streams.next();
            List<Owed> owed = stream.getValue();
            for (int from = 0; from < owed.size(); from += MAX_PER_CALL) {
                acknowledgedHandled += send(stream.getKey(), owed.subList(from, Math.min(owed.size(), from + MAX_PER_CALL)));
            }
            streams.remove();
        }
        return acknowledgedHandled;
    }

    private int send(String stream, List<Owed> chunk) {
        List<String> keys = new ArrayList<>(chunk.size() + 1);
        List<String> args = new ArrayList<>(chunk.size() + 2);
        keys.add(stream);
        args.add(ttlMillis);
        args.add(group);
        int markers = 0;
        for (Owed entry : chunk) {
            if (entry.marker() != null) {
                keys.add(entry.marker());
                markers++;
            }
            args.add(entry.entryId());
        }
        LuaScript.MARK_ALL_AND_ACK.run(redis, keys.toArray(String[]::new), args.toArray(String[]::new));
        return markers;
    }

    private record Owed(String entryId, String marker) {
    }
}
