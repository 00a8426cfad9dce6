package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What arrives on an AMI connection is never trusted: split, truncated, over-long, over-large or random input
 * is answered or dropped the way Asterisk does, the connection goes on working, and the server keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SimFixture sim;

    @BeforeAll
    void start() {
        sim = SimFixture.start(1, Duration.ofMillis(50));
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void aMessageArrivingByteByByteIsReadWhole() {
        try (AmiTestClient client = sim.login()) {
            for (byte b : "Action: Ping\r\nActionID: slow\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) {
                client.send(new byte[] {b});
            }
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("slow");
        }
    }

    @Test
    void linesEndedByLfAloneAreAccepted() {
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Ping\nActionID: lf\n\n");
            WireMessage pong = client.read(WAIT);
            assertThat(pong.get("Ping")).isEqualTo("Pong");
            assertThat(pong.get("ActionID")).isEqualTo("lf");
        }
    }

    @Test
    void anEmptyLineAloneIsAMessageWithoutAction() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("\r\n");
            assertThat(client.read(WAIT).get("Message")).isEqualTo("Missing action in request");
        }
    }

    @Test
    void aTruncatedMessageIsAnsweredOnceItsRestArrives() throws InterruptedException {
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Pi");
            Thread.sleep(100);
            assertThat(client.read(Duration.ofMillis(100))).isNull();
            client.send("ng\r\nActionID: rest\r\n\r\n");
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("rest");
        }
    }

    @Test
    void aConnectionDroppedMidMessageLeavesTheServerServing() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Login\r\nUsername: cti\r\nSecr");
        }
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Ping\r\n\r\n");
            assertThat(client.read(WAIT).get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void aMessageWithALineOverTheLineCapIsDroppedSilentlyAndTheConnectionGoesOn() {
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Ping\r\nActionID: long\r\nX-Filler: " + "x".repeat(5000) + "\r\n\r\n");
            client.send("Action: Ping\r\nActionID: after\r\n\r\n");
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("after");
        }
    }

    @Test
    void aMessageOverTheFrameCapIsAnsweredWithAnErrorAndTheConnectionGoesOn() {
        try (AmiTestClient client = sim.login()) {
            StringBuilder huge = new StringBuilder("Action: Ping\r\n");
            for (int i = 0; i < 100; i++) {
                huge.append("X-Filler-").append(i).append(": ").append("y".repeat(1000)).append("\r\n");
            }
            client.send(huge.append("\r\n").toString());
            WireMessage refused = client.read(WAIT);
            client.send("Action: Ping\r\nActionID: after\r\n\r\n");

            assertThat(refused.get("Response")).isEqualTo("Error");
            assertThat(refused.get("Message")).isEqualTo("Message too large");
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("after");
        }
    }

    @Test
    void moreLinesThanAsteriskKeepsAreRefusedAsAsteriskRefusesThem() {
        try (AmiTestClient client = sim.login()) {
            StringBuilder many = new StringBuilder("Action: Ping\r\n");
            for (int i = 0; i < 130; i++) {
                many.append("H").append(i).append(": v\r\n");
            }
            client.send(many.append("\r\n").toString());
            assertThat(client.read(WAIT).get("Message")).isEqualTo("Too many lines in message or allocation failure");
        }
    }

    @Test
    void randomBytesNeitherCrashTheServerNorBreakTheConnection() {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        try (AmiTestClient client = sim.login()) {
            client.send(garbage);
            client.send("\r\n\r\nAction: Ping\r\nActionID: survivor\r\n\r\n");
            WireMessage last = client.readUntil(m -> "survivor".equals(m.get("ActionID")), Duration.ofSeconds(20))
                    .get(0);
            assertThat(last).isNotNull();
        }
        try (AmiTestClient other = sim.login()) {
            other.send("Action: Ping\r\n\r\n");
            assertThat(other.read(WAIT).get("Ping")).isEqualTo("Pong");
        }
    }

    @Test
    void actionsSentTogetherAreAnsweredInOrder() {
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Ping\r\nActionID: 1\r\n\r\nAction: NoSuchAction\r\nActionID: 2\r\n\r\n"
                    + "Action: Ping\r\nActionID: 3\r\n\r\n");
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("1");
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("2");
            assertThat(client.read(WAIT).isEvent("RequestBadFormat")).isTrue();
            assertThat(client.read(WAIT).get("ActionID")).isEqualTo("3");
        }
    }
}
