package io.cti.console.customers;

import io.cti.console.testapp.CustomerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static io.cti.console.customers.CustomerCreationApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

@CustomerApiTest
class CustomerUpdateApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aReplaceWithTheCurrentVersionInIfMatchSucceedsAndRaisesTheVersion() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("Before Rename", number.e164()));
        Map<String, Object> replacement = TestCustomers.individual("After Rename", number.e164());
        replacement.put("type", "LOST");

        Api.Response response = api.put("/api/customers/" + id, replacement, "If-Match", "\"0\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("version").asInt()).isEqualTo(1);
        assertThat(response.path("/profile/name").asString()).isEqualTo("After Rename");
        assertThat(response.path("/profile/type").asString()).isEqualTo("LOST");
        assertThat(response.path("/alerts/0/kind").asString()).isEqualTo("WIN_BACK");
    }

    @Test
    void aReplaceIsAFullReplaceSoOmittedFieldsAreCleared() {
        Map<String, Object> draft = TestCustomers.individual("Full Replace", TestCustomers.usNumber().e164());
        draft.put("email", "old@example.com");
        long id = TestCustomers.create(api, draft);
        TestCustomers.UsNumber newNumber = TestCustomers.usNumber();

        Api.Response response = api.put("/api/customers/" + id, TestCustomers.individual("Full Replace", newNumber.e164()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("/profile/email").isNull()).isTrue();
        assertThat(response.path("/profile/phones").size()).isEqualTo(1);
        assertThat(response.path("/profile/phones/0/number").asString()).isEqualTo(newNumber.e164());
    }

    @Test
    void aStaleIfMatchIs409AndChangesNothing() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("Contested", number.e164()));
        api.put("/api/customers/" + id, TestCustomers.individual("First Writer", number.e164()), "If-Match", "\"0\"");

        Api.Response response = api.put("/api/customers/" + id, TestCustomers.individual("Second Writer", number.e164()),
                "If-Match", "\"0\"");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("error").asString()).isEqualTo("stale-customer");
        assertThat(api.get("/api/customers/" + id + "/card").path("/profile/name").asString()).isEqualTo("First Writer");
    }

    @Test
    void theVersionQueryParameterIsCheckedLikeIfMatch() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("By Parameter", number.e164()));

        Api.Response current = api.put("/api/customers/" + id + "?version=0", TestCustomers.individual("By Parameter 2", number.e164()));
        Api.Response stale = api.put("/api/customers/" + id + "?version=0", TestCustomers.individual("By Parameter 3", number.e164()));

        assertThat(current.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aMalformedIfMatchIs400OnIfMatch() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("Odd Header", number.e164()));

        Api.Response response = api.put("/api/customers/" + id, TestCustomers.individual("Odd Header", number.e164()),
                "If-Match", "W/\"0\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("If-Match");
    }

    @Test
    void replacingAnUnknownCustomerIs404() {
        Api.Response response = api.put("/api/customers/999999", TestCustomers.individual("Nobody", TestCustomers.usNumber().e164()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("error").asString()).isEqualTo("no-such-customer");
    }

    @Test
    void anInvalidReplacementIs400AndLeavesTheCustomerAsItWas() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        long id = TestCustomers.create(api, TestCustomers.individual("Keeps Name", number.e164()));

        Api.Response response = api.put("/api/customers/" + id, TestCustomers.individual(" ", number.e164()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("name");
        Api.Response card = api.get("/api/customers/" + id + "/card");
        assertThat(card.path("/profile/name").asString()).isEqualTo("Keeps Name");
        assertThat(card.json().path("version").asInt()).isZero();
    }

    @Test
    void unknownOrImpossibleCustomerIdsAre404AndANonNumericIdIs400() {
        assertThat(api.get("/api/customers/999999/card").status()).isEqualTo(404);
        assertThat(api.get("/api/customers/0/card").status()).isEqualTo(404);
        assertThat(api.get("/api/customers/-3").status()).isEqualTo(404);
        Api.Response nonNumeric = api.get("/api/customers/abc/card");
        assertThat(nonNumeric.status()).isEqualTo(400);
        assertThat(fields(nonNumeric)).containsExactly("id");
    }
}
