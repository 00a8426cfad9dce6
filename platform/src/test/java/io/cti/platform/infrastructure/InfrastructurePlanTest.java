package io.cti.platform.infrastructure;

import io.cti.platform.infrastructure.InfrastructurePlan.EmbeddedDatabase;
import io.cti.platform.infrastructure.InfrastructurePlan.EmbeddedRedis;
import io.cti.platform.infrastructure.InfrastructurePlan.ExternalDatabase;
import io.cti.platform.infrastructure.InfrastructurePlan.ExternalRedis;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InfrastructurePlanTest {

    private static final Path DATA = Path.of("data");

    @Test
    void noUrlsStartBothEmbeddedServersUnderTheDataDirectory() {
        InfrastructurePlan plan = InfrastructurePlan.from(properties(DATA, false, null, null, null, null));

        Path absolute = DATA.toAbsolutePath().normalize();
        assertThat(plan.database()).isEqualTo(new EmbeddedDatabase(absolute.resolve("postgres"), 0, false));
        assertThat(plan.redis()).isEqualTo(new EmbeddedRedis(absolute.resolve("redis"), 0, false));
        assertThat(plan.startsEmbeddedDatabase()).isTrue();
        assertThat(plan.startsEmbeddedRedis()).isTrue();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void blankUrlsCountAsUnset() {
        // the yml default ${CTI_DATABASE_URL:} yields an empty string, not null
        InfrastructurePlan plan = InfrastructurePlan.from(properties(DATA, false, " ", "", "", "  "));

        assertThat(plan.startsEmbeddedDatabase()).isTrue();
        assertThat(plan.startsEmbeddedRedis()).isTrue();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void wipeAndPortsReachTheEmbeddedServers() {
        PlatformProperties properties = new PlatformProperties(Path.of("/srv/cti/../cti-data"), true,
                new PlatformProperties.Database(null, null, null, 5433, 10),
                new PlatformProperties.Redis(null, 6380));

        InfrastructurePlan plan = InfrastructurePlan.from(properties);

        assertThat(plan.database()).isEqualTo(new EmbeddedDatabase(Path.of("/srv/cti-data/postgres"), 5433, true));
        assertThat(plan.redis()).isEqualTo(new EmbeddedRedis(Path.of("/srv/cti-data/redis"), 6380, true));
    }

    @Test
    void externalUrlsStartNothing() {
        InfrastructurePlan plan = InfrastructurePlan.from(properties(DATA, false,
                " jdbc:postgresql://db:5432/cti ", "cti", "secret", "redis://redis:6379"));

        assertThat(plan.database()).isEqualTo(new ExternalDatabase("jdbc:postgresql://db:5432/cti", "cti", "secret"));
        assertThat(plan.redis()).isEqualTo(new ExternalRedis("redis://redis:6379"));
        assertThat(plan.startsEmbeddedDatabase()).isFalse();
        assertThat(plan.startsEmbeddedRedis()).isFalse();
    }

    @Test
    void eachServerIsDecidedOnItsOwn() {
        InfrastructurePlan externalDatabaseOnly = InfrastructurePlan.from(
                properties(DATA, false, "jdbc:postgresql://db/cti", null, null, null));
        InfrastructurePlan externalRedisOnly = InfrastructurePlan.from(
                properties(DATA, false, null, null, null, "redis://redis:6379"));

        assertThat(externalDatabaseOnly.startsEmbeddedDatabase()).isFalse();
        assertThat(externalDatabaseOnly.startsEmbeddedRedis()).isTrue();
        assertThat(externalRedisOnly.startsEmbeddedDatabase()).isTrue();
        assertThat(externalRedisOnly.startsEmbeddedRedis()).isFalse();
    }

    @Test
    void blankCredentialsOfAnExternalDatabaseBecomeNull() {
        InfrastructurePlan plan = InfrastructurePlan.from(
                properties(DATA, false, "jdbc:postgresql://db/cti", "", " ", null));

        assertThat(plan.database()).isEqualTo(new ExternalDatabase("jdbc:postgresql://db/cti", null, null));
    }

    @Test
    void credentialsWithoutAUrlAreReportedNotSilentlyIgnored() {
        InfrastructurePlan plan = InfrastructurePlan.from(properties(DATA, false, null, "cti", "secret", null));

        assertThat(plan.startsEmbeddedDatabase()).isTrue();
        assertThat(plan.warnings()).singleElement().asString()
                .contains("cti.platform.database.url").contains("CTI_DATABASE_URL").doesNotContain("secret");
    }

    @Test
    void wipingWithNothingEmbeddedIsReported() {
        InfrastructurePlan plan = InfrastructurePlan.from(
                properties(DATA, true, "jdbc:postgresql://db/cti", null, null, "redis://redis"));

        assertThat(plan.warnings()).singleElement().asString().contains("wipe-data");
    }

    @Test
    void printedPlansHideSecrets() {
        InfrastructurePlan plan = InfrastructurePlan.from(properties(DATA, false,
                "jdbc:postgresql://db/cti?user=cti&password=hunter2", "cti", "hunter3", "redis://:hunter4@redis:6379"));

        assertThat(plan.toString()).doesNotContain("hunter2", "hunter3", "hunter4").contains("db/cti", "redis:6379");
    }

    private static PlatformProperties properties(Path dataDir, boolean wipe, String dbUrl, String dbUser,
                                                 String dbPassword, String redisUrl) {
        return new PlatformProperties(dataDir, wipe,
                new PlatformProperties.Database(dbUrl, dbUser, dbPassword, 0, 10),
                new PlatformProperties.Redis(redisUrl, 0));
    }
}
