package io.cti.console.customers;

import io.cti.console.testapp.CustomerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerApiTest
class CustomerCreationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    Rows rows;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        rows = new Rows(dataSource);
    }

    @Test
    void aCreatedCustomerIsAnswered201WithLocationAndTheCardThatGetReturnsAgain() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        Map<String, Object> draft = TestCustomers.individual("Ada Round-Trip", number.national());
        draft.put("email", "ada@example.com");
        draft.put("address", Map.of("line", "1 Market St", "city", "San Francisco", "region", "CA",
                "postalCode", "94105", "country", "us"));
        draft.put("timeZone", "America/Los_Angeles");
        draft.put("birthDate", "1985-02-03");
        draft.put("attributes", Map.of("interests", List.of("sailing"), "vip", false));

        Api.Response created = api.post("/api/customers", draft);

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/customers/" + id));
        JsonNode profile = created.json().path("profile");
        assertThat(profile.path("name").asString()).isEqualTo("Ada Round-Trip");
        assertThat(profile.path("address").path("country").asString()).isEqualTo("US");
        assertThat(profile.path("phones").get(0).path("number").asString()).isEqualTo(number.e164());
        assertThat(profile.path("attributes").path("interests").get(0).asString()).isEqualTo("sailing");

        Api.Response card = api.get("/api/customers/" + id + "/card");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.json()).isEqualTo(created.json());
        Api.Response stored = api.get(created.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().path("profile")).isEqualTo(profile);
    }

    @Test
    void anUnparseablePhoneAnUnknownTypeAndAMissingNameAreAllReportedAndNothingIsWritten() {
        Map<String, Integer> before = rows.counts();
        Map<String, Object> draft = TestCustomers.individual(null, "12345");
        draft.put("type", "VIP");

        Api.Response response = api.post("/api/customers", draft);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-customer");
        assertThat(fields(response)).containsExactlyInAnyOrder("type", "name", "phones[0].number");
        assertThat(codes(response)).containsExactlyInAnyOrder("unknown-value", "required", "invalid-phone-number");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void aNumberThatBelongsToAnotherCustomerIsRefusedAsTakenAndNothingIsWritten() {
        TestCustomers.UsNumber number = TestCustomers.usNumber();
        TestCustomers.create(api, TestCustomers.individual("First Owner", number.e164()));
        Map<String, Integer> before = rows.counts();

        Api.Response response = api.post("/api/customers", TestCustomers.individual("Second Claimant", number.dotted()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-customer");
        assertThat(fields(response)).containsExactly("phones[0].number");
        assertThat(codes(response)).containsExactly("phone-taken");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void controlCharactersInTheNameAreRefused() {
        for (String name : List.of("Wang\u0000Wei", "Wang\nWei", "Wang\u202EWei")) {
            Map<String, Object> draft = TestCustomers.individual(name, TestCustomers.usNumber().e164());

            Api.Response response = api.post("/api/customers", draft);

            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(fields(response)).containsExactly("name");
            assertThat(codes(response)).containsExactly("control-character");
        }
    }

    @Test
    void anUnknownPropertyIsRefusedNamingItsPath() {
        Map<String, Object> draft = TestCustomers.individual("Misspelt Field", TestCustomers.usNumber().e164());
        draft.put("address", Map.of("city", "Oakland", "zip", "94601"));

        Api.Response response = api.post("/api/customers", draft);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("unknown-property");
        assertThat(fields(response)).containsExactly("address.zip");
        assertThat(response.json().path("fieldErrors").get(0).path("message").asString()).contains("postalCode");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedNamingItsPath() {
        Map<String, Object> draft = TestCustomers.individual("Wrong Type", TestCustomers.usNumber().e164());
        @SuppressWarnings("unchecked")
        Map<String, Object> phone = ((List<Map<String, Object>>) draft.get("phones")).get(0);
        phone.put("primary", "sometimes");

        Api.Response response = api.post("/api/customers", draft);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("wrong-json-type");
        assertThat(fields(response)).containsExactly("phones[0].primary");
    }

    @Test
    void anArrayWhereAnObjectBelongsIsRefusedNamingTheField() {
        Api.Response response = api.postText("/api/customers", "{\"name\": \"Array Address\", \"address\": [\"1 Main St\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("wrong-json-type");
        assertThat(fields(response)).containsExactly("address");
    }

    @Test
    void malformedJsonIsRefusedSayingWhereItBroke() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = api.postText("/api/customers", "{\n  \"name\": \"Broken\",\n  \"type\": \n}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("malformed-json");
        assertThat(response.json().path("message").asString()).contains("line 4, column 1");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void anEmptyBodyIsRefusedAsMissing() {
        Api.Response response = api.postText("/api/customers", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("missing-body");
    }

    @Test
    void aCustomerCanBeCreatedWithAChineseNameAndNumberAndKeepsThem() {
        String number = TestCustomers.chineseMobile();
        Map<String, Object> draft = TestCustomers.individual("李娜", number.substring(0, 3) + " " + number.substring(3));
        draft.put("timeZone", "Asia/Shanghai");

        Api.Response response = api.post("/api/customers", draft);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.path("/profile/name").asString()).isEqualTo("李娜");
        assertThat(response.path("/profile/phones/0/number").asString()).isEqualTo(number);
    }

    static List<String> fields(Api.Response response) {
        return response.json().path("fieldErrors").values().stream().map(e -> e.path("field").asString()).toList();
    }

    static List<String> codes(Api.Response response) {
        return response.json().path("fieldErrors").values().stream().map(e -> e.path("code").asString()).toList();
    }
}
