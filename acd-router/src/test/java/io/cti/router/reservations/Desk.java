package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Instant;
import java.util.List;

/**
 * One router's view of the shared state for a test: its own connection, waiting calls, ready agents and
 * reservations over the same keys as every other router in the test. Not thread-safe to close twice.
 */
final class Desk implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    final StatefulRedisConnection<String, String> connection;
    final WaitingCalls waiting;
    final ReadyAgents agents;
    final Reservations reservations;

    Desk(RouterKeys keys, String router) {
        connection = RedisForTests.connect();
        waiting = WaitingCalls.on(connection.sync(), keys);
        agents = ReadyAgents.on(connection.sync(), keys);
        reservations = Reservations.on(connection.sync(), keys, RouterId.of(router));
    }

    void enqueue(String call, QueueName queue, double orderKey) {
        waiting.enqueue(new QueuedCall(CallId.of(call), queue, T0.plusMillis((long) orderKey), orderKey,
                CallContext.NONE));
    }

    void ready(String agent, int idleSecondsAfterT0) {
        agents.markReady(AgentId.of(agent), T0.plusSeconds(idleSecondsAfterT0));
    }

    List<String> queue(QueueName queue) {
        return waiting.heads(queue, 1000).stream().map(c -> c.id().value()).toList();
    }

    List<String> readyAgents() {
        return agents.longestIdleFirst().stream().map(a -> a.agent().value()).toList();
    }

    @Override
    public void close() {
        connection.close();
    }
}
