package io.cti.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.testing.EmbeddedServers;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.platform.bridge.AmiEndpoint;
import io.cti.platform.infrastructure.RedisEndpoint;
import io.cti.platform.pbx.EmbeddedPbx;
import org.junit.jupiter.api.AfterAll;
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
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application pointed at PostgreSQL, Redis and an Asterisk it did not start (here the test JVM's shared
 * servers and a pbx-sim this test starts, standing in for production ones): it must use them and start no
 * embedded server or PBX of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // close it after this class, while the shared servers it uses are still up
class ExternalServersTest {

    private static final String DATABASE = "platform_external";
    /** Would hold embedded data if anything embedded started; must never appear. */
    private static final Path UNUSED_DATA_DIR = Path.of("target", "it-data", "external-" + UUID.randomUUID());
    private static final String AMI_SECRET = "external-" + UUID.randomUUID();
    /** The "external Asterisk": started by the test, not by the platform. */
    private static Simulator asterisk;

    @DynamicPropertySource
    static void externalServers(DynamicPropertyRegistry registry) {
        EmbeddedServers servers = EmbeddedServers.shared();
        servers.postgres().createDatabaseIfMissing(DATABASE);
        registry.add("cti.platform.database.url", () -> servers.jdbcUrl(DATABASE));
        registry.add("cti.platform.database.username", () -> servers.postgres().username());
        registry.add("cti.platform.redis.url", servers::redisUri);
        registry.add("cti.platform.data-dir", UNUSED_DATA_DIR::toString);
        asterisk = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser("platform", AMI_SECRET))));
        registry.add("cti.bridge.host", () -> "127.0.0.1");
        registry.add("cti.bridge.port", asterisk::port);
        registry.add("cti.bridge.username", () -> "platform");
        registry.add("cti.bridge.secret", () -> AMI_SECRET);
    }

    @AfterAll
    static void stopAsterisk() {
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noEmbeddedServerIsStarted() {
        assertThat(context.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(context.getBeansOfType(EmbeddedRedisServer.class)).isEmpty();
        assertThat(context.getBeansOfType(EmbeddedPbx.class)).isEmpty();
        assertThat(UNUSED_DATA_DIR).doesNotExist();
    }

    @Test
    void theBridgeLogsInToTheConfiguredAsterisk() throws Exception {
        PlatformHttp http = new PlatformHttp(port);

        assertThat(context.getBean(AmiEndpoint.class))
                .isEqualTo(new AmiEndpoint("127.0.0.1", asterisk.port(), "platform", AMI_SECRET, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                http.json(http.get("/actuator/health").body()).path("components").path("ami").path("status").asString())
                .isEqualTo("UP"));
        JsonNode ami = http.json(http.get("/actuator/health").body()).path("components").path("ami");
        assertThat(ami.path("details").path("pbx").asString()).isEqualTo("127.0.0.1:" + asterisk.port());
        assertThat(ami.path("details").path("embedded").asBoolean()).isFalse();
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
