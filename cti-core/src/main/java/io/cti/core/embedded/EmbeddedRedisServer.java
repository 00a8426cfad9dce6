package io.cti.core.embedded;

import io.cti.core.CoreException;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real Redis server run from the binary in a Maven artifact, with an append-only file in a folder the
 * user can see and wipe, so streams and reservations survive a restart. Start once, close once.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts Redis on loopback; port 0 picks a free port. Existing data in {@code dataDirectory} is loaded. */
    public static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent) {
        int chosen = port > 0 ? port : freePort();
        try {
            Files.createDirectories(dataDirectory);
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("appendfsync everysec")
                    .setting(persistent ? "save 60 1" : "save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .build();
            server.start();
            return new EmbeddedRedisServer(server, chosen);
        } catch (IOException | RuntimeException e) {
            throw CoreException.embeddedServerFailed("Redis in " + dataDirectory + " on port " + chosen, e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw CoreException.embeddedServerFailed("Redis (while stopping)", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw CoreException.embeddedServerFailed("Redis (no free port)", e);
        }
    }
}
