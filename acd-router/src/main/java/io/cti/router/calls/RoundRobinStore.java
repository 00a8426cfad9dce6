package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.HashMap;
import java.util.Map;

/**
 * Where round robin stopped in each queue, in Redis ({@code R:flow:round-robin}, hash queue → agent), so every
 * router process continues the same rotation. Two routers saving at once may lose one step of the rotation, which
 * only shifts who is next. Thread-safe.
 */
final class RoundRobinStore {

    private final RedisCommands<String, String> redis;
    private final String key;

    RoundRobinStore(RedisCommands<String, String> redis, RouterKeys keys) {
        this.redis = redis;
        this.key = keys.root() + "flow:round-robin";
    }

    RoundRobinMemory load() {
        try {
            Map<QueueName, AgentId> last = new HashMap<>();
            redis.hgetall(key).forEach((queue, agent) -> last.put(QueueName.of(queue), AgentId.of(agent)));
            return new RoundRobinMemory(last);
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading the round-robin memory", e);
        }
    }

    void save(RoundRobinMemory memory) {
        if (memory.lastServed().isEmpty()) {
            return;
        }
        Map<String, String> fields = new HashMap<>();
        memory.lastServed().forEach((queue, agent) -> fields.put(queue.value(), agent.value()));
        try {
            redis.hset(key, fields);
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("saving the round-robin memory", e);
        }
    }
}
