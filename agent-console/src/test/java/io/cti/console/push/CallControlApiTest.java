package io.cti.console.push;

import io.cti.console.access.Role;
import io.cti.console.access.UserRepository;
import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.TestUsers;
import io.cti.core.bus.MessageBus;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.TransferTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop's call controls and the wallboard's listen-in over REST: an agent controls only the call they are
 * connected to now, a supervisor joins only a live call, from their own phone. Refusals publish nothing.
 */
@ConsoleWebTest
class CallControlApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    UserRepository userRepository;

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
    void hangingUpEndsOnlyTheCallTheAgentIsConnectedTo() {
        String agent = users.agent();
        Browser browser = onCall(agent, "call-hang");

        Browser.Page foreign = browser.postJson("/api/agent/call/hang-up", Map.of("callId", "someone-elses-call"));
        Browser.Page own = browser.postJson("/api/agent/call/hang-up", Map.of("callId", "call-hang"));

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.error()).isEqualTo("not-your-call");
        assertThat(own.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !floor.callControlsOf("call-hang").isEmpty());
        assertThat(floor.callControlsOf("call-hang")).singleElement().isInstanceOf(HangUp.class);
        assertThat(floor.callControlsOf("someone-elses-call")).isEmpty();
    }

    @Test
    void holdIsRefusedWhenTheAgentIsNotConnectedToACall() {
        String agent = users.agent();
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        floor.raise(Floor.state(agent, AgentStatus.WRAP_UP, "call-wrapping"));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent)).isPresent());

        Browser.Page refused = browser.postJson("/api/agent/call/hold", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).isEqualTo("no-call-to-control");
        assertThat(floor.callControlsOf("call-wrapping")).isEmpty();
    }

    @Test
    void holdNamesTheCallAndTheAgentHoldingIt() {
        String agent = users.agent();
        Browser browser = onCall(agent, "call-hold");

        assertThat(browser.postJson("/api/agent/call/hold", Map.of()).status()).isEqualTo(202);

        await().atMost(PATIENCE).until(() -> !floor.callControlsOf("call-hold").isEmpty());
        assertThat(floor.callControlsOf("call-hold")).singleElement().isInstanceOfSatisfying(HoldCall.class,
                h -> assertThat(h.agentId().value()).isEqualTo(agent));
    }

    @Test
    void aTransferGoesToTheNamedQueueAndNeverToTheAgentThemselves() {
        String agent = users.agent();
        Browser browser = onCall(agent, "call-transfer");

        Browser.Page toSelf = browser.postJson("/api/agent/call/transfer", Map.of("targetKind", "AGENT", "target", agent));
        Browser.Page badKind = browser.postJson("/api/agent/call/transfer", Map.of("targetKind", "PLANET", "target", "x"));
        Browser.Page toQueue = browser.postJson("/api/agent/call/transfer", Map.of("targetKind", "queue", "target", "billing"));

        assertThat(toSelf.status()).isEqualTo(400);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("fieldErrors").get(0).path("field").asString()).isEqualTo("targetKind");
        assertThat(toQueue.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !floor.callControlsOf("call-transfer").isEmpty());
        assertThat(floor.callControlsOf("call-transfer")).singleElement().isInstanceOfSatisfying(TransferCall.class,
                t -> assertThat(t.target()).isEqualTo(new TransferTarget(TransferTarget.Kind.QUEUE, "billing")));
    }

    @Test
    void clickToDialIsRefusedOnACallAndForANumberThatIsNotE164() {
        String busy = users.agent();
        Browser onCall = onCall(busy, "call-busy");
        String free = users.agent();
        Browser idle = new Browser(port).loggedInAs(free, TestUsers.PASSWORD);

        Browser.Page whileBusy = onCall.postJson("/api/agent/dial", Map.of("number", "+8613800138000"));
        Browser.Page badNumber = idle.postJson("/api/agent/dial", Map.of("number", "138 0013 8000\r\nAction: Logoff"));
        Browser.Page dialed = idle.postJson("/api/agent/dial", Map.of("number", "+8613800138000", "customerId", 42));

        assertThat(whileBusy.status()).isEqualTo(409);
        assertThat(whileBusy.error()).isEqualTo("agent-busy");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(dialed.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !floor.dialsOf(free).isEmpty());
        assertThat(floor.dialsOf(free)).singleElement().satisfies(d -> {
            assertThat(d.number().e164()).isEqualTo("+8613800138000");
            assertThat(d.customerId().value()).isEqualTo(42L);
        });
        assertThat(floor.dialsOf(busy)).isEmpty();
    }

    @Test
    void aSupervisorListensToALiveCallFromTheirOwnPhone() {
        String agent = users.agent();
        onCall(agent, "call-spied");
        String supervisor = users.create("sup", Role.SUPERVISOR);
        userRepository.setPhoneEndpoint(supervisor, "PJSIP/3001");
        Browser browser = new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD);

        Browser.Page badMode = browser.postJson("/api/calls/call-spied/spy", Map.of("mode", "record"));
        Browser.Page notLive = browser.postJson("/api/calls/call-gone/spy", Map.of("mode", "LISTEN"));
        Browser.Page whisper = browser.postJson("/api/calls/call-spied/spy", Map.of("mode", "whisper"));

        assertThat(badMode.status()).isEqualTo(400);
        assertThat(notLive.status()).isEqualTo(409);
        assertThat(notLive.error()).isEqualTo("no-live-call");
        assertThat(whisper.status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> !floor.callControlsOf("call-spied").isEmpty());
        assertThat(floor.callControlsOf("call-spied")).singleElement().isInstanceOfSatisfying(Spy.class, s -> {
            assertThat(s.mode()).isEqualTo(SpyMode.WHISPER);
            assertThat(s.supervisorEndpoint()).isEqualTo("PJSIP/3001");
        });
    }

    @Test
    void aSupervisorWithoutAPhoneAndAnAgentCannotListenIn() {
        String agent = users.agent();
        Browser agentBrowser = onCall(agent, "call-private");
        String supervisor = users.create("sup", Role.SUPERVISOR);
        Browser phoneless = new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD);

        Browser.Page noPhone = phoneless.postJson("/api/calls/call-private/spy", Map.of("mode", "LISTEN"));
        Browser.Page byAgent = agentBrowser.postJson("/api/calls/call-private/spy", Map.of("mode", "LISTEN"));

        assertThat(noPhone.status()).isEqualTo(409);
        assertThat(noPhone.error()).isEqualTo("no-phone-endpoint");
        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(floor.callControlsOf("call-private")).isEmpty();
    }

    /** The agent logged in, and the console told they are connected to {@code call}. */
    private Browser onCall(String agent, String call) {
        Browser browser = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD);
        floor.raise(Floor.state(agent, AgentStatus.ON_CALL, call));
        await().atMost(PATIENCE).until(() -> hub.stateOf(AgentId.of(agent))
                .filter(s -> s.status() == AgentStatus.ON_CALL).isPresent());
        return browser;
    }
}
