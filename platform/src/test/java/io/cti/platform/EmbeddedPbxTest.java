package io.cti.platform;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HangupParty;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.platform.bridge.AmiEndpoint;
import io.cti.platform.pbx.EmbeddedPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default run's PBX: the embedded pbx-sim with demo calls from the demo customers' numbers, the bridge's live
 * AMI link to it, domain events on the bus, PBX commands from the bus executed on pbx-sim. The demo calls come
 * faster than the default 30 per hour, so the tests see calls within seconds.
 */
@ExtendWith(OutputCaptureExtension.class) // before SpringExtension, so the start-up log is captured too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/embedded-pbx",
        "cti.platform.wipe-data=true",
        // the machine running the tests may export CTI_* variables; the defaults are under test
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=300",
        "cti.platform.pbx.traffic.calls-per-hour=3600",
})
@DirtiesContext // its demo calls come fast: stop them once this class is done instead of running beside later tests
class EmbeddedPbxTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedPbx pbx;

    @Autowired
    AmiEndpoint endpoint;

    @Autowired
    MessageBus bus;

    @Autowired
    JdbcTemplate jdbc;

    private final List<RunningSubscription> subscriptions = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(RunningSubscription::close);
    }

    @Test
    void healthShowsTheAmiLinkUpToTheEmbeddedPbxSim() throws Exception {
        PlatformHttp http = new PlatformHttp(port);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ami(http).path("status").asString()).isEqualTo("UP"));
        JsonNode details = ami(http).path("details");
        assertThat(details.path("pbx").asString()).isEqualTo("127.0.0.1:" + pbx.simulator().port());
        assertThat(details.path("embedded").asBoolean()).isTrue();
        assertThat(details.path("state").asString()).isEqualTo("UP");
    }

    @Test
    void theBridgeLogsInToThePbxSimTheConfigurationStarted() {
        assertThat(endpoint).isEqualTo(pbx.endpoint());
        assertThat(endpoint.embedded()).isTrue();
        assertThat(endpoint.host()).isEqualTo("127.0.0.1");
        assertThat(endpoint.port()).isEqualTo(pbx.simulator().port()).isPositive();
    }

    @Test
    void demoCallersRingInFromTheCustomersNumbersAndArriveOnTheBus() {
        Set<String> customerNumbers = new HashSet<>(jdbc.queryForList("select e164 from customer_phone", String.class));
        List<CallArrived> arrived = new CopyOnWriteArrayList<>();
        subscribe(message -> {
            if (message instanceof CallArrived call) {
                arrived.add(call);
            }
        });

        await().atMost(PATIENCE).until(() -> arrived.stream().anyMatch(call -> customerNumbers.contains(call.ani())));
    }

    @Test
    void aHangUpCommandOnTheBusEndsTheCallOnThePbxSim() throws Exception {
        List<CallArrived> arrived = new CopyOnWriteArrayList<>();
        List<CallEnded> ended = new CopyOnWriteArrayList<>();
        subscribe(message -> {
            if (message instanceof CallArrived call) {
                arrived.add(call);
            } else if (message instanceof CallEnded end) {
                ended.add(end);
            }
        });
        await().atMost(PATIENCE).until(() -> !arrived.isEmpty());
        CallArrived call = arrived.get(0);

        bus.publish(HangUp.now(call.callId()));

        await().atMost(PATIENCE).until(() -> ended.stream().anyMatch(end -> end.callId().equals(call.callId())));
        CallEnded end = ended.stream().filter(e -> e.callId().equals(call.callId())).findFirst().orElseThrow();
        assertThat(end.hungUpBy()).isEqualTo(HangupParty.PLATFORM);
        List<ChannelSnapshot> channels = pbx.simulator().pbx().channels().get();
        assertThat(channels).noneMatch(channel -> channel.linkedid().equals(call.uniqueId())
                || channel.name().equals(call.channel()));
    }

    @Test
    void theBridgesMetricsReachPrometheus() throws Exception {
        PlatformHttp http = new PlatformHttp(port);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ami(http).path("status").asString()).isEqualTo("UP"));

        HttpResponse<String> response = http.get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("cti_bridge_ami_link_up 1.0", "cti_bridge_ami_link_logins_total",
                "cti_bridge_events_published_total");
    }

    @Test
    void thePerRunSecretIsNeverLoggedNorShown(CapturedOutput output) throws Exception {
        String secret = pbx.endpoint().secret();
        HttpResponse<String> health = new PlatformHttp(port).get("/actuator/health");

        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(output.getAll()).contains("PBX: embedded pbx-sim, AMI on 127.0.0.1:" + pbx.simulator().port())
                .doesNotContain(secret);
        assertThat(health.body()).doesNotContain(secret);
    }

    private void subscribe(java.util.function.Consumer<DomainMessage> handler) {
        subscriptions.add(bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.EVENTS)
                .types(CallArrived.class, CallEnded.class)
                .build(), handler::accept));
    }

    private static JsonNode ami(PlatformHttp http) throws Exception {
        HttpResponse<String> response = http.get("/actuator/health");
        return http.json(response.body()).path("components").path("ami");
    }
}
