package io.cti.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.db.Migrations;
import io.cti.core.embedded.EmbeddedPostgresServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmarks' PostgreSQL: the same embedded server the platform starts by default (cti-core's
 * {@link EmbeddedPostgresServer}, same settings), its data under {@code bench/target}. Not thread-safe.
 */
final class BenchDatabase implements AutoCloseable {

    static final Path DEFAULT_DIRECTORY = Path.of("bench", "target", "bench-postgres");

    private final EmbeddedPostgresServer server;

    private BenchDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    /** Starts the server on {@code directory}; {@code wipe} starts from an empty cluster. */
    static BenchDatabase start(Path directory, boolean wipe) {
        return new BenchDatabase(EmbeddedPostgresServer.start(directory.toAbsolutePath(), 0, wipe));
    }

    EmbeddedPostgresServer server() {
        return server;
    }

    /** A pool on {@code database} (created if missing), with the current schema. */
    HikariDataSource database(String database, int poolSize) {
        server.createDatabaseIfMissing(database);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl(database));
        config.setUsername(server.username());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-" + database);
        HikariDataSource dataSource = new HikariDataSource(config);
        Migrations.apply(dataSource);
        return dataSource;
    }

    /** Drops a database so that a run starts from an empty schema. */
    void drop(String database) {
        try (Connection connection = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), null);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("dropping " + database, e);
        }
    }

    /** The server settings that decide write speed, for the report. */
    static String settings(HikariDataSource dataSource) {
        StringBuilder out = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String name : new String[]{"server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "shared_buffers", "max_wal_size", "wal_level"}) {
                try (ResultSet rs = statement.executeQuery("select current_setting('" + name + "')")) {
                    rs.next();
                    out.append(out.isEmpty() ? "" : ", ").append(name).append('=').append(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading server settings", e);
        }
        return out.toString();
    }

    static long count(HikariDataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("counting " + table, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
