package io.cti.platform.infrastructure;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.db.Migrations;
import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.platform.infrastructure.InfrastructurePlan.EmbeddedDatabase;
import io.cti.platform.infrastructure.InfrastructurePlan.ExternalDatabase;
import io.cti.platform.infrastructure.PlanConditions.OnEmbeddedDatabase;
import io.cti.platform.infrastructure.PlanConditions.OnExternalDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Gives the application its {@code DataSource}: a pool on the embedded PostgreSQL, whose cluster lives in
 * {@code <data-dir>/postgres}, unless {@code cti.platform.database.url} names an external server. The
 * schema is brought up to date at start. Wiring only.
 *
 * <p>Bean dependencies (pool on endpoint on server) make Spring close the pool before it stops the
 * embedded server when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(OnEmbeddedDatabase.class)
    EmbeddedPostgresServer embeddedPostgresServer(InfrastructurePlan plan) {
        EmbeddedDatabase embedded = (EmbeddedDatabase) plan.database();
        if (embedded.wipe()) {
            log.info("Wiping the embedded PostgreSQL data in {} (cti.platform.wipe-data=true)", embedded.dataDirectory());
        }
        long start = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(embedded.dataDirectory(), embedded.port(), embedded.wipe());
        log.info("Started the embedded PostgreSQL on port {} in {} ms", server.port(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return server;
    }

    @Bean
    @Conditional(OnEmbeddedDatabase.class)
    DatabaseEndpoint embeddedDatabaseEndpoint(EmbeddedPostgresServer server) {
        server.createDatabaseIfMissing(InfrastructurePlan.EMBEDDED_DATABASE_NAME);
        DatabaseEndpoint endpoint = new DatabaseEndpoint(
                server.jdbcUrl(InfrastructurePlan.EMBEDDED_DATABASE_NAME), server.username(), null, true);
        log.info("Database: embedded PostgreSQL, data in {} (kept between runs), at {} as user {}",
                server.dataDirectory().toAbsolutePath(), endpoint.jdbcUrl(), endpoint.username());
        return endpoint;
    }

    @Bean
    @Conditional(OnExternalDatabase.class)
    DatabaseEndpoint externalDatabaseEndpoint(InfrastructurePlan plan) {
        ExternalDatabase external = (ExternalDatabase) plan.database();
        DatabaseEndpoint endpoint = new DatabaseEndpoint(external.jdbcUrl(), external.username(), external.password(), false);
        log.info("Database: external PostgreSQL at {} as user {} (cti.platform.database.url); no embedded server started",
                Redaction.jdbcUrl(endpoint.jdbcUrl()), endpoint.username() == null ? "(driver default)" : endpoint.username());
        return endpoint;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseEndpoint endpoint, PlatformProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cti");
        config.setJdbcUrl(endpoint.jdbcUrl());
        if (endpoint.username() != null) {
            config.setUsername(endpoint.username());
        }
        if (endpoint.password() != null) {
            config.setPassword(endpoint.password());
        }
        config.setMaximumPoolSize(properties.database().maximumPoolSize());
        // the pool opens a first connection now, so a wrong URL or password stops the start with its cause
        return new HikariDataSource(config);
    }

    /**
     * Spring Boot's Flyway support is kept for its ordering (everything that uses the database waits for the
     * migration), but the migration itself is cti-core's {@link Migrations}, the one definition of how the
     * schema is applied that the modules' tests use too.
     */
    @Bean
    FlywayMigrationStrategy ctiCoreMigrations() {
        return flyway -> Migrations.apply(flyway.getConfiguration().getDataSource());
    }
}
