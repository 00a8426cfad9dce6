package io.cti.router.queues;

import io.cti.core.web.BodySizeLimitFilter;
import io.cti.router.testapp.DefinitionsApiTest;
import io.cti.router.testapp.HttpApi;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.util.Map;

import static io.cti.router.queues.TestQueues.move;
import static io.cti.router.queues.TestQueues.skill;
import static io.cti.router.queues.TestQueues.widen;
import static io.cti.router.testapp.HttpApi.codes;
import static io.cti.router.testapp.HttpApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

@DefinitionsApiTest
class QueueApiTest {

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
    void aCreatedQueueIsAnswered201WithLocationETagAndTheDefinitionThatGetReturnsAgain() {
        String name = RouterDatabases.unique("created");

        HttpApi.Response created = api.post("/api/queues", TestQueues.valid(name).build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/queues/" + name));
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(created.path("/definition/name").asString()).isEqualTo(name);
        assertThat(created.path("/definition/serviceLevel/percent").asInt()).isEqualTo(80);
        assertThat(created.path("/definition/overflow/1/widenTo/0/skill").asString()).isEqualTo("sales");
        assertThat(created.path("/definition/strategy").asString()).isEqualTo("SKILL_WEIGHTED");
        assertThat(created.path("/active").asBoolean()).isTrue();
        assertThat(created.path("/version").asInt()).isEqualTo(1);
        HttpApi.Response read = api.get("/api/queues/" + name);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void anInvalidQueueIs400WithEveryErrorListedAndNothingWritten() {
        Map<String, Integer> before = RouterDatabases.counts(dataSource);
        TestQueues.Builder draft = TestQueues.valid("Bad Name");
        draft.serviceLevel = new QueueDraft.ServiceLevelDraft(120, 20);
        draft.skills.add(skill("sales", 11));
        draft.overflow.set(1, widen(40, skill("sales", 1)));
        draft.overflow.add(move(200, "no-such"));
        draft.ringTimeoutSeconds = 500;

        HttpApi.Response response = api.post("/api/queues", draft.build());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("invalid-queue");
        assertThat(fields(response)).containsExactlyInAnyOrder("name", "serviceLevel.percent", "skills[2].skill",
                "skills[2].minimum", "overflow[1].afterSeconds", "overflow[2].moveTo", "ringTimeoutSeconds");
        assertThat(codes(response)).contains("invalid-name", "out-of-range", "duplicate", "not-increasing", "no-such-queue");
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void aSecondQueueOfTheSameNameIs409() {
        QueueDraft draft = TestQueues.valid(RouterDatabases.unique("twice")).build();
        api.post("/api/queues", draft);

        HttpApi.Response response = api.post("/api/queues", draft);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("duplicate-queue");
    }

    @Test
    void anUnknownQueueIs404NoSuchQueue() {
        for (String path : new String[]{"/api/queues/nobody", "/api/queues/Not%20A%20Name"}) {
            HttpApi.Response response = api.get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.path("/error").asString()).isEqualTo("no-such-queue");
        }
    }

    @Test
    void aReplaceWithTheCurrentVersionIs200WithTheNextVersion() {
        String name = RouterDatabases.unique("replaced");
        api.post("/api/queues", TestQueues.valid(name).build());
        TestQueues.Builder changed = TestQueues.valid(name);
        changed.strategy = "random";

        HttpApi.Response response = api.put("/api/queues/" + name, changed.build(), "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).contains("\"2\"");
        assertThat(response.path("/definition/strategy").asString()).isEqualTo("RANDOM");
        assertThat(api.get("/api/queues/" + name).path("/version").asInt()).isEqualTo(2);
    }

    @Test
    void aReplaceWithAnOldVersionIs409StaleAndChangesNothing() {
        String name = RouterDatabases.unique("stale");
        api.post("/api/queues", TestQueues.valid(name).build());
        api.put("/api/queues/" + name, TestQueues.valid(name).build(), "If-Match", "\"1\"");
        JsonNode before = api.get("/api/queues/" + name).json();
        TestQueues.Builder changed = TestQueues.valid(name);
        changed.maxWaitSeconds = 999;

        HttpApi.Response response = api.put("/api/queues/" + name, changed.build(), "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("stale-queue");
        assertThat(api.get("/api/queues/" + name).json()).isEqualTo(before);
    }

    @Test
    void aReplaceMayOmitTheNameButCannotChangeIt() {
        String name = RouterDatabases.unique("rename");
        api.post("/api/queues", TestQueues.valid(name).build());

        HttpApi.Response omitted = api.put("/api/queues/" + name, TestQueues.valid(null).build());
        HttpApi.Response renamed = api.put("/api/queues/" + name, TestQueues.valid("other-name").build());

        assertThat(omitted.status()).isEqualTo(200);
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(fields(renamed)).containsExactly("name");
        assertThat(codes(renamed)).containsExactly("name-mismatch");
    }

    @Test
    void replacingAnUnknownQueueIs404() {
        HttpApi.Response response = api.put("/api/queues/never-made", TestQueues.valid("never-made").build());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.path("/error").asString()).isEqualTo("no-such-queue");
    }

    @Test
    void aMalformedIfMatchIs400InvalidRequest() {
        String name = RouterDatabases.unique("if-match");
        api.post("/api/queues", TestQueues.valid(name).build());

        HttpApi.Response response = api.put("/api/queues/" + name, TestQueues.valid(name).build(), "If-Match", "W/\"1\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("invalid-request");
        assertThat(fields(response)).containsExactly("If-Match");
    }

    @Test
    void aRetiredQueueIsStillReadableButLeavesTheDefaultList() {
        String name = RouterDatabases.unique("retired");
        api.post("/api/queues", TestQueues.valid(name).build());

        HttpApi.Response retired = api.postEmpty("/api/queues/" + name + "/retire");

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.path("/active").asBoolean()).isFalse();
        assertThat(api.get("/api/queues/" + name).path("/active").asBoolean()).isFalse();
        assertThat(names(api.get("/api/queues"))).doesNotContain(name);
        assertThat(names(api.get("/api/queues?includeRetired=true"))).contains(name);
    }

    @Test
    void retiringTheTargetOfAnActiveQueuesOverflowIs409QueueInUse() {
        String target = RouterDatabases.unique("target");
        api.post("/api/queues", TestQueues.valid(target).build());
        TestQueues.Builder source = TestQueues.valid(RouterDatabases.unique("source"));
        source.overflow.add(move(200, target));
        assertThat(api.post("/api/queues", source.build()).status()).isEqualTo(201);

        HttpApi.Response response = api.postEmpty("/api/queues/" + target + "/retire");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("queue-in-use");
    }

    @Test
    void aBodyOverSixtyFourKibibytesIs413AndWritesNothing() {
        Map<String, Integer> before = RouterDatabases.counts(dataSource);
        TestQueues.Builder draft = TestQueues.valid(RouterDatabases.unique("huge"));
        draft.displayName = "x".repeat(BodySizeLimitFilter.LIMIT_BYTES);

        HttpApi.Response response = api.post("/api/queues", draft.build());
        HttpApi.Response chunked = api.postChunked("/api/queues", HttpApi.toJson(draft.build()));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.path("/error").asString()).isEqualTo("payload-too-large");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void anUnknownPropertyIsRefusedNamingItsPath() {
        HttpApi.Response response = api.postText("/api/queues",
                "{\"name\": \"typo\", \"maxWait\": 300, \"serviceLevel\": {\"percent\": 80, \"withinSeconds\": 20}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("unknown-property");
        assertThat(fields(response)).containsExactly("maxWait");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingItsPath() {
        HttpApi.Response response = api.postText("/api/queues",
                "{\"name\": \"typed\", \"maxWaitSeconds\": 300, \"serviceLevel\": {\"percent\": \"most\", \"withinSeconds\": 20}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("wrong-json-type");
        assertThat(fields(response)).containsExactly("serviceLevel.percent");
    }

    @Test
    void malformedJsonAndAMissingBodyAre400() {
        assertThat(api.postText("/api/queues", "{\"name\": ").path("/error").asString()).isEqualTo("malformed-json");
        assertThat(api.postText("/api/queues", "").path("/error").asString()).isEqualTo("missing-body");
    }

    @Test
    void anUnsupportedMethodOrAnUnknownPathAnswersInTheSameErrorShape() {
        HttpApi.Response deleted = api.send(api.request("/api/queues/sales").DELETE().build());
        HttpApi.Response nowhere = api.get("/api/queues/sales/nothing-here");

        assertThat(deleted.status()).isEqualTo(405);
        assertThat(deleted.path("/error").asString()).isEqualTo("method-not-allowed");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.path("/error").asString()).isEqualTo("not-found");
    }

    private static java.util.List<String> names(HttpApi.Response list) {
        return list.json().values().stream().map(q -> q.path("definition").path("name").asString()).toList();
    }
}
