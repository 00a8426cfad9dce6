package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reservation desk: promises waiting calls to Ready agents in Redis, one Lua script per decision, so that any
 * number of router processes on one Redis never give one agent two calls nor one call to two agents. Each
 * reservation has a fencing token and a deadline; commands carrying a token that is no longer current change
 * nothing, and the reaper ({@link #reapExpired()}) gives back what a dead or stalled router left behind.
 * Thread-safe (the Lettuce connection is).
 *
 * <p>Time: deadlines are set and checked with the Redis server's {@code TIME}, read inside the scripts, never a
 * router's clock, so routers on hosts whose clocks disagree still agree on when a reservation expired, and a
 * router with a fast clock cannot reap reservations that are still live. A reservation past its deadline is dead
 * at once for every command (isCurrent, confirm, release, complete say so) even before the reaper returns its call
 * and agent; so the reaper may run late without anyone acting on an expired reservation.
 *
 * <p>The key layout is on {@link WaitingCalls}.
 */
public final class Reservations {

    /** How many expired reservations one reaper script ends at most, so it never blocks Redis for long. */
    static final int REAP_BATCH = 200;

    private static final Duration LONGEST_TIMEOUT = Duration.ofDays(1);
    private static final RedisScript RESERVE = script("reserve.lua");
    private static final RedisScript CONFIRM = script("confirm.lua");
    private static final RedisScript RELEASE = script("release.lua");
    private static final RedisScript COMPLETE = script("complete.lua");
    private static final RedisScript CURRENT = script("current.lua");
    private static final RedisScript REAP = script("reap.lua");
    private static final RedisScript CURRENT_OF_CALL = script("current-of-call.lua");

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;
    private final RouterId router;

    private Reservations(RedisCommands<String, String> redis, RouterKeys keys, RouterId router) {
        this.redis = redis;
        this.keys = keys;
        this.router = router;
    }

    public static Reservations on(RedisCommands<String, String> redis, RouterKeys keys, RouterId router) {
        return new Reservations(Objects.requireNonNull(redis, "redis"), Objects.requireNonNull(keys, "keys"),
                Objects.requireNonNull(router, "router"));
    }

    /**
     * Reserves {@code agent} for {@code call} until {@code timeout} from now, if the call is still waiting and the
     * agent still Ready and unreserved; the call leaves its queue and the agent the ready set. On a Redis timeout
     * the outcome is unknown; a reservation made nonetheless expires and is reaped.
     */
    public ReservationAttempt reserve(CallId call, AgentId agent, Duration timeout) {
        String ttl = millis("a reservation timeout", timeout);
        List<Object> reply = RESERVE.run(redis, ScriptOutputType.MULTI, new String[] {keys.call(call)},
                keys.root(), call.value(), agent.value(), ttl, router.value());
        if (!"granted".equals(reply.get(0))) {
            return new ReservationAttempt.Refused(Refusal.ofId(String.valueOf(reply.get(1))));
        }
        return new ReservationAttempt.Granted(new Reservation(FencingToken.of(Long.parseLong(text(reply, 1))), call,
                agent, QueueName.of(text(reply, 2)), Double.parseDouble(text(reply, 3)), router,
                Instant.ofEpochMilli(Long.parseLong(text(reply, 4)))));
    }

    /**
     * The agent's phone rings: the reservation becomes a connection that may last {@code holdFor} from now (the
     * ring timeout and a margin) before the reaper gives it up, if the token is still current.
     */
    public TokenOutcome confirm(FencingToken token, Duration holdFor) {
        return outcome(CONFIRM, token, millis("a connection's hold time", holdFor));
    }

    /** Gives a reservation up: the call back to its original place, the agent Ready again with their idle-since. */
    public TokenOutcome release(FencingToken token) {
        return outcome(RELEASE, token, "1");
    }

    /**
     * Redirect on no answer: the call back to its original place, the agent left out of the ready set (the agent
     * state machine puts them Not ready "no answer").
     */
    public TokenOutcome redirectOnNoAnswer(FencingToken token) {
        return outcome(RELEASE, token, "0");
    }

    /** The agent answered: call and reservation are gone, the agent is busy (neither Ready nor reserved). */
    public TokenOutcome complete(FencingToken token) {
        return outcome(COMPLETE, token, Long.toString(WaitingCalls.ENDED_CALL_MEMORY.toMillis()));
    }

    /**
     * Whether {@code token} is the current reservation of {@code call}: whoever executes a command checks this and
     * ignores the command if not, since it comes from a router that died, stalled or lost the reservation.
     */
    public boolean isCurrent(CallId call, FencingToken token) {
        Long current = CURRENT.run(redis, ScriptOutputType.INTEGER, new String[] {keys.reservation(token.value())},
                keys.root(), token.toString(), call.value());
        return current == 1;
    }

    /**
     * The current reservation {@code call} is under, for whoever knows only the call (such as the handler of an
     * unanswered agent leg); empty if the call is not reserved or its reservation expired.
     */
    public Optional<Reservation> currentOf(CallId call) {
        List<Object> reply = CURRENT_OF_CALL.run(redis, ScriptOutputType.MULTI, new String[] {keys.call(call)},
                keys.root(), call.value());
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            fields.put(text(reply, i), text(reply, i + 1));
        }
        return Optional.of(new Reservation(FencingToken.of(Long.parseLong(text(reply, 0))), call,
                AgentId.of(fields.get("agent")), QueueName.of(fields.get("queue")),
                Double.parseDouble(fields.get("orderKey")), RouterId.of(fields.get("router")),
                Instant.ofEpochMilli(Long.parseLong(fields.get("deadline")))));
    }

    /** Ends every reservation whose deadline passed, returning calls to their places and agents to Ready; how many. */
    public int reapExpired() {
        int total = 0;
        long reaped;
        do {
            reaped = REAP.run(redis, ScriptOutputType.INTEGER, new String[] {keys.deadlines()},
                    keys.root(), Integer.toString(REAP_BATCH));
            total += (int) reaped;
        } while (reaped == REAP_BATCH);
        return total;
    }

    static RedisScript script(String name) {
        return RedisScript.load(RedisScript.KEYS_PRELUDE, "/io/cti/router/reservations/prelude.lua",
                "/io/cti/router/reservations/" + name);
    }

    private TokenOutcome outcome(RedisScript script, FencingToken token, String arg) {
        String reply = script.run(redis, ScriptOutputType.VALUE, new String[] {keys.reservation(token.value())},
                keys.root(), token.toString(), arg);
        return TokenOutcome.ofReply(reply);
    }

    private static String millis(String what, Duration duration) {
        if (duration == null || duration.toMillis() < 1 || duration.compareTo(LONGEST_TIMEOUT) > 0) {
            throw RouterException.reservationTimeoutInvalid(what, duration);
        }
        return Long.toString(duration.toMillis());
    }

    private static String text(List<Object> reply, int index) {
        return String.valueOf(reply.get(index));
    }
}
