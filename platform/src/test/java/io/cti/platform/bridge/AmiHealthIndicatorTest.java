package io.cti.platform.bridge;

import io.cti.bridge.CtiBridge;
import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The {@code ami} health component over a real AMI link to a real pbx-sim. */
class AmiHealthIndicatorTest {

    private static final String SECRET = "health-test-secret";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Simulator sim;
    private CtiBridge bridge;
    private LinkWatch watch;
    private AmiEndpoint endpoint;
    private boolean running = true;
    private AmiHealthIndicator indicator;

    @BeforeEach
    void start() {
        sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser("cti", SECRET))));
        endpoint = new AmiEndpoint("127.0.0.1", sim.port(), "cti", SECRET, true);
        // Quick reconnects and detection, so each test takes well under a second of link time.
        AmiLinkSettings link = new AmiLinkSettings(endpoint.host(), endpoint.port(), "cti", SECRET, "on",
                Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofMillis(20), Duration.ofMillis(200));
        bridge = new CtiBridge(link, TranslatorSettings.defaults(), CallControlSettings.defaults(), event -> { },
                registry);
        watch = new LinkWatch(bridge::linkState, Clock.systemUTC());
        indicator = new AmiHealthIndicator(endpoint, watch, registry, () -> running);
    }

    @AfterEach
    void stop() {
        bridge.close();
        watch.close();
        sim.close();
    }

    @Test
    void upWithTheAddressWhileTheBridgeIsLoggedIn() {
        bridge.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));
        Health health = indicator.health();
        assertThat(health.getDetails())
                .containsEntry("pbx", "127.0.0.1:" + sim.port())
                .containsEntry("embedded", true)
                .containsEntry("state", "UP")
                .containsEntry("logins", 1L)
                .containsEntry("losses", 0L)
                .containsKey("since");
    }

    @Test
    void downWhenThePbxSimStops() {
        bridge.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));

        sim.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.DOWN));
        Health health = indicator.health();
        assertThat(health.getDetails().get("state")).isIn("DOWN", "CONNECTING");
        assertThat(health.getDetails()).containsEntry("losses", 1L).containsEntry("pbx", "127.0.0.1:" + sim.port());
    }

    @Test
    void downBeforeTheFirstLogin() {
        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("state", "DOWN").containsEntry("logins", 0L);
    }

    @Test
    void outOfServiceOnceTheBridgeIsStopped() {
        running = false;

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.getDetails()).containsEntry("state", "STOPPED");
    }

    @Test
    void theSecretIsNeverAmongTheDetails() {
        bridge.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> indicator.health().getStatus().equals(Status.UP));

        assertThat(indicator.health().toString()).doesNotContain(SECRET);
    }
}
