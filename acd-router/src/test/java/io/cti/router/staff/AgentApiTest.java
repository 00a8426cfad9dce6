package io.cti.router.staff;

import io.cti.router.testapp.DefinitionsApiTest;
import io.cti.router.testapp.HttpApi;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.cti.router.staff.TestAgents.skill;
import static io.cti.router.testapp.HttpApi.codes;
import static io.cti.router.testapp.HttpApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

@DefinitionsApiTest
class AgentApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void aCreatedAgentIsAnswered201WithLocationAndTheProfileThatGetReturnsAgain() {
        TestAgents.Builder draft = TestAgents.valid(RouterDatabases.unique("agent"));

        HttpApi.Response created = api.post("/api/agents", draft.build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/agents/" + draft.id));
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.path("/profile/endpoint").asString()).isEqualTo(draft.endpoint);
        assertThat(created.path("/profile/skills/0/skill").asString()).as("sorted by name").isEqualTo("english");
        assertThat(created.path("/profile/skills/0/proficiency").asInt()).isEqualTo(9);
        assertThat(created.path("/profile/teams/0").asString()).isEqualTo("team-a");
        HttpApi.Response read = api.get("/api/agents/" + draft.id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void anInvalidAgentIs400WithEveryErrorListedAndNothingWritten() {
        Map<String, Integer> before = RouterDatabases.counts(dataSource);
        TestAgents.Builder draft = TestAgents.valid("has space");
        draft.skills.add(skill("mandarin", 12));
        draft.endpoint = "PJSIP/2001\r\nAction: Originate";

        HttpApi.Response response = api.post("/api/agents", draft.build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("invalid-agent");
        assertThat(fields(response)).containsExactly("id", "skills[2].proficiency", "endpoint");
        assertThat(codes(response)).containsExactly("invalid-id", "out-of-range", "not-printable-ascii");
        assertThat(response.body()).doesNotContain("Action: Originate");
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void aTakenEndpointIs400EndpointTakenAndNothingWritten() {
        TestAgents.Builder first = TestAgents.valid(RouterDatabases.unique("first"));
        api.post("/api/agents", first.build());
        TestAgents.Builder second = TestAgents.valid(RouterDatabases.unique("second"));
        second.endpoint = first.endpoint;
        Map<String, Integer> before = RouterDatabases.counts(dataSource);

        HttpApi.Response response = api.post("/api/agents", second.build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(codes(response)).containsExactly("endpoint-taken");
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void aSecondAgentWithTheSameIdIs409() {
        String id = RouterDatabases.unique("twice");
        api.post("/api/agents", TestAgents.valid(id).build());

        HttpApi.Response response = api.post("/api/agents", TestAgents.valid(id).build());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("duplicate-agent");
    }

    @Test
    void anUnknownAgentIs404NoSuchAgent() {
        for (String path : List.of("/api/agents/nobody", "/api/agents/no%20body", "/api/agents/nobody/deactivate")) {
            HttpApi.Response response = path.endsWith("deactivate") ? api.postEmpty(path) : api.get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.path("/error").asString()).isEqualTo("no-such-agent");
        }
    }

    @Test
    void aReplaceWithTheCurrentVersionIs200AndWithAnOldOne409Stale() {
        String id = RouterDatabases.unique("replaced");
        TestAgents.Builder draft = TestAgents.valid(id);
        api.post("/api/agents", draft.build());
        draft.displayName = "Renamed Agent";

        HttpApi.Response replaced = api.put("/api/agents/" + id, draft.build(), "If-Match", "\"1\"");
        JsonNode after = api.get("/api/agents/" + id).json();
        HttpApi.Response stale = api.put("/api/agents/" + id, TestAgents.valid(id).build(), "If-Match", "\"1\"");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.path("/profile/displayName").asString()).isEqualTo("Renamed Agent");
        assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.path("/error").asString()).isEqualTo("stale-agent");
        assertThat(api.get("/api/agents/" + id).json()).isEqualTo(after);
    }

    @Test
    void anAgentsIdCannotBeChangedByAReplace() {
        String id = RouterDatabases.unique("fixed");
        api.post("/api/agents", TestAgents.valid(id).build());

        HttpApi.Response response = api.put("/api/agents/" + id, TestAgents.valid("someone-else").build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(codes(response)).containsExactly("id-mismatch");
    }

    @Test
    void aDeactivatedAgentIsStillReadableButLeavesTheDefaultList() {
        String id = RouterDatabases.unique("leaving");
        api.post("/api/agents", TestAgents.valid(id).build());

        HttpApi.Response response = api.postEmpty("/api/agents/" + id + "/deactivate");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("/active").asBoolean()).isFalse();
        assertThat(ids(api.get("/api/agents"))).doesNotContain(id);
        assertThat(ids(api.get("/api/agents?includeInactive=true"))).contains(id);
    }

    @Test
    void aBodyOverSixtyFourKibibytesIs413() {
        TestAgents.Builder draft = TestAgents.valid(RouterDatabases.unique("huge"));
        draft.displayName = "y".repeat(70_000);

        HttpApi.Response response = api.post("/api/agents", draft.build());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.path("/error").asString()).isEqualTo("payload-too-large");
    }

    @Test
    void anUnknownPropertyIsRefusedNamingItsPath() {
        HttpApi.Response response = api.postText("/api/agents",
                "{\"id\": \"typo\", \"endpoint\": \"PJSIP/7001\", \"skills\": [{\"skill\": \"sales\", \"level\": 3}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("unknown-property");
        assertThat(fields(response)).containsExactly("skills[0].level");
    }

    private static List<String> ids(HttpApi.Response list) {
        return list.json().values().stream().map(a -> a.path("profile").path("id").asString()).toList();
    }
}
