package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiRecording;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SegmentComparator;
import io.cti.pbxsim.testing.SegmentComparator.Order;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenarios 01 and 02 of the recording, each on its own connection: an action before login, a wrong secret,
 * and the MD5 challenge login, held against the transcript of Asterisk 20.20.1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {

    private static final Duration FAILURE_DELAY = Duration.ofMillis(300);

    private SimFixture sim;

    @BeforeAll
    void start() {
        sim = SimFixture.start(1, FAILURE_DELAY);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void anActionBeforeLoginAndAWrongSecretAnswerAsRecorded() {
        List<WireMessage> recorded = AmiRecording.transcriptServerMessages("auth");
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Ping\r\nActionID: auth-1\r\n\r\n");
            WireMessage denied = client.read(Duration.ofSeconds(5));
            client.send("Action: Login\r\nUsername: cti\r\nSecret: wrong\r\nActionID: auth-2\r\n\r\n");
            WireMessage failed = client.read(Duration.ofSeconds(5));

            assertThat(new SegmentComparator().compare("auth", recorded, List.of(denied, failed), Order.STRICT,
                    List.of())).isEmpty();
        }
    }

    @Test
    void aWrongSecretIsRefusedOnlyAfterTheConfiguredDelayAndTheConnectionCloses() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            long start = System.nanoTime();
            client.send("Action: Login\r\nUsername: cti\r\nSecret: wrong\r\n\r\n");
            WireMessage failed = client.read(Duration.ofSeconds(5));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failed.get("Message")).isEqualTo("Authentication failed");
            assertThat(waited).isGreaterThanOrEqualTo(FAILURE_DELAY.minusMillis(20));
            assertThat(client.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongSecret() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Login\r\nUsername: nobody\r\nSecret: cti-secret\r\n\r\n");

            assertThat(client.read(Duration.ofSeconds(5)).get("Message")).isEqualTo("Authentication failed");
            assertThat(client.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void theMd5ChallengeLoginAndLogoffAnswerAsRecorded() throws Exception {
        List<WireMessage> recorded = AmiRecording.transcriptServerMessages("md5");
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Challenge\r\nAuthType: MD5\r\nActionID: md5-1\r\n\r\n");
            WireMessage challenge = client.read(Duration.ofSeconds(5));
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((challenge.get("Challenge") + SimFixture.SECRET).getBytes(StandardCharsets.UTF_8)));
            client.send("Action: Login\r\nAuthType: MD5\r\nUsername: cti\r\nKey: " + key
                    + "\r\nEvents: off\r\nActionID: md5-2\r\n\r\n");
            WireMessage accepted = client.read(Duration.ofSeconds(5));
            client.send("Action: Logoff\r\nActionID: md5-3\r\n\r\n");
            WireMessage goodbye = client.read(Duration.ofSeconds(5));

            assertThat(new SegmentComparator().compare("md5", recorded, List.of(challenge, accepted, goodbye),
                    Order.STRICT, List.of())).isEmpty();
            assertThat(client.closedByServer(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void anMd5KeyForAnotherChallengeIsRefused() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            client.read(Duration.ofSeconds(5));
            client.send("Action: Login\r\nAuthType: MD5\r\nUsername: cti\r\nKey: 2f8f14c27ee27fd7f74d1329f1051014"
                    + "\r\n\r\n");

            assertThat(client.read(Duration.ofSeconds(5)).get("Message")).isEqualTo("Authentication failed");
        }
    }

    @Test
    void loginWithEventsOffGetsNoFullyBootedAndNoEvents() {
        try (AmiTestClient client = AmiTestClient.connected(sim.port)) {
            client.send("Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\nEvents: off\r\n\r\n");
            assertThat(client.read(Duration.ofSeconds(5)).get("Message")).isEqualTo("Authentication accepted");
            client.send("Action: UserEvent\r\nUserEvent: Probe\r\n\r\n");

            assertThat(client.read(Duration.ofSeconds(5)).get("Message")).isEqualTo("Event Sent");
            assertThat(client.read(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void connectionsThatNeverLogInAreClosedAfterTheAuthTimeout() {
        try (SimFixture strict = SimFixture.start(1, SimFixture.defaultConfig().withAuthTimeout(Duration.ofMillis(200)));
             AmiTestClient client = AmiTestClient.connected(strict.port)) {
            assertThat(client.closedByServer(Duration.ofSeconds(3))).isTrue();
        }
    }
}
