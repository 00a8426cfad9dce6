package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.MessageId;
import io.cti.router.RouterException;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.cti.router.waiting.RedisScript;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The calls' records in Redis, so that any router process can handle any event of a call and a restart forgets
 * nothing: one hash per call, kept a day after its last change. Markers written with HSETNX make the handlers
 * effectively-once under redelivery ("count this answer once", "pop once per reservation"). Thread-safe.
 *
 * <pre>
 * R:flow:call:&lt;callId&gt;   hash  number, ani, queue, customer, arrivedAt, agent, token, routedQueue, reason,
 *                             waitReason, decidedAt, ringingAt, answeredAt, endedAt, wrapUpDoneAt,
 *                             segment, note, transfers (a call transferred by its agent, see CallSegments),
 *                             hold:&lt;eventId&gt; ("H" or "R", time, channel, one per CallHeld and CallResumed),
 *                             ivr (choices, one per line), dnis, once:* markers (times in epoch ms);
 *                             a callback's call also callback (its id), callbackNote (for the pop) and
 *                             dialOutcome (how the dial of the customer went; its answeredAt is when the customer
 *                             answered, so that talk time starts there); a click-to-dial's call clickToDial
 *                             and dialOutcome likewise
 * </pre>
 */
final class CallLedger {

    static final String NUMBER = "number";
    static final String ANI = "ani";
    static final String QUEUE = "queue";
    static final String CUSTOMER = "customer";
    static final String ARRIVED_AT = "arrivedAt";
    static final String AGENT = "agent";
    static final String TOKEN = "token";
    static final String ROUTED_QUEUE = "routedQueue";
    static final String REASON = "reason";
    static final String WAIT_REASON = "waitReason";
    static final String DECIDED_AT = "decidedAt";
    static final String RINGING_AT = "ringingAt";
    static final String ANSWERED_AT = "answeredAt";
    static final String ENDED_AT = "endedAt";
    /** Prefix of the hold log's fields, one per CallHeld or CallResumed event, named by the event's id. */
    static final String HOLD = "hold:";
    /** Prefix of the once-markers' fields (see {@link #once}). */
    static final String ONCE = "once:";
    static final String WRAP_UP_DONE_AT = "wrapUpDoneAt";
    static final String IVR = "ivr";
    static final String DNIS = "dnis";
    static final String CALLBACK = "callback";
    static final String CALLBACK_NOTE = "callbackNote";
    static final String DIAL_OUTCOME = "dialOutcome";
    /** The id the call's current stretch is counted and written to history under (see {@link CallSegments}). */
    static final String SEGMENT = "segment";
    /** What the history row's notes add about the call's way here, such as a transfer. */
    static final String NOTE = "note";
    static final String TRANSFERS = "transfers";
    /** Marks a call an agent placed from the customer card (see {@link ClickToDialCalls}). */
    static final String CLICK_TO_DIAL = "clickToDial";

    /** Long enough for any late event and for "why did this call go there?" asked the same day. */
    static final Duration KEEP = Duration.ofDays(1);
    private static final String PRELUDE = "/io/cti/router/calls/prelude.lua";
    private static final RedisScript WRITE = RedisScript.load(RedisScript.KEYS_PRELUDE, PRELUDE,
            "/io/cti/router/calls/record.lua");
    private static final RedisScript ARRIVE = RedisScript.load(RedisScript.KEYS_PRELUDE, PRELUDE,
            "/io/cti/router/calls/arrive.lua");

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;

    CallLedger(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Optional<CallRecord> find(CallId call) {
        Map<String, String> hash = redis(() -> redis.hgetall(key(call)), call);
        return hash.isEmpty() || !hash.containsKey(ARRIVED_AT) ? Optional.empty()
                : Optional.of(new CallRecord(call, hash));
    }

    /**
     * The call's arrival: its arrival time kept from the first delivery, the fields written (an empty value deletes
     * the field), and the record as it then is, all in one round trip.
     */
    CallRecord arrive(CallId call, Map<String, String> fields, Instant arrivedAt) {
        String[] args = scriptArgs(fields, ARRIVED_AT, Long.toString(arrivedAt.toEpochMilli()));
        List<Object> reply = redis(() -> ARRIVE.run(redis, ScriptOutputType.MULTI, new String[] {key(call)}, args),
                call);
        Map<String, String> hash = new HashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            hash.put(String.valueOf(reply.get(i)), String.valueOf(reply.get(i + 1)));
        }
        return new CallRecord(call, hash);
    }

    /** Writes the fields (an empty value deletes the field), in one round trip. */
    void write(CallId call, Map<String, String> fields) {
        writeMarking(call, fields, "");
    }

    /**
     * Writes the fields and sets the once-marker {@code marker} in one round trip; true exactly once per call and
     * marker, as {@link #once} answers.
     */
    boolean writeOnce(CallId call, Map<String, String> fields, String marker) {
        return writeMarking(call, fields, marker);
    }

    /**
     * Writes the fields of many calls (such as the reasons they wait) pipelined: every command is sent before any
     * answer is awaited, so the whole batch costs about one round trip.
     */
    void writeMany(Map<CallId, Map<String, String>> fieldsByCall) {
        if (fieldsByCall.isEmpty()) {
            return;
        }
        RedisAsyncCommands<String, String> async = redis.getStatefulConnection().async();
        List<RedisFuture<?>> answers = new ArrayList<>(fieldsByCall.size() * 2);
        fieldsByCall.forEach((call, fields) -> {
            answers.add(async.hset(key(call), fields));
            answers.add(async.expire(key(call), KEEP.toSeconds()));
        });
        try {
            if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), answers.toArray(RedisFuture[]::new))) {
                throw RouterException.routerStateUnavailable("writing " + fieldsByCall.size() + " call records",
                        new RedisException("no answer within 10 s"));
            }
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("writing " + fieldsByCall.size() + " call records", e);
        }
    }

    private boolean writeMarking(CallId call, Map<String, String> fields, String marker) {
        Long first = WRITE.run(redis, ScriptOutputType.INTEGER, new String[] {key(call)},
                scriptArgs(fields, marker));
        return first == 1;
    }

    /** The record scripts' arguments: root, keep (s), {@code leading}, then field, value, ... (null as empty). */
    private String[] scriptArgs(Map<String, String> fields, String... leading) {
        List<String> args = new ArrayList<>(2 + leading.length + fields.size() * 2);
        args.add(keys.root());
        args.add(Long.toString(KEEP.toSeconds()));
        args.addAll(List.of(leading));
        fields.forEach((field, value) -> {
            args.add(field);
            args.add(value == null ? "" : value);
        });
        return args.toArray(String[]::new);
    }

    void write(CallId call, String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(field, value);
        write(call, fields);
    }

    /** Sets a time field unless it is set already; true if this call set it. */
    boolean firstTime(CallId call, String field, Instant at) {
        return redis(() -> redis.hsetnx(key(call), field, Long.toString(at.toEpochMilli())), call);
    }

    /**
     * Notes the end of a call whose arrival no router has handled yet (two routers may take a call's events in
     * either order), kept as long as an arrival could come late; see {@link WaitingCalls#ENDED_CALL_MEMORY}.
     */
    void endedBeforeArrival(CallId call, Instant at) {
        firstTime(call, ENDED_AT, at);
        redis(() -> redis.expire(key(call), WaitingCalls.ENDED_CALL_MEMORY.toSeconds()), call);
    }

    /** True exactly once per call and marker, whichever router process asks first. */
    boolean once(CallId call, String marker) {
        return redis(() -> redis.hsetnx(key(call), ONCE + marker, "1"), call);
    }

    /** Whether {@link #once} was already answered true for this marker. */
    boolean done(CallId call, String marker) {
        return redis(() -> redis.hexists(key(call), ONCE + marker), call);
    }

    /**
     * Logs a hold ({@code held}) or a resume of one of the call's channels under the event's id, so a redelivered
     * event rewrites the same entry; see {@link HoldLog}.
     */
    void logHold(CallId call, MessageId event, boolean held, Instant at, String channel) {
        write(call, HOLD + event, (held ? "H:" : "R:") + at.toEpochMilli() + ":" + channel);
    }

    static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }

    private String key(CallId call) {
        return keys.callRecord(call);
    }

    private static <T> T redis(Supplier<T> command, CallId call) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("the record of call " + call, e);
        }
    }
}
