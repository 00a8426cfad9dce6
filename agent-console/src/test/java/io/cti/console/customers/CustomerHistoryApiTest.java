package io.cti.console.customers;

import io.cti.console.testapp.CustomerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static io.cti.console.customers.CustomerCreationApiTest.codes;
import static io.cti.console.customers.CustomerCreationApiTest.fields;
import static org.assertj.core.api.Assertions.assertThat;

@CustomerApiTest
class CustomerHistoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    Rows rows;
    long customer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        rows = new Rows(dataSource);
        customer = TestCustomers.create(api, TestCustomers.individual("History Hank", TestCustomers.usNumber().e164()));
    }

    @Test
    void anInvalidPurchaseListsEveryFieldErrorAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("purchases", Map.of("purchasedOn", "yesterday", "amount", "-3",
                "quantity", "0", "paidOn", "2099-01-01"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-purchase");
        assertThat(fields(response)).containsExactlyInAnyOrder("purchasedOn", "product", "amount", "quantity", "paidOn");
        assertThat(codes(response)).containsExactlyInAnyOrder("invalid-date", "required", "out-of-range",
                "out-of-range", "in-the-future");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void anInvalidInteractionListsEveryFieldErrorAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("interactions", Map.of("channel", "pigeon", "startedAt", "2025-06-14T10:00:00Z",
                "endedAt", "2025-06-14T09:00:00Z", "waitSeconds", "-1", "queue", "sales\u0007"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-interaction");
        assertThat(fields(response)).containsExactlyInAnyOrder("channel", "direction", "outcome", "endedAt",
                "waitSeconds", "queue");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void anInvalidServiceRequestListsEveryFieldErrorAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("service-requests", Map.of("status", "open", "closedAt", "2025-06-01T00:00:00Z",
                "openedAt", "2030-01-01T00:00:00Z"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-service-request");
        assertThat(fields(response)).containsExactlyInAnyOrder("kind", "subject", "openedAt", "closedAt", "closedAt");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void anInvalidSatisfactionScoreListsEveryFieldErrorAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("satisfaction", Map.of("score", 6, "interactionId", "first", "recordedAt", "now"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-satisfaction");
        assertThat(fields(response)).containsExactlyInAnyOrder("score", "interactionId", "recordedAt");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void aSatisfactionScoreForAnUnknownInteractionIs400OnInteractionIdAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("satisfaction", Map.of("score", 3, "interactionId", 987654321));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("interactionId");
        assertThat(codes(response)).containsExactly("no-such-interaction");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void anInvalidCarePlanContactListsEveryFieldErrorAndWritesNothing() {
        Map<String, Integer> before = rows.counts();

        Api.Response response = post("care-plan", Map.of("plannedAt", "2025-06-20 09:00", "channel", "telegram"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("invalid-care-plan-contact");
        assertThat(fields(response)).containsExactlyInAnyOrder("plannedAt", "purpose", "channel");
        assertThat(rows.counts()).isEqualTo(before);
    }

    @Test
    void everyHistoryEndpointAnswers404ForAnUnknownCustomer() {
        for (String entry : List.of("purchases", "interactions", "service-requests", "satisfaction", "care-plan")) {
            Api.Response response = api.post("/api/customers/987654321/" + entry, Map.of());

            assertThat(response.status()).as(entry).isEqualTo(404);
            assertThat(response.json().path("error").asString()).isEqualTo("no-such-customer");
        }
    }

    @Test
    void anUnknownPropertyInAHistoryEntryIsRefused() {
        Api.Response response = post("purchases", Map.of("purchasedOn", "2025-06-01", "product", "Cable",
                "amount", "9.90", "price", "9.90"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asString()).isEqualTo("unknown-property");
        assertThat(fields(response)).containsExactly("price");
    }

    @Test
    void aPaidPurchaseIsRecordedWithoutCreditFlagAndCountsTowardsTheFigures() {
        Api.Response response = post("purchases", Map.of("purchasedOn", "2025-06-01", "product", "Cable",
                "amount", 9.9, "quantity", 2, "dueOn", "2025-06-10", "paidOn", "2025-06-05"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().at("/card/figures/purchaseCount").asInt()).isEqualTo(1);
        assertThat(response.json().at("/card/figures/monetary").decimalValue()).isEqualByComparingTo("9.90");
        assertThat(response.json().at("/card/figures/creditFlag").asBoolean()).isFalse();
    }

    private Api.Response post(String entry, Map<String, Object> body) {
        return api.post("/api/customers/" + customer + "/" + entry, body);
    }
}
