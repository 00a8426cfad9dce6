package io.cti.router.reservations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The real embedded Redis of the test JVM, one Lettuce client for the reservation tests, and a unique key prefix
 * per test so tests never see each other's calls and agents. Thread-safe.
 */
final class RedisForTests {

    private static volatile RedisClient client;

    private RedisForTests() {
    }

    /** A new connection: each "router" in a test gets its own, as separate processes would. */
    static StatefulRedisConnection<String, String> connect() {
        return client().connect();
    }

    static RouterKeys uniqueKeys() {
        return RouterKeys.withPrefix("test:" + UUID.randomUUID() + ":");
    }

    static String uri() {
        return EmbeddedServers.shared().redisUri();
    }

    static void quietLogs() {
        // Unconfigured logback logs Lettuce and Netty at DEBUG, which only slows the tests down.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
    }

    private static RedisClient client() {
        if (client == null) {
            synchronized (RedisForTests.class) {
                if (client == null) {
                    quietLogs();
                    client = RedisClient.create(uri());
                }
            }
        }
        return client;
    }
}
