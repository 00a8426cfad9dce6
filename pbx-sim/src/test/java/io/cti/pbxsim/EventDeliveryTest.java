package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events go to every logged-in connection that wants them, and only to those. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDeliveryTest {

    private static final String ORIGINATE = "Action: Originate\r\nChannel: Local/answer@fake-customer\r\n"
            + "Application: Wait\r\nData: 1\r\nAsync: true\r\nActionID: o\r\n\r\n";

    private SimFixture sim;

    @BeforeAll
    void start() {
        sim = SimFixture.start(20, Duration.ofMillis(20));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void everySessionWithEventsOnSeesTheSameEventsInTheSameOrder() {
        try (AmiTestClient first = sim.login(); AmiTestClient second = sim.login()) {
            // The second login is a security event the first session sees too.
            first.readUntil(m -> m.isEvent("SuccessfulAuth"), Duration.ofSeconds(5));
            first.send(ORIGINATE);
            List<String> seenByFirst = kinds(first.readUntil(EventDeliveryTest::lastHangup, Duration.ofSeconds(5)));
            List<String> seenBySecond = kinds(second.readUntil(EventDeliveryTest::lastHangup, Duration.ofSeconds(5)));

            assertThat(seenByFirst.get(0)).isEqualTo("Response:Success");
            assertThat(seenBySecond).isEqualTo(seenByFirst.subList(1, seenByFirst.size()));
            assertThat(seenBySecond).contains("Event:OriginateResponse", "Event:Newchannel", "Event:Hangup");
        }
    }

    @Test
    void aSessionAskingForCallEventsOnlyGetsNoDialplanOrUserEvents() {
        try (AmiTestClient caller = sim.login(); AmiTestClient watcher = AmiTestClient.connected(sim.port)) {
            watcher.send("Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\nEvents: call\r\n\r\n");
            assertThat(watcher.read(Duration.ofSeconds(5)).get("Message")).isEqualTo("Authentication accepted");
            caller.send(ORIGINATE);
            caller.send("Action: UserEvent\r\nUserEvent: Marker\r\n\r\n");
            List<WireMessage> seen = new ArrayList<>(watcher.readUntil(EventDeliveryTest::lastHangup,
                    Duration.ofSeconds(5)));
            for (WireMessage more = watcher.read(Duration.ofMillis(300)); more != null;
                 more = watcher.read(Duration.ofMillis(300))) {
                seen.add(more);
            }

            assertThat(seen).extracting(m -> m.get("Privilege")).containsOnly("call,all");
        }
    }

    @Test
    void theEventsActionTurnsDeliveryOffAndOnAgain() {
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Events\r\nEventMask: off\r\n\r\n");
            assertThat(client.read(Duration.ofSeconds(5)).get("Events")).isEqualTo("Off");
            sim.pbx.publish(userEvent("WhileOff"));
            // publish only queues the event on the clock thread; it must have been raised before delivery resumes.
            sim.pbx.barrier().join();
            client.send("Action: Events\r\nEventMask: on\r\n\r\n");
            assertThat(client.read(Duration.ofSeconds(5)).get("Events")).isEqualTo("On");
            sim.pbx.publish(userEvent("WhileOn"));

            assertThat(client.read(Duration.ofSeconds(5)).get("UserEvent")).isEqualTo("WhileOn");
        }
    }

    @Test
    void aConnectionThatHasNotLoggedInGetsNoEvents() {
        try (AmiTestClient anonymous = AmiTestClient.connected(sim.port)) {
            sim.pbx.publish(userEvent("Secret"));
            assertThat(anonymous.read(Duration.ofMillis(300))).isNull();
        }
    }

    private static io.cti.pbxsim.calls.ManagerEvent userEvent(String name) {
        return new io.cti.pbxsim.calls.ManagerEvent.Builder("UserEvent", "user").add("UserEvent", name).build();
    }

    private static boolean lastHangup(WireMessage message) {
        return message.isEvent("Hangup") && message.get("Channel").endsWith(";2");
    }

    private static List<String> kinds(List<WireMessage> messages) {
        return messages.stream().map(WireMessage::kind).toList();
    }
}
