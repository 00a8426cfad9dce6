package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.router.RouterException;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The agents routers may reserve, in Redis, as much of agent state as reservations need: an agent is Ready (in
 * the ready set), reserved (by one reservation), or neither (busy, wrap-up, not ready, logged out — the agent
 * state machine knows which). Ready and reserved exclude each other. Thread-safe.
 */
public final class ReadyAgents {

    private static final RedisScript READY = Reservations.script("ready.lua");
    private static final RedisScript NOT_READY = Reservations.script("not-ready.lua");

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;

    private ReadyAgents(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    public static ReadyAgents on(RedisCommands<String, String> redis, RouterKeys keys) {
        return new ReadyAgents(Objects.requireNonNull(redis, "redis"), Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Makes the agent routable, idle since {@code idleSince} (a repeated call moves it); false, and nothing changed,
     * while the agent holds a reservation, which settles that agent's availability itself.
     */
    public boolean markReady(AgentId agent, Instant idleSince) {
        Long ready = READY.run(redis, ScriptOutputType.INTEGER, new String[] {keys.readyAgents()},
                keys.root(), agent.value(), Long.toString(idleSince.toEpochMilli()));
        return ready == 1;
    }

    /** Makes the agent unroutable; a reservation they hold stays, but will not make them Ready when it is settled. */
    public void markNotReady(AgentId agent) {
        NOT_READY.run(redis, ScriptOutputType.INTEGER, new String[] {keys.readyAgents()}, keys.root(), agent.value());
    }

    public boolean isReady(AgentId agent) {
        try {
            return redis.zscore(keys.readyAgents(), agent.value()) != null;
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading agent " + agent, e);
        }
    }

    /** Every Ready agent, longest idle first. */
    public List<ReadyAgent> longestIdleFirst() {
        return longestIdleFirst(Integer.MAX_VALUE);
    }

    /** The first {@code limit} Ready agents, longest idle first. */
    public List<ReadyAgent> longestIdleFirst(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the number of agents must be at least 1: " + limit);
        }
        List<ScoredValue<String>> ready;
        try {
            ready = redis.zrangeWithScores(keys.readyAgents(), 0, limit == Integer.MAX_VALUE ? -1 : limit - 1L);
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading the ready agents", e);
        }
        return ready.stream()
                .map(v -> new ReadyAgent(AgentId.of(v.getValue()), Instant.ofEpochMilli((long) v.getScore())))
                .toList();
    }
}
