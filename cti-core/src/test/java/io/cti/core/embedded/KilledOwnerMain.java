package io.cti.core.embedded;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.nio.file.Path;

/**
 * A child JVM for the tests of a server left running by a killed run: starts the embedded server named by its first
 * argument ("redis" or "postgres") on the folder of its second, writes something to it (the key "agent:1001", the
 * database "killed_owner"), says "ready" and waits to be killed.
 */
final class KilledOwnerMain {

    private KilledOwnerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path folder = Path.of(args[1]);
        if (args[0].equals("redis")) {
            EmbeddedRedisServer server = EmbeddedRedisServer.start(folder, 0, true);
            RedisClient client = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.sync().set("agent:1001", "Ready");
            } finally {
                client.shutdown();
            }
        } else {
            EmbeddedPostgresServer.start(folder, 0, false).createDatabaseIfMissing("killed_owner");
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
