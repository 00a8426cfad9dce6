package io.cti.platform.infrastructure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;

/**
 * The {@code redis} health component: UP when Redis answers PING, with its version. Written here because
 * the platform uses Lettuce directly, without Spring Data Redis and its indicator. Each check opens its own
 * short-lived connection, so it reports Redis as it is now rather than a shared connection's reconnect
 * state. Thread-safe.
 */
final class RedisHealthIndicator extends AbstractHealthIndicator {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(3);

    private final RedisClient client;
    private final RedisEndpoint endpoint;

    RedisHealthIndicator(RedisClient client, RedisEndpoint endpoint) {
        super("Redis health check failed");
        this.client = client;
        this.endpoint = endpoint;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("uri", endpoint.redactedUri()).withDetail("embedded", endpoint.embedded());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.setTimeout(COMMAND_TIMEOUT);
            RedisCommands<String, String> redis = connection.sync();
            String reply = redis.ping();
            if (!"PONG".equals(reply)) {
                builder.down().withDetail("ping", reply);
                return;
            }
            builder.up().withDetail("version", version(redis.info("server")));
        }
    }

    /** The {@code redis_version} field of an INFO reply, or {@code unknown}. */
    static String version(String info) {
        return info.lines()
                .filter(line -> line.startsWith("redis_version:"))
                .map(line -> line.substring("redis_version:".length()).strip())
                .findFirst()
                .orElse("unknown");
    }
}
