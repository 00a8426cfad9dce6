package io.cti.pbxsim;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.testing.SimFixture;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many short connections, and readers that fall behind, leave neither threads nor sessions behind. */
class ConnectionChurnTest {

    @Test
    void aThousandConnectionsOpenedAndClosedLeaveNoSessionsAndNoNewThreads() {
        try (SimFixture sim = SimFixture.start(1, Duration.ofMillis(20))) {
            warmUp(sim);
            long threadsBefore = liveThreads();
            for (int i = 0; i < 1000; i++) {
                try (AmiTestClient client = AmiTestClient.connect(sim.port)) {
                    switch (i % 4) {
                        case 0 -> client.send("Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n");
                        case 1 -> client.send("Action: Ping\r\n\r\n");
                        case 2 -> client.send("Action: Log");
                        default -> { }
                    }
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.server.connections() == 0);
            try (AmiTestClient client = sim.login()) {
                client.send("Action: Ping\r\n\r\n");
                assertThat(client.read(Duration.ofSeconds(5)).get("Ping")).isEqualTo("Pong");
            }
            assertThat(liveThreads()).isLessThanOrEqualTo(threadsBefore);
        }
    }

    @Test
    void aClientThatStopsReadingIsDisconnectedInsteadOfGrowingTheServersMemory() throws Exception {
        try (SimFixture sim = SimFixture.start(1, SimFixture.defaultConfig().withMaxPendingOutputBytes(256 * 1024));
             Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", sim.port));
            stalled.getOutputStream().write("Action: Login\r\nUsername: cti\r\nSecret: cti-secret\r\n\r\n".getBytes());
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.server.connections() == 1);
            Thread.sleep(200);
            String filler = "z".repeat(1000);
            for (int i = 0; i < 20_000 && sim.server.connections() > 0; i++) {
                sim.pbx.publish(new ManagerEvent.Builder("UserEvent", "user").add("UserEvent", "Flood")
                        .add("Filler", filler).build());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.server.connections() == 0);
            assertThat(drainsToEnd(stalled.getInputStream())).isTrue();
        }
    }

    /** Live threads, without the ones awaitility starts for its own polling. */
    private static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !thread.getName().startsWith("awaitility"))
                .count();
    }

    private static void warmUp(SimFixture sim) {
        for (int i = 0; i < 20; i++) {
            try (AmiTestClient client = sim.login()) {
                client.send("Action: Logoff\r\n\r\n");
                client.closedByServer(Duration.ofSeconds(2));
            }
        }
    }

    private static boolean drainsToEnd(InputStream in) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int read = in.read(buffer);
            if (read < 0) {
                return true;
            }
        }
    }
}
