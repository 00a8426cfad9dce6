package io.cti.router.waiting;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls waiting in the router's queues, held in Redis so that a router restart forgets nothing: a queued call
 * keeps its place, and any router process on the same Redis sees the same queues. Each change is one Lua script,
 * so a call is never seen in two queues or half-enqueued. Thread-safe (the Lettuce connection is).
 *
 * <h2>Key layout</h2>
 * Every key starts with {@code <prefix>{acd}:} ({@link RouterKeys}; prefix {@code cti:router:} by default), below
 * written {@code R:}. The hash tag {@code {acd}} keeps all keys in one Redis Cluster slot, which the multi-key
 * scripts need.
 * <pre>
 * R:call:&lt;callId&gt;              hash   id, queue, enqueuedAt (epoch ms), orderKey, [customer], [lastAgent],
 *                                      [skills "billing:5,english:3"], [ivr, percent-encoded, comma-joined],
 *                                      [token: the fencing token while the call is reserved]
 * R:ended:&lt;callId&gt;             string marker that the call ended, kept {@link #ENDED_CALL_MEMORY}, so a late
 *                                      arrival event does not queue it again
 * R:queue:&lt;queue&gt;:order         zset   callId by orderKey: the calls waiting, first served first
 * R:queue:&lt;queue&gt;:since         zset   callId by enqueuedAt: the same calls, for the longest wait
 * R:agents:ready                zset   agentId by idle-since (epoch ms): agents a router may reserve
 * R:agents:reserved             hash   agentId -&gt; fencing token of the agent's reservation
 * R:reservation:&lt;token&gt;        hash   call, agent, queue, orderKey, router, deadline (ms, Redis time),
 *                                      idleSince, stage (reserved|connecting), agentReturns (1|0)
 * R:reservations:deadlines      zset   token by deadline: what the reaper looks at
 * R:reservations:tokens         string the fencing-token counter (INCR), never reset
 * R:changes                     stream the change feed: one entry (n, [c callId], [a agentId]) per script that
 *                                      changed a waiting call or an agent ({@link ChangeFeed})
 * R:changes:count               string the number of the feed's last entry (INCR), never reset
 * </pre>
 * A reserved call is in no queue's zsets but keeps its hash, whose queue and orderKey are its original place.
 */
public final class WaitingCalls {

    /** How long an ended call is remembered, longer than any redelivery of its arrival could be late. */
    public static final Duration ENDED_CALL_MEMORY = Duration.ofHours(1);

    private static final RedisScript ENQUEUE = script("enqueue.lua");
    private static final RedisScript REMOVE = script("remove.lua");
    private static final RedisScript REQUEUE = script("requeue.lua");
    private static final RedisScript MOVE = script("move.lua");
    private static final RedisScript HEADS = script("heads.lua");
    private static final RedisScript DEPTH = script("depth.lua");

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;

    private WaitingCalls(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public static WaitingCalls on(RedisCommands<String, String> redis, RouterKeys keys) {
        return new WaitingCalls(Objects.requireNonNull(redis, "redis"), Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Queues a call at its place; true if it was queued, false if the call is already known (waiting, reserved, or
     * ended within {@link #ENDED_CALL_MEMORY}), which makes a redelivered arrival harmless.
     */
    public boolean enqueue(QueuedCall call) {
        List<String> args = new ArrayList<>(List.of(keys.root(), call.id().value(), call.queue().value(),
                Long.toString(call.enqueuedAt().toEpochMilli()), Double.toString(call.orderKey())));
        args.addAll(CallCodec.contextFields(call.context()));
        Long added = ENQUEUE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.call(call.id())},
                args.toArray(String[]::new));
        return added == 1;
    }

    /**
     * Queues again a call that was answered and is waiting once more (its agent transferred it to a queue): unlike
     * {@link #enqueue}, the marker its answer left is no obstacle. False if the call is waiting or reserved already.
     */
    public boolean requeue(QueuedCall call) {
        List<String> args = new ArrayList<>(List.of(keys.root(), call.id().value(), call.queue().value(),
                Long.toString(call.enqueuedAt().toEpochMilli()), Double.toString(call.orderKey())));
        args.addAll(CallCodec.contextFields(call.context()));
        Long added = REQUEUE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.call(call.id())},
                args.toArray(String[]::new));
        return added == 1;
    }

    /**
     * Forgets a call that was abandoned or answered outside the router; false if it was not known. A reservation on
     * the call is left to its owner, whose release then finds no call to put back.
     */
    public boolean remove(CallId call) {
        Long removed = REMOVE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.call(call)},
                keys.root(), call.value(), Long.toString(ENDED_CALL_MEMORY.toMillis()));
        return removed > 0;
    }

    /**
     * Overflow: moves a waiting call to {@code to} with the place {@code orderKey} computed there, keeping its
     * arrival time; false if the call is not waiting (unknown, or under reservation).
     */
    public boolean move(CallId call, QueueName to, double orderKey) {
        if (!Double.isFinite(orderKey)) {
            throw new IllegalArgumentException("a waiting call's order key must be finite: " + orderKey);
        }
        Long moved = MOVE.run(redis, ScriptOutputType.INTEGER, new String[] {keys.call(call)},
                keys.root(), call.value(), to.value(), Double.toString(orderKey));
        return moved == 1;
    }

    /** The first {@code limit} calls waiting in {@code queue}, first served first. */
    public List<QueuedCall> heads(QueueName queue, int limit) {
        if (limit < 1) {
            throw RouterException.waitingHeadsLimitInvalid(limit);
        }
        List<Object> hashes = HEADS.run(redis, ScriptOutputType.MULTI, new String[] {keys.order(queue)},
                keys.root(), queue.value(), Integer.toString(limit));
        List<QueuedCall> heads = new ArrayList<>(hashes.size());
        for (Object hash : hashes) {
            heads.add(CallCodec.fromFlat((List<?>) hash));
        }
        return heads;
    }

    /** The call as stored, whether waiting or under reservation; empty once it ended or was never queued. */
    public Optional<QueuedCall> find(CallId call) {
        Map<String, String> hash;
        try {
            hash = redis.hgetall(keys.call(call));
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading call " + call, e);
        }
        return hash.isEmpty() ? Optional.empty() : Optional.of(CallCodec.fromHash(hash));
    }

    /** How many calls wait in {@code queue} and since when the oldest waits. */
    public QueueDepth depth(QueueName queue) {
        List<Object> reply = DEPTH.run(redis, ScriptOutputType.MULTI, new String[] {keys.order(queue)},
                keys.root(), queue.value());
        long waiting = (Long) reply.get(0);
        Optional<Instant> oldest = reply.size() < 2 ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli((long) Double.parseDouble(String.valueOf(reply.get(1)))));
        return new QueueDepth(queue, waiting, oldest);
    }

    private static RedisScript script(String name) {
        return RedisScript.load(RedisScript.KEYS_PRELUDE, "/io/cti/router/waiting/" + name);
    }
}
