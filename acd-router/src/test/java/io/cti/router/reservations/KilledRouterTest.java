package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.waiting.RouterKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A router process killed mid-reservation leaves nothing stuck: after the timeout the reaper makes both routable. */
class KilledRouterTest {

    private static final QueueName SALES = QueueName.of("sales");
    private static final CallId CALL = CallId.of("c-doomed");
    private static final AgentId AGENT = AgentId.of("a-doomed");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final RouterKeys keys = RedisForTests.uniqueKeys();
    private final String prefix = keys.root().substring(0, keys.root().indexOf("{acd}"));
    private final Desk survivor = new Desk(keys, "survivor");
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        survivor.close();
    }

    @Test
    void aRouterKilledMidReservationLeavesCallAndAgentRoutableAgainAfterTheTimeout() throws Exception {
        survivor.enqueue("c-before", SALES, 1);
        survivor.enqueue(CALL.value(), SALES, 2);
        survivor.enqueue("c-after", SALES, 3);
        survivor.ready(AGENT.value(), 0);

        child = startDoomedRouter();
        String said;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            do {
                said = out.readLine();
            } while (said != null && !said.startsWith(DoomedRouterMain.RESERVED) && !said.startsWith("REFUSED"));
            assertThat(said).as("what the doomed router said before its end").startsWith(DoomedRouterMain.RESERVED);
            child.destroyForcibly();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        FencingToken deadRoutersToken =
                FencingToken.of(Long.parseLong(said.substring(DoomedRouterMain.RESERVED.length())));

        // Until reaped, the dead router's reservation holds both, whatever the clock says.
        assertThat(survivor.queue(SALES)).containsExactly("c-before", "c-after");
        assertThat(survivor.agents.isReady(AGENT)).isFalse();

        try (ReservationReaper reaper = ReservationReaper.start(survivor.reservations, Duration.ofMillis(100))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> survivor.queue(SALES).contains(CALL.value())
                    && survivor.agents.isReady(AGENT));
        }

        assertThat(survivor.queue(SALES)).containsExactly("c-before", CALL.value(), "c-after");
        assertThat(survivor.reservations.isCurrent(CALL, deadRoutersToken)).isFalse();
        Reservation taken = ReservationsTest.granted(survivor.reservations.reserve(CALL, AGENT, Duration.ofMinutes(1)));
        assertThat(taken.token()).isGreaterThan(deadRoutersToken);
        assertThat(survivor.reservations.confirm(deadRoutersToken, Duration.ofMinutes(1)))
                .as("a late command of the dead router").isEqualTo(TokenOutcome.STALE);
        assertThat(survivor.reservations.isCurrent(CALL, taken.token())).isTrue();
    }

    private Process startDoomedRouter() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java,
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                DoomedRouterMain.class.getName(),
                RedisForTests.uri(), prefix, CALL.value(), AGENT.value(), Long.toString(TIMEOUT.toMillis()))
                .redirectErrorStream(true)
                .start();
    }
}
