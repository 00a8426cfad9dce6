package io.cti.core.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.db.Migrations;
import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.core.embedded.EmbeddedRedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL and one real Redis per test JVM, started on first use and stopped at exit, when their data
 * (under {@code target/embedded-test}, over a gigabyte after a module's tests) is deleted too: repeated local runs
 * filled the disk. Each test class asks for its own fresh database, so classes never see each other's rows.
 * Thread-safe.
 */
public final class EmbeddedServers {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedServers shared;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedRedisServer redis;

    private EmbeddedServers(Path root, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) {
        this.root = root;
        this.postgres = postgres;
        this.redis = redis;
    }

    public static EmbeddedServers shared() {
        if (shared == null) {
            synchronized (EmbeddedServers.class) {
                if (shared == null) {
                    Path root = Path.of("target", "embedded-test", UUID.randomUUID().toString()).toAbsolutePath();
                    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), 0, true);
                    EmbeddedRedisServer redis = EmbeddedRedisServer.start(root.resolve("redis"), 0, false);
                    EmbeddedServers servers = new EmbeddedServers(root, postgres, redis);
                    Runtime.getRuntime().addShutdownHook(new Thread(servers::stop, "embedded-servers-stop"));
                    shared = servers;
                }
            }
        }
        return shared;
    }

    /** A new, empty database with the current schema, and a small pool on it. */
    public HikariDataSource freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        postgres.createDatabaseIfMissing(name);
        HikariDataSource dataSource = dataSource(name);
        Migrations.apply(dataSource);
        return dataSource;
    }

    /** A new, empty database without any schema, for migration tests. */
    public HikariDataSource emptyDatabase() {
        String name = "empty_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        postgres.createDatabaseIfMissing(name);
        return dataSource(name);
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public String redisUri() {
        return redis.uri();
    }

    public int redisPort() {
        return redis.port();
    }

    private HikariDataSource dataSource(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(database));
        config.setUsername(postgres.username());
        config.setMaximumPoolSize(8);
        config.setPoolName(database);
        return new HikariDataSource(config);
    }

    private void stop() {
        try {
            redis.close();
        } finally {
            postgres.close();
            deleteData();
        }
    }

    private void deleteData() {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // At exit, nobody to tell but the build's output: the data stays for the next mvn clean.
            System.err.println("could not delete the test servers' data in " + root + ": " + e);
        }
    }
}
