package io.cti.router.callbacks;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.PhoneEndpoint;
import io.cti.router.testapp.DefinitionsApiTest;
import io.cti.router.testapp.HttpApi;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.cti.router.testapp.HttpApi.codes;
import static io.cti.router.testapp.HttpApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

/** The callback API over real HTTP: schedule, read, list, cancel, and every bad input refused with its field. */
@DefinitionsApiTest
class CallbackApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    QueueRepository queues;

    @Autowired
    AgentRepository agents;

    HttpApi api;
    String queue;
    String agent;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        queue = RouterDatabases.unique("callbacks");
        queues.create(new QueueDefinition(QueueName.of(queue), "Callbacks", List.of(SkillRequirement.of("sales", 3)),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(), true, RoutingStrategy.LONGEST_IDLE, Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(30)));
        agent = RouterDatabases.unique("agent");
        agents.create(new AgentProfile(AgentId.of(agent), agent, Map.of(Skill.of("sales"), Proficiency.of(5)),
                List.of("team"), PhoneEndpoint.parse("PJSIP/" + (7000 + Math.abs(agent.hashCode() % 2000)))));
    }

    @Test
    void aScheduledCallbackIsAnswered201WithItsNumberInE164AndIsListedUntilCancelled() {
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusHours(3).withNano(0);

        HttpApi.Response created = api.post("/api/callbacks", draft("(415) 555-0142", queue, due.toString(), agent,
                "quote for the renewal"));

        assertThat(created.status()).isEqualTo(201);
        long id = created.path("/id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/api/callbacks/" + id));
        assertThat(created.path("/number").asString()).isEqualTo("+14155550142");
        assertThat(created.path("/status").asString()).isEqualTo("PENDING");
        assertThat(created.path("/kind").asString()).isEqualTo("SCHEDULED");
        assertThat(created.path("/preferredAgent").asString()).isEqualTo(agent);
        assertThat(Instant.parse(created.path("/dueAt").asString())).isEqualTo(due.toInstant());
        assertThat(api.get("/api/callbacks/" + id).json()).isEqualTo(created.json());
        assertThat(api.get("/api/callbacks").json().values().stream().map(c -> c.path("id").asLong()))
                .contains(id);

        HttpApi.Response cancelled = api.postEmpty("/api/callbacks/" + id + "/cancel");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.path("/status").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/callbacks").json().values().stream().map(c -> c.path("id").asLong()))
                .doesNotContain(id);
        assertThat(api.postEmpty("/api/callbacks/" + id + "/cancel").status()).isEqualTo(409);
    }

    @Test
    void aCallbackInThePastOrAbsurdlyFarAheadIsRefusedSayingWhy() {
        HttpApi.Response past = api.post("/api/callbacks", draft("+14155550142", queue,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).toString(), null, null));
        HttpApi.Response absurd = api.post("/api/callbacks", draft("+14155550142", queue,
                "3026-01-01T09:00:00+01:00", null, null));

        assertThat(past.status()).isEqualTo(400);
        assertThat(past.path("/error").asString()).isEqualTo("invalid-callback");
        assertThat(fields(past)).containsExactly("dueAt");
        assertThat(codes(past)).containsExactly("in-the-past");
        assertThat(codes(absurd)).containsExactly("too-far-ahead");
    }

    @Test
    void aDraftWrongInEveryFieldIs400WithEveryErrorListedAndNothingWritten() {
        int before = rows();

        HttpApi.Response response = api.post("/api/callbacks", draft("call me maybe", "no-such-queue",
                "next tuesday", "nobody-" + agent, "x".repeat(501)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("number", "queue", "dueAt", "agentId", "note");
        assertThat(codes(response)).contains("not-a-phone-number", "no-such-queue", "not-a-date-time",
                "no-such-agent", "too-long");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anUnknownPropertyIsRefusedRatherThanDropped() {
        HttpApi.Response response = api.postText("/api/callbacks", "{\"number\":\"+14155550142\",\"queue\":\"" + queue
                + "\",\"dueAt\":\"" + OffsetDateTime.now(ZoneOffset.UTC).plusHours(1) + "\",\"dueDate\":\"tomorrow\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("dueDate");
    }

    @Test
    void anUnknownCallbackIs404() {
        HttpApi.Response response = api.get("/api/callbacks/987654321");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.path("/error").asString()).isEqualTo("no-such-callback");
    }

    private int rows() {
        return JdbcClient.create(dataSource).sql("select count(*) from router_callback").query(Integer.class).single();
    }

    private static Map<String, Object> draft(String number, String queue, String dueAt, String agentId, String note) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("number", number);
        draft.put("queue", queue);
        draft.put("dueAt", dueAt);
        draft.put("agentId", agentId);
        draft.put("note", note);
        return draft;
    }
}
