package io.cti.console.push;

import io.cti.console.access.Role;
import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.TestUsers;
import io.cti.core.bus.MessageBus;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent's desk over REST: always the logged-in agent's own agent and call. */
@ConsoleWebTest
class AgentDeskApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    MessageBus bus;

    @Autowired
    PushHub hub;

    Floor floor;

    @BeforeEach
    void watchTheFloor() {
        floor = new Floor(bus);
    }

    @AfterEach
    void stopWatching() {
        floor.close();
    }

    @Test
    void goingNotReadyWithAReasonPublishesTheCommandForTheAgentsOwnAgent() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);

        Browser.Page answer = browser.postJson("/api/agent/state", Map.of("status", "not-ready", "reason", "training"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("agentId").asString()).isEqualTo(agent);
        await().atMost(PATIENCE).until(() -> !floor.commandsFor(agent).isEmpty());
        assertThat(floor.commandsFor(agent)).singleElement().isInstanceOfSatisfying(ChangeAgentState.class, c -> {
            assertThat(c.requested()).isEqualTo(AgentStatus.NOT_READY);
            assertThat(c.reasonCode()).isEqualTo("training");
        });
    }

    @Test
    void namingAnotherAgentIsRefusedAndPublishesNothing() {
        String agent = users.agent();
        String other = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);

        Browser.Page refused = browser.postJson("/api/agent/state", Map.of("agentId", other, "status", "READY"));
        browser.postJson("/api/agent/state", Map.of("status", "READY"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("not-your-agent");
        await().atMost(PATIENCE).until(() -> !floor.commandsFor(agent).isEmpty());
        assertThat(floor.commandsFor(other)).isEmpty();
    }

    @Test
    void aStateOtherThanReadyNotReadyOrLoggedOutIsRefused() {
        Browser browser = new Browser(port).loggedInAs(users.agent(), TestUsers.PASSWORD);

        Browser.Page refused = browser.postJson("/api/agent/state", Map.of("status", "ON_CALL"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fieldErrors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void aWrapUpGoesOutForTheCallInWrapUpAndEveryFieldErrorIsReportedAtOnce() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        floor.raise(Floor.state(agent, AgentStatus.WRAP_UP, "call-rest"));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent)).isPresent());

        Browser.Page refused = browser.postJson("/api/agent/wrap-up", Map.of("disposition", "", "satisfaction", 9,
                "callbackAt", "2020-01-01T00:00:00Z"));
        Browser.Page accepted = browser.postJson("/api/agent/wrap-up", Map.of("callId", "call-rest",
                "disposition", "sale", "callbackAt", "2025-06-16T09:00:00Z"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("fieldErrors")).hasSize(3);
        assertThat(accepted.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !floor.commandsFor(agent).isEmpty());
        assertThat(floor.commandsFor(agent)).singleElement().isInstanceOfSatisfying(CompleteWrapUp.class, w -> {
            assertThat(w.callId().value()).isEqualTo("call-rest");
            assertThat(w.callbackAt()).hasToString("2025-06-16T09:00:00Z");
        });
    }

    @Test
    void theTransferPickerOffersTheQueuesAndTheOtherAgentsWithTheirNameAndStateButNoCalls() {
        String agent = users.agent();
        String colleague = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        floor.raise(Floor.figures("sales-picker", 2));
        floor.raise(Floor.state(agent, AgentStatus.ON_CALL, "call-picker"));
        floor.raise(Floor.state(colleague, AgentStatus.ON_CALL, "call-of-colleague"));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(colleague)).isPresent()
                && hub.transferTargets(AgentId.of(agent), Map.of()).queues().contains("sales-picker"));

        Browser.Page targets = browser.get("/api/agent/transfer-targets");

        assertThat(targets.status()).isEqualTo(200);
        assertThat(targets.json().path("queues").toString()).contains("\"sales-picker\"");
        assertThat(targets.json().path("agents").toString())
                .contains("\"agentId\":\"" + colleague + "\"", "\"name\":\"Test " + colleague + "\"",
                        "\"status\":\"ON_CALL\"")
                .doesNotContain("\"" + agent + "\"").doesNotContain("call-of-colleague");
        Browser supervisor = new Browser(port).loggedInAs(users.create("floor", Role.SUPERVISOR),
                TestUsers.PASSWORD);
        assertThat(supervisor.get("/api/agent/transfer-targets").status()).isEqualTo(403);
    }

    @Test
    void theAgentsSnapshotShowsTheirStateAndPop() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        floor.raise(Floor.pop(agent, "call-snap", "snapshot"));
        floor.raise(Floor.state(agent, AgentStatus.ON_CALL, "call-snap"));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent)).isPresent());

        Browser.Page snapshot = browser.get("/api/agent");

        assertThat(snapshot.json().path("data").path("state").path("status").asString()).isEqualTo("ON_CALL");
        assertThat(snapshot.json().path("data").path("pop").path("callId").asString()).isEqualTo("call-snap");
    }
}
