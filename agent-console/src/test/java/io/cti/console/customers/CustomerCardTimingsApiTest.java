package io.cti.console.customers;

import io.cti.console.testapp.CoreTestBeans;
import io.cti.console.testapp.CustomerApiTest;
import io.cti.core.customers.Channel;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.Direction;
import io.cti.core.customers.FinishedCall;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.CustomerId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer card over REST shows every timing of a call the router wrote to the history. */
@CustomerApiTest
class CustomerCardTimingsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    CustomerHistory history;

    @Test
    void theCardsLastInteractionsCarryWaitRingTalkHoldAndWrapUpOfARoutedCall() {
        Api api = new Api(port);
        long id = TestCustomers.create(api, TestCustomers.individual("Timed Tina", TestCustomers.usNumber().e164()));
        Instant arrived = CoreTestBeans.NOW.minusSeconds(600);
        history.recordFinishedCall(CustomerId.of(id), new FinishedCall(new Interaction(0, Channel.PHONE,
                Direction.INBOUND, "alice", "card-timings-1", "sales", "answered", "sale", "ordered two", arrived,
                arrived.plusSeconds(200), 12, 3, 145, 40, 30), 0, null, arrived.plusSeconds(230)));

        JsonNode call = api.get("/api/customers/" + id + "/card").json().path("lastInteractions").get(0);

        assertThat(call.path("waitSeconds").asInt()).isEqualTo(12);
        assertThat(call.path("ringSeconds").asInt()).isEqualTo(3);
        assertThat(call.path("talkSeconds").asInt()).isEqualTo(145);
        assertThat(call.path("holdSeconds").asInt()).isEqualTo(40);
        assertThat(call.path("wrapUpSeconds").asInt()).isEqualTo(30);
        assertThat(call.path("queue").asString()).isEqualTo("sales");
        assertThat(call.path("agentId").asString()).isEqualTo("alice");
        assertThat(call.path("disposition").asString()).isEqualTo("sale");
    }
}
