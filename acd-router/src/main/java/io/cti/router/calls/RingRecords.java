package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.Reservation;
import io.cti.router.reservations.RouterId;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The screen-pop's two round trips when an agent's phone rings: reading the call's record together with its current
 * reservation, and writing the ring (the reservation confirmed for the ring time, the ring's moment in the record,
 * the pop's once-marker) in one script. Both script over the layouts of {@link CallLedger} and of the reservations.
 * Thread-safe.
 */
final class RingRecords {

    private static final String RESERVATIONS = "/io/cti/router/reservations/prelude.lua";
    private static final RedisScript READ = RedisScript.load(RedisScript.KEYS_PRELUDE, RESERVATIONS,
            "/io/cti/router/calls/ring-read.lua");
    private static final RedisScript WRITE = RedisScript.load(RedisScript.KEYS_PRELUDE, RESERVATIONS,
            "/io/cti/router/calls/prelude.lua", "/io/cti/router/calls/ring-write.lua");

    /** The call's record (empty for a call the flow does not know) and its current reservation, if any. */
    record Ring(Optional<CallRecord> record, Optional<Reservation> reservation) {
    }

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;

    RingRecords(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Ring read(CallId call) {
        List<Object> reply = READ.run(redis, ScriptOutputType.MULTI, new String[] {keys.call(call),
                keys.callRecord(call)}, keys.root());
        Map<String, String> record = pairs((List<?>) reply.get(0), 0);
        List<?> reservation = (List<?>) reply.get(1);
        return new Ring(record.containsKey(CallLedger.ARRIVED_AT) ? Optional.of(new CallRecord(call, record))
                : Optional.empty(), reservation.isEmpty() ? Optional.empty() : Optional.of(reservation(call, reservation)));
    }

    /** What a ring's write did: whether the reservation was still current (and confirmed), and whether to pop. */
    record Rang(boolean confirmed, boolean firstPop) {
    }

    /**
     * Confirms the reservation for {@code holdFor} more and, only if it was still current, writes when the phone
     * rang and sets the pop's once-marker; the pop is to be sent if this ring is the first to set {@code marker}.
     */
    Rang rang(CallId call, FencingToken token, Duration holdFor, Instant ringingAt, String marker) {
        List<String> args = new ArrayList<>(List.of(keys.root(), token.toString(), Long.toString(holdFor.toMillis()),
                Long.toString(CallLedger.KEEP.toSeconds()), marker, CallLedger.RINGING_AT, CallLedger.millis(ringingAt)));
        List<Object> reply = WRITE.run(redis, ScriptOutputType.MULTI, new String[] {keys.callRecord(call)},
                args.toArray(String[]::new));
        return new Rang("done".equals(String.valueOf(reply.get(0))), ((Number) reply.get(1)).longValue() == 1);
    }

    private static Reservation reservation(CallId call, List<?> reply) {
        Map<String, String> fields = pairs(reply, 1);
        return new Reservation(FencingToken.of(Long.parseLong(String.valueOf(reply.get(0)))), call,
                AgentId.of(fields.get("agent")), QueueName.of(fields.get("queue")),
                Double.parseDouble(fields.get("orderKey")), RouterId.of(fields.get("router")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("deadline"))));
    }

    private static Map<String, String> pairs(List<?> flat, int from) {
        Map<String, String> map = new HashMap<>();
        for (int i = from; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }
}
