package io.cti.router.calls;

import io.cti.core.testing.EmbeddedServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * The shared test Redis holding every write (scripts included) from every client until closed, with
 * {@code CLIENT PAUSE ... WRITE}, so that a test can act while a script it sent is known not to have run yet; reads
 * go on. Not thread-safe: open and close on one thread.
 */
final class RedisWritesHeld implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> admin;

    private RedisWritesHeld(RedisClient client, StatefulRedisConnection<String, String> admin) {
        this.client = client;
        this.admin = admin;
    }

    /** Holds writes for at most {@code millis} (Redis lets them go then even if the test never closes this). */
    static RedisWritesHeld forMillis(long millis) {
        RedisClient client = RedisClient.create(EmbeddedServers.shared().redisUri());
        StatefulRedisConnection<String, String> admin = client.connect();
        RedisWritesHeld held = new RedisWritesHeld(client, admin);
        try {
            held.client("PAUSE", Long.toString(millis), "WRITE");
        } catch (RuntimeException e) {
            admin.close();
            client.shutdown();
            throw e;
        }
        return held;
    }

    /** Lets the held writes go, in the order they were sent. */
    @Override
    public void close() {
        try {
            client("UNPAUSE");
        } finally {
            admin.close();
            client.shutdown();
        }
    }

    private void client(String... args) {
        CommandArgs<String, String> command = new CommandArgs<>(StringCodec.UTF8);
        for (String arg : args) {
            command.add(arg);
        }
        admin.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8), command);
    }
}
