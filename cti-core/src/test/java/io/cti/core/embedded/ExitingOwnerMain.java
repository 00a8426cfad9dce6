package io.cti.core.embedded;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A child JVM for {@link EmbeddedRedisServerTest}: starts Redis, and exits with an owner that closes it from a
 * shutdown hook of its own after a second's work with it, as Spring closing its context does (printing whether
 * Redis still answered then), or with nobody to close it.
 */
final class ExitingOwnerMain {

    private ExitingOwnerMain() {
    }

    /** Arguments: the data folder; "owner" to close Redis from a hook, "no-owner" to leave it (grace: 2 s). */
    public static void main(String[] args) {
        EmbeddedRedisServer server = EmbeddedRedisServer.start(Path.of(args[0]), 0, false, Duration.ofSeconds(2));
        System.out.println("redis pid " + server.pid());
        if (args[1].equals("no-owner")) {
            System.exit(0);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sleep(1_000);
            RedisClient client = RedisClient.create(server.uri());
            String answer;
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                answer = connection.sync().ping();
            } catch (RuntimeException e) {
                answer = "unreachable (" + e + ")";
            } finally {
                client.shutdown();
            }
            System.out.println("owner closing: " + answer);
            server.close();
            System.out.println("owner closed");
        }, "owner"));
        System.exit(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
