package io.cti.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.testing.EmbeddedServers;
import io.cti.platform.infrastructure.RedisEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application pointed at PostgreSQL and Redis it did not start (here the test JVM's shared servers,
 * standing in for production ones): it must use them and start no embedded server of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // close it after this class, while the shared servers it uses are still up
class ExternalServersTest {

    private static final String DATABASE = "platform_external";
    /** Would hold embedded data if anything embedded started; must never appear. */
    private static final Path UNUSED_DATA_DIR = Path.of("target", "it-data", "external-" + UUID.randomUUID());

    @DynamicPropertySource
    static void externalServers(DynamicPropertyRegistry registry) {
        EmbeddedServers servers = EmbeddedServers.shared();
        servers.postgres().createDatabaseIfMissing(DATABASE);
        registry.add("cti.platform.database.url", () -> servers.jdbcUrl(DATABASE));
        registry.add("cti.platform.database.username", () -> servers.postgres().username());
        registry.add("cti.platform.redis.url", servers::redisUri);
        registry.add("cti.platform.data-dir", UNUSED_DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noEmbeddedServerIsStarted() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(context.getBeansOfType(EmbeddedRedisServer.class)).isEmpty();
        assertThat(UNUSED_DATA_DIR).doesNotExist();
    }

    @Test
    void connectionsGoToTheConfiguredServers() {
        EmbeddedServers servers = EmbeddedServers.shared();

        assertThat(context.getBean(HikariDataSource.class).getJdbcUrl()).isEqualTo(servers.jdbcUrl(DATABASE));
        assertThat(context.getBean(RedisEndpoint.class)).isEqualTo(new RedisEndpoint(servers.redisUri(), false));
        assertThat(context.getBean(JdbcTemplate.class).queryForObject("select current_database()", String.class))
                .isEqualTo(DATABASE);
        assertThat(context.getBean(JdbcTemplate.class)
                .queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .as("migrated at start").isPositive();
    }

    @Test
    void healthIsUpOnTheExternalServers() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        HttpResponse<String> response = http.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode components = http.json(response.body()).path("components");
        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("redis").path("details").path("embedded").asBoolean()).isFalse();
    }
}
