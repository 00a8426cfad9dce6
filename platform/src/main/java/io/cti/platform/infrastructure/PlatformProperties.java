package io.cti.platform.infrastructure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Where the platform keeps its data and which PostgreSQL and Redis it talks to ({@code cti.platform.*}).
 * A blank URL means "start the embedded server": the one-command default needs nothing installed.
 * Immutable and thread-safe.
 *
 * @param dataDir  folder for the embedded servers' data ({@code <dataDir>/postgres}, {@code <dataDir>/redis}),
 *                 relative to the working directory; kept between runs
 * @param wipeData start the embedded servers from empty folders
 */
@ConfigurationProperties(PlatformProperties.PREFIX)
@Validated
record PlatformProperties(
        @DefaultValue("data") @NotNull Path dataDir,
        @DefaultValue("false") boolean wipeData,
        @DefaultValue @NotNull @Valid Database database,
        @DefaultValue @NotNull @Valid Redis redis) {

    static final String PREFIX = "cti.platform";

    /**
     * @param url             JDBC URL of an external PostgreSQL; blank starts the embedded one
     * @param username        user for the external database (ignored for the embedded one)
     * @param password        password for the external database (ignored for the embedded one)
     * @param embeddedPort    port of the embedded PostgreSQL; 0 picks a free one
     * @param maximumPoolSize connections the platform's pool may open
     */
    record Database(
            @Pattern(regexp = "\\s*|jdbc:postgresql:.+",
                    message = "must be a JDBC URL such as jdbc:postgresql://db.example.com:5432/cti, or empty for the embedded database")
            String url,
            String username,
            String password,
            @DefaultValue("0") @Min(0) @Max(65535) int embeddedPort,
            @DefaultValue("10") @Min(1) @Max(500) int maximumPoolSize) {

        @Override
        public String toString() {
            // records print every component; a password must never reach a log line
            return "Database[url=" + Redaction.jdbcUrl(url) + ", username=" + username
                    + ", password=" + (password == null || password.isEmpty() ? "" : "****")
                    + ", embeddedPort=" + embeddedPort + ", maximumPoolSize=" + maximumPoolSize + "]";
        }
    }

    /**
     * @param url          Lettuce URI of an external Redis (redis://, rediss://, redis-sentinel://...);
     *                     blank starts the embedded one
     * @param embeddedPort port of the embedded Redis; 0 picks a free one
     */
    record Redis(
            @Pattern(regexp = "\\s*|(redis|rediss|redis-sentinel|rediss-sentinel|redis-socket)://.+",
                    message = "must be a Redis URI such as redis://redis.example.com:6379, or empty for the embedded Redis")
            String url,
            @DefaultValue("0") @Min(0) @Max(65535) int embeddedPort) {

        @Override
        public String toString() {
            return "Redis[url=" + Redaction.redisUri(url) + ", embeddedPort=" + embeddedPort + "]";
        }
    }
}
