package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.RouterException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads what changed in the router's shared state since the last read: every script that changes a waiting call or
 * an agent (enqueue, remove, reserve, release, complete, a board move...) appends an entry naming them to the
 * stream {@code R:changes}, so a router process that keeps an in-memory view (the dispatcher's routing board) learns
 * what the other processes did by reading only what changed, with the state of each named call and agent as it is
 * when read. Entries are numbered without gaps, so a reader that fell so far behind that entries were trimmed
 * unread is told ({@link Changes#gap()}) and must read everything again. The reader's position is kept here: one
 * instance per view. Thread-safe: a batch may be read on one thread ({@link #read}) and taken in on another
 * ({@link #advance}), which refuses it if the position moved meanwhile.
 */
public final class ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final RedisScript MARK = RedisScript.load(RedisScript.KEYS_PRELUDE,
            "/io/cti/router/waiting/changes-mark.lua");
    private static final RedisScript READ = RedisScript.load(RedisScript.KEYS_PRELUDE,
            "/io/cti/router/waiting/changes.lua");

    /**
     * What changed, each call and agent once, as they are now.
     *
     * @param waiting    calls waiting in a queue, with their place and context
     * @param notWaiting calls that are not waiting any more (reserved, answered, ended, unknown)
     * @param agents     agents by id with the fields of their board hash (empty if never on the board)
     * @param gap        entries after the last one read were trimmed unread: the view must be read again in full
     * @param more       more entries wait than were read: read again
     */
    public record Changes(List<QueuedCall> waiting, List<CallId> notWaiting, Map<AgentId, Map<String, String>> agents,
                          boolean gap, boolean more) {
        public Changes {
            waiting = List.copyOf(waiting);
            notWaiting = List.copyOf(notWaiting);
            agents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        }

        public boolean isEmpty() {
            return waiting.isEmpty() && notWaiting.isEmpty() && agents.isEmpty();
        }
    }

    /**
     * A batch read from position {@code fromId} (numbered {@code fromNumber}) to {@code toId}, not yet taken in.
     */
    public record Batch(String fromId, long fromNumber, String toId, long toNumber, Changes changes) {

        /** Nothing was written to the feed since the position it was read from: nothing to take in. */
        public boolean isEmpty() {
            return fromId.equals(toId) && changes.isEmpty() && !changes.gap() && !changes.more();
        }
    }

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;
    /** Guarded by this. */
    private String lastId = "0-0";
    /** Guarded by this. */
    private long lastNumber;

    private ChangeFeed(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public static ChangeFeed on(RedisCommands<String, String> redis, RouterKeys keys) {
        return new ChangeFeed(Objects.requireNonNull(redis, "redis"), Objects.requireNonNull(keys, "keys"));
    }

    /** From now on, reads only what changes after this moment; call it before reading the view in full. */
    public void startHere() {
        List<Object> mark = MARK.run(redis, ScriptOutputType.MULTI, new String[] {keys.changes()}, keys.root());
        synchronized (this) {
            lastId = String.valueOf(mark.get(0));
            lastNumber = Long.parseLong(String.valueOf(mark.get(1)));
        }
    }

    /** At most {@code limit} entries after the last one read, in one round trip; moves the position past them. */
    public Changes next(int limit) {
        Batch batch = read(limit);
        advance(batch);
        return batch.changes();
    }

    /**
     * At most {@code limit} entries after the last one read, in one round trip, without moving the position: a
     * reader may read outside its view's lock and take the batch in under it ({@link #advance}).
     */
    public Batch read(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a read of the change feed takes one entry at least: " + limit);
        }
        String fromId;
        long fromNumber;
        synchronized (this) {
            fromId = lastId;
            fromNumber = lastNumber;
        }
        List<Object> reply = READ.run(redis, ScriptOutputType.MULTI, new String[] {keys.changes()}, keys.root(), fromId,
                Long.toString(fromNumber), Integer.toString(limit));
        return new Batch(fromId, fromNumber, String.valueOf(reply.get(0)), ((Number) reply.get(1)).longValue(),
                changes(reply));
    }

    /** Whether the position is still where {@code batch} was read from: {@link #advance} would take it. */
    public synchronized boolean isAt(Batch batch) {
        return batch.fromId().equals(lastId) && batch.fromNumber() == lastNumber;
    }

    /**
     * Moves the position past {@code batch} if it is still where the batch was read from, and says so; false when
     * another read was taken in, or the position was set anew ({@link #startHere}), since: the batch is then stale
     * and must not be applied.
     */
    public synchronized boolean advance(Batch batch) {
        if (!isAt(batch)) {
            return false;
        }
        lastId = batch.toId();
        lastNumber = batch.toNumber();
        return true;
    }

    private static Changes changes(List<Object> reply) {
        boolean gap = ((Number) reply.get(2)).longValue() == 1;
        boolean more = ((Number) reply.get(3)).longValue() == 1;
        List<QueuedCall> waiting = new ArrayList<>();
        List<CallId> notWaiting = new ArrayList<>();
        for (Object item : (List<?>) reply.get(4)) {
            List<?> pair = (List<?>) item;
            CallId call = CallId.of(String.valueOf(pair.get(0)));
            List<?> hash = (List<?>) pair.get(1);
            if (hash.isEmpty()) {
                notWaiting.add(call);
                continue;
            }
            try {
                waiting.add(CallCodec.fromFlat(hash));
            } catch (RouterException e) {
                // A damaged call cannot be routed; leaving it out of every view keeps routing going for the others.
                LOG.warn("call {} in the change feed is unreadable ({}); left out of routing", call, e.getMessage());
                notWaiting.add(call);
            }
        }
        Map<AgentId, Map<String, String>> agents = new LinkedHashMap<>();
        for (Object item : (List<?>) reply.get(5)) {
            List<?> pair = (List<?>) item;
            List<?> flat = (List<?>) pair.get(1);
            Map<String, String> hash = new LinkedHashMap<>();
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                hash.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
            }
            agents.put(AgentId.of(String.valueOf(pair.get(0))), hash);
        }
        return new Changes(waiting, notWaiting, agents, gap, more);
    }
}
