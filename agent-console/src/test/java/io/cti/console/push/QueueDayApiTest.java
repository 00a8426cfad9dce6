package io.cti.console.push;

import io.cti.console.access.Role;
import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.CoreTestBeans;
import io.cti.console.testapp.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/queues/stats/day}: the queues' day so far for the wallboard's charts, as the day source gives it
 * (the test application's source is a fixed two-queue morning), to supervisors and administrators only.
 */
@ConsoleWebTest
class QueueDayApiTest {

    private static final String DAY = "/api/queues/stats/day";

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Test
    void aSupervisorGetsEveryQueuesDayInQuarterHoursWithNullServiceLevelWhereNothingCounted() {
        Browser.Page day = as(users.create("supervisor", Role.SUPERVISOR)).get(DAY);

        assertThat(day.status()).isEqualTo(200);
        JsonNode json = day.json();
        assertThat(json.path("day").asString()).isEqualTo(CoreTestBeans.NOW.toString().substring(0, 10));
        assertThat(json.path("zone").asString()).isEqualTo("UTC");
        assertThat(json.path("slotMinutes").asInt()).isEqualTo(15);
        assertThat(json.path("queues")).extracting(q -> q.path("queue").asString()).containsExactly("sales", "support");
        JsonNode slots = json.path("queues").get(0).path("slots");
        Instant hour = CoreTestBeans.NOW.truncatedTo(ChronoUnit.HOURS);
        assertThat(Instant.parse(slots.get(0).path("start").asString())).isEqualTo(hour);
        assertThat(slots.get(0).path("serviceLevel").isNull()).isTrue();
        JsonNode second = slots.get(1);
        assertThat(Instant.parse(second.path("start").asString())).isEqualTo(hour.plusSeconds(900));
        assertThat(second.path("offered").asLong()).isEqualTo(7);
        assertThat(second.path("answered").asLong()).isEqualTo(5);
        assertThat(second.path("abandoned").asLong()).isEqualTo(1);
        assertThat(second.path("serviceLevel").asDouble()).isEqualTo(0.5);
        assertThat(json.path("queues").get(1).path("slots")).isEmpty();
    }

    @Test
    void anAdministratorGetsTheDayToo() {
        assertThat(as(users.create("admin", Role.ADMIN)).get(DAY).status()).isEqualTo(200);
    }

    @Test
    void agentsAndCampaignManagersAreRefusedAndNobodyLoggedInIsNotServed() {
        assertThat(as(users.agent()).get(DAY).status()).isEqualTo(403);
        assertThat(as(users.create("campaigns", Role.CAMPAIGN_MANAGER)).get(DAY).status()).isEqualTo(403);
        Browser.Page anonymous = new Browser(port).get(DAY);
        assertThat(anonymous.status()).isNotEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("slotMinutes");
    }

    private Browser as(String username) {
        return new Browser(port).loggedInAs(username, TestUsers.PASSWORD);
    }
}
