package io.cti.platform.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, from the configuration alone, which embedded servers the platform starts and where its
 * connections go. Pure (no I/O, nothing started), so the decision is unit-tested apart from the servers
 * it leads to, and the same decision drives both the bean conditions and the beans. Immutable.
 *
 * @param warnings settings that are present but have no effect under this plan, to be logged
 */
record InfrastructurePlan(DatabasePlan database, RedisPlan redis, List<String> warnings) {

    /** The database the embedded PostgreSQL creates and the platform uses. */
    static final String EMBEDDED_DATABASE_NAME = "cti";

    InfrastructurePlan {
        warnings = List.copyOf(warnings);
    }

    sealed interface DatabasePlan permits EmbeddedDatabase, ExternalDatabase {
    }

    /** Start PostgreSQL with its cluster in {@code dataDirectory}, emptied first if {@code wipe}. */
    record EmbeddedDatabase(Path dataDirectory, int port, boolean wipe) implements DatabasePlan {
    }

    /** Connect to the configured PostgreSQL; {@code username} and {@code password} may be null. */
    record ExternalDatabase(String jdbcUrl, String username, String password) implements DatabasePlan {

        @Override
        public String toString() {
            return "ExternalDatabase[jdbcUrl=" + Redaction.jdbcUrl(jdbcUrl) + ", username=" + username + "]";
        }
    }

    sealed interface RedisPlan permits EmbeddedRedis, ExternalRedis {
    }

    /** Start Redis with its append-only file in {@code dataDirectory}, emptied first if {@code wipe}. */
    record EmbeddedRedis(Path dataDirectory, int port, boolean wipe) implements RedisPlan {
    }

    /** Connect to the configured Redis. */
    record ExternalRedis(String uri) implements RedisPlan {

        @Override
        public String toString() {
            return "ExternalRedis[uri=" + Redaction.redisUri(uri) + "]";
        }
    }

    static InfrastructurePlan from(PlatformProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        boolean wipe = properties.wipeData();
        List<String> warnings = new ArrayList<>();
        PlatformProperties.Database db = properties.database();
        PlatformProperties.Redis redis = properties.redis();

        DatabasePlan databasePlan;
        if (isBlank(db.url())) {
            databasePlan = new EmbeddedDatabase(dataDir.resolve("postgres"), db.embeddedPort(), wipe);
            if (!isBlank(db.username()) || !isBlank(db.password())) {
                // a username without a URL is almost always a forgotten CTI_DATABASE_URL: say so
                warnings.add("cti.platform.database.username/password are set but cti.platform.database.url"
                        + " (CTI_DATABASE_URL) is not: using the embedded PostgreSQL and ignoring them");
            }
        } else {
            databasePlan = new ExternalDatabase(db.url().strip(), blankToNull(db.username()), blankToNull(db.password()));
        }

        RedisPlan redisPlan = isBlank(redis.url())
                ? new EmbeddedRedis(dataDir.resolve("redis"), redis.embeddedPort(), wipe)
                : new ExternalRedis(redis.url().strip());

        if (wipe && databasePlan instanceof ExternalDatabase && redisPlan instanceof ExternalRedis) {
            warnings.add("cti.platform.wipe-data=true has no effect: no embedded server is started");
        }
        return new InfrastructurePlan(databasePlan, redisPlan, warnings);
    }

    boolean startsEmbeddedDatabase() {
        return database instanceof EmbeddedDatabase;
    }

    boolean startsEmbeddedRedis() {
        return redis instanceof EmbeddedRedis;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
