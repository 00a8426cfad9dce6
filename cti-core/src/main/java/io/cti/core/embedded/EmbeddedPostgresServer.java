package io.cti.core.embedded;

import io.cti.core.CoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server run from the binaries in a Maven artifact, its data kept in a folder the
 * user can see and wipe. Start once, close once; not meant to be shared between threads while starting.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final StopAtExit atExit;
    private final DataFolderLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, StopAtExit atExit,
                                   DataFolderLock lock) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.atExit = atExit;
        this.lock = lock;
    }

    /**
     * Starts PostgreSQL on loopback (port 0: a free port). An existing cluster in {@code dataDirectory} is
     * reused, so data survives restarts; {@code wipe} deletes the folder first and starts from an empty cluster.
     * The folder is locked while the server runs (refused if another running process holds it), and a server an
     * earlier run left running on it (that run was killed) is stopped first: it would keep the cluster to itself.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean wipe) {
        DataFolderLock lock = DataFolderLock.take(dataDirectory, "PostgreSQL");
        try {
            // A fast shutdown (SIGINT): a smart one would wait for clients another process may still hold.
            LeftRunning.stop(dataDirectory.resolve("postmaster.pid"), "postgres", "INT", "PostgreSQL");
            return start(dataDirectory, port, wipe, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean wipe, DataFolderLock lock) {
        EmbeddedPostgres.Builder builder;
        try {
            if (wipe) {
                DataFolders.wipe(dataDirectory);
            }
            Files.createDirectories(dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent());
            // Never let zonky clean the folder: it would run initdb into a non-empty folder on start, and delete
            // the user's cluster on stop. A wipe is done above, before the start.
            builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // zonky's own hook would stop the server while the application still closes: see StopAtExit.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
        } catch (IOException | RuntimeException e) {
            throw CoreException.embeddedServerFailed("PostgreSQL in " + dataDirectory, e);
        }
        // Guarded before it starts, as zonky's hook was: an exit while it starts stops it once it is up.
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        StopAtExit atExit = StopAtExit.register("PostgreSQL", () -> stopOnceStarted(started),
                StopAtExit.GRACE);
        try {
            EmbeddedPostgres postgres = builder.start();
            started.complete(postgres);
            return new EmbeddedPostgresServer(postgres, dataDirectory, atExit, lock);
        } catch (IOException | RuntimeException e) {
            started.completeExceptionally(e);
            atExit.closed();
            throw CoreException.embeddedServerFailed("PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void stopOnceStarted(CompletableFuture<EmbeddedPostgres> started) {
        try {
            stop(started.get(STARTUP.toSeconds(), TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            LOG.debug("the embedded PostgreSQL never started, nothing to stop: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            LOG.warn("the embedded PostgreSQL was still starting after {} s at exit; not stopped", STARTUP.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for the embedded PostgreSQL to start at exit; not stopped");
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** JDBC URL of the given database on this server (the server's superuser is {@code postgres}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates a database if it does not exist yet. */
    public void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database name must be a lower-case SQL identifier: '" + database + "'");
        }
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var check = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, database);
            try (var rows = check.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database " + database + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw CoreException.database("creating database " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            stop(postgres);
        } finally {
            atExit.closed();
            lock.close();
        }
    }

    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw CoreException.embeddedServerFailed("PostgreSQL (while stopping)", e);
        }
    }
}
