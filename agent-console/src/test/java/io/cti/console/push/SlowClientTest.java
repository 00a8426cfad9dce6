package io.cti.console.push;

import io.cti.console.testapp.Browser;
import io.cti.console.testapp.ConsoleWebTest;
import io.cti.console.testapp.PushClient;
import io.cti.console.testapp.TestUsers;
import io.cti.console.access.Role;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.MessageId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading is cut off at the send queue limit (64 frames or 1 MB in the test settings) while
 * another socket of the same agent keeps receiving everything. The pops are handed to the hub directly, each as big
 * as a screen-pop with a long history, to fill the network buffers between the server and the stuck client quickly;
 * the test moves in step with the reading client, so only the stuck one can fall behind.
 */
@ConsoleWebTest
class SlowClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int MAX_FRAMES = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    TestUsers users;

    @Autowired
    PushHub hub;

    @Test
    void aClientThatStopsReadingIsCutOffWhileTheOtherKeepsReceiving() {
        String agent = users.agent();
        String cookie = new Browser(port).loggedInAs(agent, TestUsers.PASSWORD).sessionCookie().orElseThrow();
        String origin = "http://localhost:" + port;
        PushClient stuck = PushClient.openNotReading(port, cookie, origin);
        PushClient reading = PushClient.open(port, cookie, origin);
        reading.awaitType("agent-snapshot");
        reading.countOnly();
        await().atMost(PATIENCE).until(() -> hub.sessionsOf(AgentId.of(agent)) == 2);
        long cutOffsBefore = hub.cutOffs();
        String bulk = "x".repeat(64 * 1024);

        int sent = 0;
        while (hub.sessionsOf(AgentId.of(agent)) == 2 && sent < MAX_FRAMES) {
            hub.publish(Floor.pop(agent, "call-" + sent, bulk + sent));
            sent++;
            int expected = sent + 1; // the snapshot, then every pop
            await().atMost(PATIENCE).until(() -> reading.received() >= expected);
        }
        hub.publish(Floor.pop(agent, "call-marker", "marker after the cut-off"));

        assertThat(hub.sessionsOf(AgentId.of(agent))).as("the stuck socket is gone, the reading one stays").isEqualTo(1);
        assertThat(hub.cutOffs()).isEqualTo(cutOffsBefore + 1);
        reading.await(f -> f.path("data").path("routingReason").asString().equals("marker after the cut-off"));
        assertThat(reading.received()).isEqualTo(sent + 2);
        assertThat(reading.isClosed()).isFalse();
        stuck.resumeReading();
        stuck.awaitClosed();
        assertThat(stuck.received()).isLessThan(sent + 1);
        reading.close();
        stuck.close();
    }

    @Test
    void aWallboardThatStopsReadingIsCutOffWhileAnAgentKeepsReceivingEveryStateInOrder() {
        String agent = users.agent();
        String supervisor = users.create("supervisor", Role.SUPERVISOR);
        String origin = "http://localhost:" + port;
        PushClient stuck = PushClient.openNotReading(port,
                new Browser(port).loggedInAs(supervisor, TestUsers.PASSWORD).sessionCookie().orElseThrow(), origin);
        PushClient reading = PushClient.open(port,
                new Browser(port).loggedInAs(agent, TestUsers.PASSWORD).sessionCookie().orElseThrow(), origin);
        reading.awaitType("agent-snapshot");
        await().atMost(PATIENCE).until(() -> hub.sessions() >= 2 && hub.sessionsOf(AgentId.of(agent)) == 1);
        long cutOffsBefore = hub.cutOffs();
        // Big reason codes fill the network buffers between the server and the stuck wallboard quickly.
        String bulk = "x".repeat(64 * 1024);

        int sent = 0;
        while (hub.cutOffs() == cutOffsBefore && sent < MAX_FRAMES) {
            hub.publish(new AgentStateChanged(MessageId.random(), Floor.NOW, AgentId.of(agent),
                    sent % 2 == 0 ? AgentStatus.NOT_READY : AgentStatus.READY, bulk + "#" + sent, Floor.NOW, null, null));
            sent++;
            int expected = sent + 1; // the snapshot, then every state
            // In step: the reading agent has this state before the next is published, stuck wallboard or not.
            await().atMost(PATIENCE).until(() -> reading.received() >= expected);
        }

        assertThat(hub.cutOffs()).as("the stuck wallboard was cut off").isEqualTo(cutOffsBefore + 1);
        assertThat(sent).isLessThan(MAX_FRAMES);
        List<String> reasons = reading.frames().stream().filter(f -> f.path("type").asString().equals("agent-state"))
                .map(f -> f.path("data").path("reasonCode").asString())
                .map(reason -> reason.substring(reason.indexOf('#') + 1)).toList();
        assertThat(reasons).containsExactlyElementsOf(IntStream.range(0, sent).mapToObj(Integer::toString).toList());
        assertThat(reading.isClosed()).isFalse();
        stuck.resumeReading();
        stuck.awaitClosed();
        assertThat(stuck.received()).isLessThan(sent + 1);
        reading.close();
        stuck.close();
    }
}
