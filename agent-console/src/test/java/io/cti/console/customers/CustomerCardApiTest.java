package io.cti.console.customers;

import io.cti.console.testapp.CoreTestBeans;
import io.cti.console.testapp.CustomerApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@CustomerApiTest
class CustomerCardApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anOverduePurchaseAndAnOpenComplaintAddedThroughTheApiRaiseTheirAlerts() {
        long id = TestCustomers.create(api, TestCustomers.individual("Alert Alice", TestCustomers.usNumber().e164()));

        Api.Response purchase = api.post("/api/customers/" + id + "/purchases", Map.of("purchasedOn", "2025-05-01",
                "product", "Router X2", "amount", "120.50", "dueOn", "2025-05-31"));
        Api.Response complaint = api.post("/api/customers/" + id + "/service-requests", Map.of("kind", "complaint",
                "subject", "router drops calls", "openedAt", "2025-06-10T08:00:00Z"));

        assertThat(purchase.status()).isEqualTo(201);
        assertThat(purchase.json().path("id").asLong()).isPositive();
        assertThat(alertKinds(purchase.json().path("card"))).contains("OVERDUE_PAYMENT");
        assertThat(complaint.status()).isEqualTo(201);
        JsonNode card = api.get("/api/customers/" + id + "/card").json();
        assertThat(alertKinds(card)).contains("OVERDUE_PAYMENT", "OPEN_COMPLAINT");
        assertThat(card.at("/figures/creditFlag").asBoolean()).isTrue();
        assertThat(card.at("/figures/overdueAmount").decimalValue()).isEqualByComparingTo("120.50");
        assertThat(card.at("/openServiceRequests/0/subject").asString()).isEqualTo("router drops calls");
        assertThat(card.at("/openServiceRequests/0/openedAt").asString()).isEqualTo("2025-06-10T08:00:00Z");
    }

    @Test
    void aBirthdayTodayRaisesTheBirthdayAlert() {
        Map<String, Object> draft = TestCustomers.individual("Birthday Bob", TestCustomers.usNumber().e164());
        draft.put("birthDate", CoreTestBeans.TODAY.minusYears(40).toString());
        long id = TestCustomers.create(api, draft);

        JsonNode card = api.get("/api/customers/" + id + "/card").json();

        assertThat(alertKinds(card)).contains("BIRTHDAY");
    }

    @Test
    void theCardShowsOnlyTheLastTenInteractionsNewestFirst() {
        long id = TestCustomers.create(api, TestCustomers.individual("Chatty Carol", TestCustomers.usNumber().e164()));
        for (int i = 1; i <= 12; i++) {
            String startedAt = CoreTestBeans.NOW.minus(Duration.ofHours(13 - i)).toString();
            Api.Response response = api.post("/api/customers/" + id + "/interactions", Map.of("direction", "INBOUND",
                    "outcome", "contact " + i, "startedAt", startedAt, "talkSeconds", 60 + i));
            assertThat(response.status()).isEqualTo(201);
        }

        JsonNode interactions = api.get("/api/customers/" + id + "/card").json().path("lastInteractions");

        assertThat(interactions.size()).isEqualTo(10);
        List<String> outcomes = interactions.values().stream().map(i -> i.path("outcome").asString()).toList();
        assertThat(outcomes).containsExactly("contact 12", "contact 11", "contact 10", "contact 9", "contact 8",
                "contact 7", "contact 6", "contact 5", "contact 4", "contact 3");
        assertThat(interactions.get(0).path("talkSeconds").asInt()).isEqualTo(72);
        assertThat(interactions.get(0).path("channel").asString()).isEqualTo("PHONE");
    }

    @Test
    void aPlannedContactIsTheNextPlannedContactAndAnAlert() {
        long id = TestCustomers.create(api, TestCustomers.individual("Planned Pat", TestCustomers.usNumber().e164()));

        Api.Response response = api.post("/api/customers/" + id + "/care-plan", Map.of(
                "plannedAt", "2025-06-20T09:00:00+08:00", "purpose", "renewal reminder", "ownerAgent", "agent-7"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode card = api.get("/api/customers/" + id + "/card").json();
        assertThat(card.at("/nextPlannedContact/purpose").asString()).isEqualTo("renewal reminder");
        assertThat(card.at("/nextPlannedContact/plannedAt").asString()).isEqualTo("2025-06-20T01:00:00Z");
        assertThat(alertKinds(card)).contains("NEXT_CONTACT");
    }

    @Test
    void satisfactionScoresShowAsTheAverageOnTheCard() {
        long id = TestCustomers.create(api, TestCustomers.individual("Scored Sam", TestCustomers.usNumber().e164()));
        long interaction = api.post("/api/customers/" + id + "/interactions",
                Map.of("direction", "OUTBOUND", "outcome", "survey")).json().path("id").asLong();

        api.post("/api/customers/" + id + "/satisfaction", Map.of("score", 4, "interactionId", interaction));
        Api.Response second = api.post("/api/customers/" + id + "/satisfaction", Map.of("score", "5", "comment", "quick\nand kind"));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().at("/card/figures/averageSatisfaction").decimalValue()).isEqualByComparingTo("4.5");
    }

    @Test
    void valuesTravelAsIsoDatesZoneIdsE164StringsAndNumericIds() {
        String number = TestCustomers.chineseMobile();
        Map<String, Object> draft = TestCustomers.individual("Shape Shen", number);
        draft.put("timeZone", "Asia/Shanghai");
        draft.put("birthDate", "1990-01-31");
        draft.put("customerSince", "2020-03-01");
        long id = TestCustomers.create(api, draft);
        api.post("/api/customers/" + id + "/interactions", Map.of("direction", "INBOUND", "outcome", "answered",
                "startedAt", "2025-06-14T12:30:00+08:00", "endedAt", "2025-06-14T12:35:00+08:00"));

        JsonNode card = api.get("/api/customers/" + id + "/card").json();

        assertThat(card.path("id").isIntegralNumber()).isTrue();
        assertThat(card.path("id").asLong()).isEqualTo(id);
        assertThat(card.at("/profile/timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(card.at("/profile/birthDate").asString()).isEqualTo("1990-01-31");
        assertThat(card.at("/profile/customerSince").asString()).isEqualTo("2020-03-01");
        assertThat(card.at("/profile/phones/0/number").isString()).isTrue();
        assertThat(card.at("/profile/phones/0/number").asString()).isEqualTo(number);
        assertThat(card.at("/figures/computedOn").asString()).isEqualTo(CoreTestBeans.TODAY.toString());
        assertThat(card.at("/lastInteractions/0/startedAt").asString()).isEqualTo("2025-06-14T04:30:00Z");
        assertThat(card.at("/lastInteractions/0/endedAt").asString()).isEqualTo("2025-06-14T04:35:00Z");
    }

    static List<String> alertKinds(JsonNode card) {
        return card.path("alerts").values().stream().map(a -> a.path("kind").asString()).toList();
    }
}
