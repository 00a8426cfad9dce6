package io.cti.console.push;

import io.cti.console.access.Role;
import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.PushClient;
import io.cti.console.testapp.TestUsers;
import io.cti.core.bus.MessageBus;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.DialCustomer;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The push socket over a real WebSocket: who may open one, what each socket carries, and the agent's actions. */
@ConsoleWebTest
class PushSocketTest {

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
    final List<PushClient> clients = new ArrayList<>();

    @BeforeEach
    void watchTheFloor() {
        floor = new Floor(bus);
    }

    @AfterEach
    void closeEverything() {
        clients.forEach(PushClient::close);
        floor.close();
    }

    @Test
    void aSocketWithoutALoggedInSessionIsRefusedBeforeTheUpgrade() {
        Browser anonymous = new Browser(port);
        anonymous.csrfToken(); // a session, but nobody logged in

        assertThat(PushClient.refusal(port, null, origin())).contains(401);
        assertThat(PushClient.refusal(port, anonymous.sessionCookie().orElseThrow(), origin())).contains(401);
    }

    @Test
    void aSocketFromAForeignOriginIsRefusedBeforeTheUpgrade() {
        String cookie = loggedInAgent(users.agent());

        assertThat(PushClient.refusal(port, cookie, "http://evil.example")).contains(403);
        assertThat(PushClient.refusal(port, cookie, "http://localhost:1")).contains(403);
        assertThat(PushClient.refusal(port, cookie, null)).contains(403);
        assertThat(PushClient.refusal(port, cookie, origin())).isEmpty();
    }

    @Test
    void httpBasicAloneDoesNotOpenASocket() {
        String agent = users.agent();
        String basic = "Basic " + Base64.getEncoder().encodeToString((agent + ":" + TestUsers.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        assertThat(refusalWithHeader("Authorization", basic)).contains(401);
    }

    @Test
    void aUserWithNothingToPushIsRefused() {
        String manager = users.create("campaigns", Role.CAMPAIGN_MANAGER);
        String cookie = new Browser(port).loggedInAs(manager, TestUsers.PASSWORD).sessionCookie().orElseThrow();

        assertThat(PushClient.refusal(port, cookie, origin())).contains(403);
    }

    @Test
    void anAgentsSocketNeverCarriesAnotherAgentsPopEvenWhenItAsksForTheirIds() {
        String alice = users.agent();
        String bob = users.agent();
        PushClient aliceSocket = socketOf(alice);
        PushClient bobSocket = socketOf(bob);
        aliceSocket.awaitType("agent-snapshot");
        bobSocket.awaitType("agent-snapshot");

        aliceSocket.send("{\"type\":\"subscribe\",\"agentId\":\"" + bob + "\"}");
        aliceSocket.send("{\"type\":\"snapshot\",\"agentId\":\"" + bob + "\"}");
        aliceSocket.send("{\"type\":\"ready\",\"agentId\":\"" + bob + "\"}");
        aliceSocket.send("{\"type\":\"pop\",\"callId\":\"call-of-" + bob + "\"}");
        floor.raise(Floor.pop(bob, "call-of-" + bob, "for bob"));
        floor.raise(Floor.state(bob, AgentStatus.RINGING, "call-of-" + bob));
        floor.raise(Floor.pop(alice, "call-of-" + alice, "for alice"));
        aliceSocket.send("{\"type\":\"ready\"}");

        JsonNode alicePop = aliceSocket.await(f -> f.path("type").asString().equals("pop"));
        bobSocket.await(f -> f.path("type").asString().equals("pop"));
        await().atMost(PATIENCE).until(() -> !floor.commandsFor(alice).isEmpty());
        assertThat(alicePop.path("data").path("callId").asString()).isEqualTo("call-of-" + alice);
        assertThat(aliceSocket.frames()).noneSatisfy(frame -> assertThat(frame.path("data").path("agentId").asString())
                .isEqualTo(bob));
        assertThat(aliceSocket.frames()).filteredOn(f -> f.path("type").asString().equals("error"))
                .extracting(f -> f.path("data").path("error").asString())
                .containsExactly("not-your-agent", "not-your-agent", "not-your-agent", "invalid-request");
        assertThat(floor.commandsFor(bob)).isEmpty();
        assertThat(floor.commandsFor(alice)).singleElement().isInstanceOfSatisfying(ChangeAgentState.class,
                c -> assertThat(c.requested()).isEqualTo(AgentStatus.READY));
    }

    @Test
    void aRefusedCallControlGoesToTheAgentWhoAskedAndToNoOtherAgent() {
        String alice = users.agent();
        String bob = users.agent();
        PushClient aliceSocket = socketOf(alice);
        PushClient bobSocket = socketOf(bob);
        aliceSocket.awaitType("agent-snapshot");
        bobSocket.awaitType("agent-snapshot");
        DialCustomer asked = DialCustomer.now(AgentId.of(alice), new PhoneNumber("+12125550123"), null);

        floor.raise(CallControlRefused.of(asked, AgentId.of(alice), null, "outside-calling-window",
                "+1212***0123 may be called only 08:00-21:00 local time"));
        // Raised after the refusal on the same stream: once bob has it, he would have had the refusal too.
        floor.raise(Floor.pop(bob, "call-of-" + bob, "for bob"));

        JsonNode refused = aliceSocket.await(f -> f.path("type").asString().equals("call-control-refused"));
        bobSocket.await(f -> f.path("type").asString().equals("pop"));
        assertThat(refused.path("data").path("reasonId").asString()).isEqualTo("outside-calling-window");
        assertThat(refused.path("data").path("requestType").asString()).isEqualTo("DialCustomer");
        assertThat(refused.path("data").path("request").asString()).isEqualTo(asked.id().toString());
        assertThat(bobSocket.frames()).noneSatisfy(frame -> assertThat(frame.path("type").asString())
                .isEqualTo("call-control-refused"));
    }

    @Test
    void aSocketOpenedMidCallGetsTheAgentsStateAndPopInItsSnapshot() {
        String agent = users.agent();
        String cookie = loggedInAgent(agent);
        floor.raise(Floor.pop(agent, "call-ringing", "ringing now"));
        floor.raise(Floor.state(agent, AgentStatus.RINGING, "call-ringing"));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent)).isPresent());

        PushClient socket = open(cookie);
        JsonNode snapshot = socket.awaitType("agent-snapshot").path("data");

        assertThat(snapshot.path("agentId").asString()).isEqualTo(agent);
        assertThat(snapshot.path("state").path("status").asString()).isEqualTo("RINGING");
        assertThat(snapshot.path("pop").path("callId").asString()).isEqualTo("call-ringing");
        assertThat(snapshot.path("pop").path("callerNumber").asString()).isEqualTo("+14155550123");
    }

    @Test
    void aReconnectingSocketCatchesUpOnWhatItMissed() {
        String agent = users.agent();
        String cookie = loggedInAgent(agent);
        PushClient first = open(cookie);
        first.awaitType("agent-snapshot");
        first.close();
        await().atMost(PATIENCE).until(() -> hub.sessionsOf(AgentId.of(agent)) == 0);

        floor.raise(Floor.state(agent, AgentStatus.NOT_READY, null));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent)).isPresent());
        PushClient second = open(cookie);

        assertThat(second.awaitType("agent-snapshot").path("data").path("state").path("status").asString())
                .isEqualTo("NOT_READY");
    }

    @Test
    void aSupervisorSeesEveryAgentAndQueueButAnAgentSeesNoQueueFigures() {
        String agent = users.agent();
        String otherAgent = users.agent();
        String supervisor = users.create("supervisor", Role.SUPERVISOR);
        PushClient wallboard = open(new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD).sessionCookie()
                .orElseThrow());
        PushClient desk = socketOf(agent);
        wallboard.awaitType("wallboard-snapshot");
        desk.awaitType("agent-snapshot");
        String queue = "queue-" + agent;

        floor.raise(Floor.figures(queue, 3));
        floor.raise(Floor.state(otherAgent, AgentStatus.ON_CALL, "call-x"));
        floor.raise(Floor.state(agent, AgentStatus.READY, null));

        wallboard.await(f -> f.path("type").asString().equals("queue-figures")
                && f.path("data").path("queue").asString().equals(queue) && f.path("data").path("waiting").asInt() == 3);
        wallboard.await(f -> f.path("type").asString().equals("agent-state")
                && f.path("data").path("agentId").asString().equals(otherAgent));
        desk.await(f -> f.path("type").asString().equals("agent-state"));
        assertThat(desk.frames()).extracting(f -> f.path("type").asString())
                .doesNotContain("queue-figures", "wallboard-snapshot", "pop");
        assertThat(desk.frames()).noneSatisfy(frame -> assertThat(frame.path("data").path("agentId").asString())
                .isEqualTo(otherAgent));
    }

    @Test
    void theAgentsActionsBecomeCommandsForTheirOwnAgent() {
        String agent = users.agent();
        PushClient socket = socketOf(agent);
        socket.awaitType("agent-snapshot");

        socket.send("{\"type\":\"ready\"}");
        socket.send("{\"type\":\"not-ready\",\"reason\":\"break\"}");
        socket.send("{\"type\":\"not-ready\"}");
        socket.send("{\"type\":\"log-out\",\"agentId\":\"" + agent + "\"}");

        await().atMost(PATIENCE).until(() -> floor.commandsFor(agent).size() == 3);
        assertThat(floor.commandsFor(agent)).extracting(c -> ((ChangeAgentState) c).requested() + "/"
                + ((ChangeAgentState) c).reasonCode()).containsExactly("READY/", "NOT_READY/break", "LOGGED_OUT/");
        JsonNode refused = socket.awaitType("error").path("data");
        assertThat(refused.path("error").asString()).isEqualTo("invalid-state-change");
        assertThat(refused.path("fieldErrors").get(0).path("field").asString()).isEqualTo("reason");
    }

    @Test
    void aWrapUpIsAcceptedOnlyForTheCallTheAgentIsWrappingUp() {
        String agent = users.agent();
        PushClient socket = socketOf(agent);
        socket.awaitType("agent-snapshot");
        socket.send("{\"type\":\"wrap-up\",\"disposition\":\"resolved\"}");
        socket.await(f -> f.path("data").path("error").asString().equals("no-call-to-wrap-up"));
        floor.raise(Floor.state(agent, AgentStatus.WRAP_UP, "call-done"));
        socket.await(f -> f.path("type").asString().equals("agent-state"));

        socket.send("{\"type\":\"wrap-up\",\"callId\":\"someone-elses-call\",\"disposition\":\"resolved\"}");
        socket.await(f -> f.path("data").path("error").asString().equals("not-your-call"));
        socket.send("{\"type\":\"wrap-up\",\"disposition\":\"resolved\",\"notes\":\"all good\",\"satisfaction\":5}");

        await().atMost(PATIENCE).until(() -> !floor.commandsFor(agent).isEmpty());
        assertThat(floor.commandsFor(agent)).singleElement().isInstanceOfSatisfying(CompleteWrapUp.class, w -> {
            assertThat(w.callId().value()).isEqualTo("call-done");
            assertThat(w.disposition()).isEqualTo("resolved");
            assertThat(w.notes()).isEqualTo("all good");
            assertThat(w.satisfaction()).isEqualTo(5);
        });
        assertThat(socket.awaitType("accepted").path("data").path("details").path("callId").asString())
                .isEqualTo("call-done");
    }

    @Test
    void loggingOutClosesTheSessionsSocketsAndTakesTheAgentOutOfTheQueues() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        PushClient socket = open(browser.sessionCookie().orElseThrow());
        socket.awaitType("agent-snapshot");

        browser.postForm("/logout", Map.of("_csrf", browser.csrfToken()));

        // 1008 when Tomcat closes the sockets of the ended HTTP session itself (as Jakarta WebSocket asks), before
        // the console's own close with 4401 "session ended" gets there.
        assertThat(socket.awaitClosed()).isIn(1008, 4401);
        await().atMost(PATIENCE).until(() -> !floor.commandsFor(agent).isEmpty());
        assertThat(floor.commandsFor(agent)).singleElement().isInstanceOfSatisfying(ChangeAgentState.class,
                c -> assertThat(c.requested()).isEqualTo(AgentStatus.LOGGED_OUT));
    }

    @Test
    void aMessageOverTheInboundLimitClosesTheSocket() {
        PushClient socket = socketOf(users.agent());
        socket.awaitType("agent-snapshot");

        socket.send("{\"type\":\"ready\",\"notes\":\"" + "x".repeat(20_000) + "\"}");

        assertThat(socket.awaitClosed()).isEqualTo(1009);
    }

    private Optional<Integer> refusalWithHeader(String name, String value) {
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().header(name, value).header("Origin", origin())
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                    }).join().abort();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        }
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private String loggedInAgent(String agent) {
        return new Browser(port).loggedInAs(agent, TestUsers.PASSWORD).sessionCookie().orElseThrow();
    }

    private PushClient socketOf(String agent) {
        return open(loggedInAgent(agent));
    }

    private PushClient open(String cookie) {
        PushClient client = PushClient.open(port, cookie, origin());
        clients.add(client);
        return client;
    }
}
