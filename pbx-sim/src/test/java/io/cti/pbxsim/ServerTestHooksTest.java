package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SimFixture;
import io.cti.pbxsim.testing.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The AMI server's hooks for testing clients: dropping every connection, injecting raw frames, tapping what
 * clients send; and one client's garbage never disturbing another client.
 */
class ServerTestHooksTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SimFixture sim;

    @BeforeEach
    void start() {
        sim = SimFixture.start(1, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void droppingConnectionsClosesEveryClientAndKeepsListening() {
        try (AmiTestClient first = sim.login(); AmiTestClient second = sim.login()) {
            assertThat(sim.server.dropConnections()).isEqualTo(2);

            // Reading on past whatever was sent before the close (FullyBooted...), each ends.
            assertThat(endsWithin(first, WAIT)).isTrue();
            assertThat(endsWithin(second, WAIT)).isTrue();
        }
        try (AmiTestClient again = sim.login()) {
            again.send("Action: Ping\r\nActionID: back\r\n\r\n");
            assertThat(again.read(WAIT).get("ActionID")).isEqualTo("back");
        }
    }

    /** Reads on (one byte at a time) until the server closes the connection or {@code timeout} passes. */
    private static boolean endsWithin(AmiTestClient client, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.closedByServer(timeout)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void rawBytesReachLoggedInClientsAsTheyAre() {
        try (AmiTestClient loggedIn = sim.login(); AmiTestClient anonymous = AmiTestClient.connected(sim.port)) {
            sim.server.writeRawToClients("Event: MadeUp\r\nKey: value\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            WireMessage injected = loggedIn.read(WAIT);
            assertThat(injected.isEvent("MadeUp")).isTrue();
            assertThat(injected.get("Key")).isEqualTo("value");
            anonymous.send("Action: Ping\r\nActionID: anon\r\n\r\n");
            assertThat(anonymous.read(WAIT).get("Message")).isEqualTo("Permission denied");
        }
    }

    @Test
    void theWireTapSeesEveryByteAClientSends() {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        sim.server.tap((client, bytes) -> {
            synchronized (seen) {
                seen.writeBytes(bytes);
            }
        });
        try (AmiTestClient client = sim.login()) {
            client.send("Action: Ping\r\nActionID: tapped\r\n\r\n");
            client.read(WAIT);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            synchronized (seen) {
                assertThat(seen.toString(StandardCharsets.UTF_8))
                        .contains("Action: Login").contains("Action: Ping\r\nActionID: tapped\r\n\r\n");
            }
        });
    }

    @Test
    void oneClientsGarbageAndOversizedFramesLeaveAnotherClientUndisturbed() {
        byte[] garbage = new byte[100_000];
        new Random(7).nextBytes(garbage);
        try (AmiTestClient bystander = sim.login(); AmiTestClient vandal = sim.login()) {
            vandal.send(garbage);
            vandal.send("Action: Ping\r\n" + "X: " + "y".repeat(200_000) + "\r\n\r\n");
            bystander.send("Action: Ping\r\nActionID: calm\r\n\r\n");
            assertThat(bystander.readUntil(m -> "calm".equals(m.get("ActionID")), WAIT))
                    .anyMatch(m -> "calm".equals(m.get("ActionID")) && "Pong".equals(m.get("Ping")));

            vandal.send("\r\n\r\nAction: Ping\r\nActionID: reformed\r\n\r\n");
            assertThat(vandal.readUntil(m -> "reformed".equals(m.get("ActionID")), Duration.ofSeconds(20)))
                    .isNotEmpty();
        }
    }
}
