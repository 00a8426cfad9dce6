package io.cti.router.staff;

import io.cti.router.testapp.DefinitionsApiTest;
import io.cti.router.testapp.HttpApi;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
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
    void theListHoldsTheCodesThePlatformSetsItself() {
        HttpApi.Response response = api.get("/api/reason-codes");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().values().stream().map(c -> c.path("code").asString()).toList()).contains("no-answer", "lunch");
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
}
