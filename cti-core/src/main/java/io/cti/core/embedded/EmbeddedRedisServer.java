package io.cti.core.embedded;

import io.cti.core.CoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Redis server run from the binary in a Maven artifact, with an append-only file in a folder the
 * user can see and wipe, so streams and reservations survive a restart. Start once, close once.
 *
 * <p>The process is this class's own, not the artifact's {@code RedisServer}'s: that one stops Redis from a
 * shutdown hook of its own, which the JVM runs alongside the application's, so Redis went away while the
 * application was still closing (its last events lost). Here Redis runs in a session of its own where
 * {@code setsid} exists, so a terminal's Ctrl-C reaches only the JVM, and at exit it waits for its owner to close
 * it ({@link StopAtExit}) before stopping on its own.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final String READY = "Ready to accept connections";
    /** Loading a large append-only file takes a while; a server that is not up after this is reported. */
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final File SETSID = new File("/usr/bin/setsid");

    private final Process process;
    private final int port;
    private final StopAtExit atExit;
    private final DataFolderLock lock;

    private EmbeddedRedisServer(Process process, int port, StopAtExit atExit, DataFolderLock lock) {
        this.process = process;
        this.port = port;
        this.atExit = atExit;
        this.lock = lock;
    }

    /** Starts Redis on loopback; port 0 picks a free port. Existing data in {@code dataDirectory} is loaded. */
    public static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent) {
        return start(dataDirectory, port, persistent, StopAtExit.GRACE);
    }

    /**
     * As {@link #start(Path, int, boolean)}, waiting {@code exitGrace} at the JVM's exit for the owner to close it.
     * The folder is locked while the server runs (refused if another running process holds it), and a server an
     * earlier run left running on it (that run was killed) is stopped first: two would write one append-only file.
     */
    static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent, Duration exitGrace) {
        DataFolderLock lock = DataFolderLock.take(dataDirectory, "Redis");
        try {
            LeftRunning.stop(pidFile(dataDirectory), "redis-server", "TERM", "Redis");
            return start(dataDirectory, port, persistent, exitGrace, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Path pidFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().resolve("redis.pid");
    }

    private static EmbeddedRedisServer start(Path dataDirectory, int port, boolean persistent, Duration exitGrace,
                                             DataFolderLock lock) {
        int chosen = port > 0 ? port : freePort();
        String what = "Redis in " + dataDirectory + " on port " + chosen;
        Process process;
        try {
            Files.createDirectories(dataDirectory);
            List<String> command = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("dir " + dataDirectory.toAbsolutePath())
                    .setting("appendonly " + (persistent ? "yes" : "no"))
                    .setting("appendfsync everysec")
                    .setting(persistent ? "save 60 1" : "save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .setting("pidfile " + pidFile(dataDirectory))
                    .buildCommandArgs();
            process = new ProcessBuilder(inSessionOfItsOwn(command))
                    .directory(new File(command.get(0)).getParentFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw CoreException.embeddedServerFailed(what, e);
        }
        // Guarded from the moment it runs: in a session of its own, an exit while it starts would leave it running.
        StopAtExit atExit;
        try {
            atExit = StopAtExit.register("Redis", () -> stop(process), exitGrace);
        } catch (RuntimeException e) {
            stop(process);
            throw CoreException.embeddedServerFailed(what, e);
        }
        try {
            awaitReady(process, what);
        } catch (RuntimeException e) {
            stop(process);
            atExit.closed();
            throw e;
        }
        return new EmbeddedRedisServer(process, chosen, atExit, lock);
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** The operating system's process id of the Redis server. */
    long pid() {
        return process.pid();
    }

    /** Stops Redis (SIGTERM: it writes its data to disk and exits), waiting for it to be gone. */
    @Override
    public void close() {
        try {
            stop(process);
        } finally {
            atExit.closed();
            lock.close();
        }
    }

    private static void stop(Process process) {
        LeftRunning.terminate(process.toHandle(), "TERM", "the embedded Redis");
    }

    private static List<String> inSessionOfItsOwn(List<String> command) {
        if (!SETSID.canExecute()) {
            return command;
        }
        // The JVM's child leads no process group, so setsid makes the new session itself and then runs Redis in
        // its place: the process is Redis, and destroy() signals Redis.
        List<String> withSession = new ArrayList<>(command.size() + 1);
        withSession.add(SETSID.getPath());
        withSession.addAll(command);
        return withSession;
    }

    /**
     * Waits for Redis's "ready" line; its output is read to the end on a thread of its own (a pipe nobody reads
     * would block Redis once full) and written to this class's log: Redis's own warnings as warnings, its
     * highest level ('#') as information, the rest as debug.
     */
    private static void awaitReady(Process process, String what) {
        CountDownLatch settled = new CountDownLatch(1);
        AtomicBoolean ready = new AtomicBoolean();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread output = new Thread(() -> readOutput(process, settled, ready, lastLines), "embedded-redis-output");
        output.setDaemon(true);
        output.start();
        String failure;
        try {
            boolean settledInTime = settled.await(STARTUP.toSeconds(), TimeUnit.SECONDS);
            if (settledInTime && ready.get()) {
                return;
            }
            failure = settledInTime ? "it exited before it was ready"
                    : "not ready within " + STARTUP.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while it started";
        }
        String said;
        synchronized (lastLines) {
            said = String.join(" | ", lastLines);
        }
        throw CoreException.embeddedServerFailed(what, new IOException(failure + "; it said: " + said));
    }

    /** Counts {@code settled} down once Redis said it is ready ({@code ready} then true) or its output ended. */
    private static void readOutput(Process process, CountDownLatch settled, AtomicBoolean ready,
                                   Deque<String> lastLines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!ready.get()) {
                    synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > 5) {
                            lastLines.removeFirst();
                        }
                    }
                }
                if (line.contains(READY)) {
                    ready.set(true);
                    settled.countDown();
                }
                if (line.contains(" # WARNING")) {
                    LOG.warn("redis: {}", line);
                } else if (line.contains(" # ")) {
                    // Redis's highest level, its start-up lines among them.
                    LOG.info("redis: {}", line);
                } else {
                    LOG.debug("redis: {}", line);
                }
            }
        } catch (IOException e) {
            LOG.debug("the embedded Redis's output ended: {}", e.toString());
        } finally {
            // Gone before ready: the starting thread need not wait out its timeout.
            settled.countDown();
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
