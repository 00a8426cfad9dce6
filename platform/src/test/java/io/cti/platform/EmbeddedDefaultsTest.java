package io.cti.platform;

import io.cti.core.embedded.EmbeddedPostgresServer;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.cti.core.bus.MessageBus;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.RefreshCustomerFigures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on its one-command defaults: embedded PostgreSQL and Redis with their data in a
 * folder under target/ (wiped first, which also exercises the wipe of a previous run's data).
 */
@ExtendWith(OutputCaptureExtension.class) // before SpringExtension, so the start-up log is captured too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        EmbeddedDefaultsTest.DATA_DIR_PROPERTY,
        "cti.platform.wipe-data=true",
        // the machine running the tests may export CTI_DATABASE_URL / CTI_REDIS_URL; defaults are under test
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
})
class EmbeddedDefaultsTest {

    static final String DATA_DIR = "target/it-data/embedded-defaults";
    static final String DATA_DIR_PROPERTY = "cti.platform.data-dir=" + DATA_DIR;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void healthIsUpWithDatabaseAndRedis() throws Exception {
        // The AMI link to the embedded pbx-sim logs in in the background after the start, so wait for it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new PlatformHttp(port).get("/actuator/health").statusCode()).isEqualTo(200));
        HttpResponse<String> response = new PlatformHttp(port).get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new PlatformHttp(port).json(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        JsonNode db = health.path("components").path("db");
        assertThat(db.path("status").asString()).isEqualTo("UP");
        assertThat(db.path("details").path("database").asString()).isEqualTo("PostgreSQL");
        JsonNode redis = health.path("components").path("redis");
        assertThat(redis.path("status").asString()).isEqualTo("UP");
        assertThat(redis.path("details").path("version").asString()).matches("\\d+\\.\\d+.*");
        assertThat(redis.path("details").path("embedded").asBoolean()).isTrue();
    }

    @Test
    void prometheusServesMetricText() throws Exception {
        HttpResponse<String> response = new PlatformHttp(port).get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("# TYPE jvm_memory_used_bytes gauge", "hikaricp_connections_max");
    }

    @Test
    void infoIsOpenAndMetricsAreForAdministrators() throws Exception {
        PlatformHttp http = new PlatformHttp(port);

        assertThat(http.get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", "admin", "admin-demo").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env", "admin", "admin-demo").statusCode()).as("not exposed").isEqualTo(404);
    }

    @Test
    void embeddedServersKeepTheirDataInTheDataDirectory() {
        Path dataDir = Path.of(DATA_DIR).toAbsolutePath();

        assertThat(context.getBean(EmbeddedPostgresServer.class).dataDirectory()).isEqualTo(dataDir.resolve("postgres"));
        assertThat(dataDir.resolve("postgres/PG_VERSION")).isRegularFile();
        assertThat(dataDir.resolve("redis")).isDirectory();
        assertThat(context.getBeansOfType(EmbeddedRedisServer.class)).hasSize(1);
    }

    @Test
    void databaseIsMigratedAtStart() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class);
        String database = jdbc.queryForObject("select current_database()", String.class);

        assertThat(failed).isZero();
        assertThat(database).isEqualTo("cti");
    }

    @Test
    void redisClientReachesTheEmbeddedRedis() {
        try (StatefulRedisConnection<String, String> connection = context.getBean(RedisClient.class).connect()) {
            connection.sync().set("platform-test", "ok");

            assertThat(connection.sync().get("platform-test")).isEqualTo("ok");
        }
    }

    @Test
    void logsTheReadyLineWithTheBoundPort(CapturedOutput output) {
        assertThat(output.getOut())
                .contains("CTI platform ready: http://localhost:" + port + "/ (health: http://localhost:" + port + "/actuator/health)")
                .contains("Database: embedded PostgreSQL, data in " + Path.of(DATA_DIR).toAbsolutePath().resolve("postgres"))
                .contains("Redis: embedded, data in " + Path.of(DATA_DIR).toAbsolutePath().resolve("redis"));
    }

    @Test
    void refreshCustomerFiguresCommandOnTheBusRefreshesThatCustomer() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long id = jdbc.queryForObject("insert into customer (kind, type, name) values ('INDIVIDUAL', 'CURRENT', 'Bus Test')"
                + " returning id", Long.class);
        // Written behind the figures' back, as an import might: only the command brings the figures up to date.
        jdbc.update("insert into purchase (customer_id, purchased_on, product, amount) values (?, current_date, 'tea', 42.50)", id);

        context.getBean(MessageBus.class).publish(RefreshCustomerFigures.now(CustomerId.of(id)));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.queryForList("select monetary from customer_figures where customer_id = ?", BigDecimal.class, id))
                .containsExactly(new BigDecimal("42.50")));
    }

    @Test
    void theUrlInTheReadyLineLeadsToTheLoginPage() throws Exception {
        HttpResponse<String> response = new PlatformHttp(port).get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login.html"));
        HttpResponse<String> login = new PlatformHttp(port).get("/login.html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<title>CTI platform: log in</title>", "action=\"/login\"");
    }

    @Test
    void theDemoUsersArePrintedAtStartAndTheCustomerApiWantsALogin(CapturedOutput output) throws Exception {
        PlatformHttp http = new PlatformHttp(port);

        assertThat(output.getOut()).contains("Demo users", "admin / admin-demo", "agent01 / agent01-demo");
        assertThat(http.get("/api/customers/search?name=Zed").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/customers/search?name=Zed", "agent01", "agent01-demo").statusCode()).isEqualTo(200);
    }

    @Test
    void firstStartLoadsTheDemoCustomersWithTheirFigures() {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        Integer customers = jdbc.queryForObject("select count(*) from customer where name <> 'Bus Test'", Integer.class);
        Integer withFigures = jdbc.queryForObject("select count(*) from customer_figures", Integer.class);

        assertThat(customers).isEqualTo(2000);
        assertThat(withFigures).isGreaterThanOrEqualTo(2000);
    }
}
