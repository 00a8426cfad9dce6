package io.cti.core.bus;

import io.cti.core.testing.EmbeddedServers;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.Arrays;
import java.util.List;

/**
 * A plain Lettuce connection to the test Redis, for looking at streams, groups and clients behind the bus's
 * back. One per test; Lettuce's sync commands are thread-safe.
 */
final class RedisProbe implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisProbe(RedisClient client) {
        this.client = client;
        this.connection = client.connect();
    }

    static RedisProbe connect() {
        return new RedisProbe(RedisClient.create(EmbeddedServers.shared().redisUri()));
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Entries delivered to some consumer of the group and not yet acknowledged. */
    long pending(String stream, String group) {
        return redis().xpending(stream, group).getCount();
    }

    long pendingOf(String stream, String group, String consumer) {
        return redis().xpending(stream, Consumer.from(group, consumer), Range.unbounded(), Limit.from(100_000)).size();
    }

    List<StreamMessage<String, String>> entries(String stream) {
        return redis().xrange(stream, Range.unbounded());
    }

    /** Names of the connected clients, from CLIENT LIST. */
    List<String> clientNames() {
        return Arrays.stream(redis().clientList().split("\n"))
                .flatMap(line -> Arrays.stream(line.trim().split(" ")))
                .filter(field -> field.startsWith("name="))
                .map(field -> field.substring("name=".length()))
                .filter(name -> !name.isEmpty())
                .toList();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
