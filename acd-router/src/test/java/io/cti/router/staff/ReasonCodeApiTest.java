package io.cti.router.staff;

import io.cti.router.testapp.DefinitionsApiTest;
import io.cti.router.testapp.HttpApi;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.cti.router.testapp.HttpApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

@DefinitionsApiTest
class ReasonCodeApiTest {

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
    void thePlainListIsWhatAnAgentMayChooseSoItLeavesOutTheNoAnswerThatOnlyTheRouterSets() {
        HttpApi.Response response = api.get("/api/reason-codes");

        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response)).contains("lunch", "break").doesNotContain(ReasonCode.NO_ANSWER);
        assertThat(response.json().values().stream().allMatch(c -> c.path("active").asBoolean()
                && !c.path("system").asBoolean())).isTrue();
    }

    @Test
    void administratorsAskForTheSystemCodesToo() {
        HttpApi.Response response = api.get("/api/reason-codes?includeSystem=true");

        assertThat(codes(response)).contains(ReasonCode.NO_ANSWER, "lunch");
        assertThat(response.json().values().stream().filter(c -> c.path("code").asString().equals(ReasonCode.NO_ANSWER))
                .findFirst().orElseThrow().path("system").asBoolean()).isTrue();
    }

    @Test
    void aRetiredCodeIsNoLongerOfferedButStaysReadable() {
        String code = RouterDatabases.unique("fire-drill");
        api.post("/api/reason-codes", Map.of("code", code, "label", "Fire drill"));

        HttpApi.Response retired = api.post("/api/reason-codes/" + code + "/retire", "");

        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.path("/active").asBoolean()).isFalse();
        assertThat(codes(api.get("/api/reason-codes"))).doesNotContain(code);
        assertThat(codes(api.get("/api/reason-codes?includeRetired=true"))).contains(code);
        assertThat(api.get("/api/reason-codes/" + code).path("/active").asBoolean()).isFalse();
        assertThat(api.post("/api/reason-codes/" + code + "/retire", "").status()).as("retiring twice").isEqualTo(200);
    }

    @Test
    void theCodeTheRouterSetsItselfCannotBeRetired() {
        HttpApi.Response response = api.post("/api/reason-codes/" + ReasonCode.NO_ANSWER + "/retire", "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("system-reason-code");
        assertThat(api.get("/api/reason-codes/" + ReasonCode.NO_ANSWER).path("/active").asBoolean()).isTrue();
    }

    @Test
    void retiringAnUnknownCodeIs404() {
        HttpApi.Response response = api.post("/api/reason-codes/never-heard-of/retire", "");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.path("/error").asString()).isEqualTo("no-such-reason-code");
    }

    @Test
    void anAddedCodeIs201WithLocationAndIsListed() {
        String code = RouterDatabases.unique("coaching");

        HttpApi.Response created = api.post("/api/reason-codes", Map.of("code", code, "label", "Coaching", "productive", true));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/reason-codes/" + code));
        assertThat(created.path("/productive").asBoolean()).isTrue();
        assertThat(api.get("/api/reason-codes/" + code).json()).isEqualTo(created.json());
    }

    @Test
    void aCodeThatExistsIs409() {
        HttpApi.Response response = api.post("/api/reason-codes", Map.of("code", "lunch", "label", "Second lunch"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("/error").asString()).isEqualTo("duplicate-reason-code");
    }

    @Test
    void anInvalidCodeIs400WithEveryErrorListedAndNothingWritten() {
        Map<String, Integer> before = RouterDatabases.counts(dataSource);

        HttpApi.Response response = api.post("/api/reason-codes", Map.of("code", "Coffee Break", "label", "a\nb"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.path("/error").asString()).isEqualTo("invalid-reason-code");
        assertThat(fields(response)).containsExactly("code", "label");
        assertThat(RouterDatabases.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void anUnknownCodeIs404() {
        HttpApi.Response response = api.get("/api/reason-codes/never-heard-of");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.path("/error").asString()).isEqualTo("no-such-reason-code");
    }

    private static List<String> codes(HttpApi.Response response) {
        return response.json().values().stream().map(c -> c.path("code").asString()).toList();
    }
}
