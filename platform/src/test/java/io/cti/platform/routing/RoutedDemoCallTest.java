package io.cti.platform.routing;

import io.cti.platform.PlatformHttp;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.ScreenPopReady;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.QueueRepository;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.core.messages.Spy;
import io.cti.core.messages.SpyMode;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.PbxListener;
import io.cti.platform.pbx.EmbeddedPbx;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the default run's embedded parts: a demo call from a customer's number rings in on pbx-sim over
 * real AMI, the platform's router routes it to a qualified demo agent, the screen-pop with the customer's card is on
 * the bus as the agent's phone rings, the agent talks (with the demo supervisor listening in from the demo's
 * supervisor phone), the platform hangs up, the demo bot wraps up, and the interaction is in the customer's history
 * with refreshed figures and the call in its queue's day charts; a late connect of the call with a reservation
 * token long over is ignored by the bridge. One context for everything (its start is slow).
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/routed-demo-call",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=300",
        "cti.platform.pbx.traffic.calls-per-hour=720",
        "cti.platform.pbx.traffic.unknown-share=0.1",
        "cti.router.demo.wrap-up-after=1s",
})
@DirtiesContext
class RoutedDemoCallTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    MessageBus bus;

    @Autowired
    RouterLifecycle lifecycle;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentRepository agents;

    @Autowired
    QueueRepository queues;

    @Autowired
    EmbeddedPbx embeddedPbx;

    @Autowired
    MeterRegistry meters;

    private final List<DomainMessage> seen = new CopyOnWriteArrayList<>();
    private RunningSubscription subscription;

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            subscription.close();
        }
    }

    @Test
    void theRouterFollowsTheChangeFeedBetweenItsTicks() {
        assertThat(lifecycle.isRunning()).isTrue();
        assertThat(lifecycle.followingChanges()).isTrue();
    }

    @Test
    void theMovesRedisRefusedAsStaleAreCountedForPrometheus() throws Exception {
        assertThat(get("/actuator/prometheus"))
                .containsPattern("(?m)^cti_router_board_moves_stale_total(\\{[^}]*})? [0-9.]+$");
    }

    @Test
    void aDemoCallIsRoutedPoppedTalkedWrappedUpAndWrittenToTheCustomersHistory(CapturedOutput output) throws Exception {
        subscription = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.EVENTS)
                .types(ScreenPopReady.class, AgentLegRinging.class, CallConnected.class, InteractionRecorded.class)
                .build(), seen::add);

        ScreenPopReady pop = await().atMost(PATIENCE).until(this::answeredPopOfAKnownCustomer, Optional::isPresent).get();
        CallId call = pop.callId();

        Long customer = jdbc.queryForObject("select customer_id from customer_phone where e164 = ?", Long.class,
                pop.callerNumber());
        assertThat(pop.card().id().value()).isEqualTo(customer);
        AgentProfile agent = agents.find(pop.agentId()).orElseThrow().profile();
        assertThat(seen).anySatisfy(m -> assertThat(m).isInstanceOfSatisfying(AgentLegRinging.class, ringing -> {
            assertThat(ringing.callId()).isEqualTo(call);
            assertThat(ringing.endpoint()).isEqualTo(agent.endpoint().toString());
        }));
        // The router takes the CallConnected from the bus alongside this test: its phase follows shortly.
        String routing = await().atMost(PATIENCE).until(() -> get("/api/calls/" + call.value() + "/routing"),
                body -> body.contains("\"phase\":\"answered\""));
        assertThat(routing).contains("\"agent\":\"" + agent.id().value() + "\"");

        // The demo supervisor listens in: the bridge rings the demo's supervisor phone, which answers by itself, and
        // ChanSpy attaches to the agent's channel.
        List<ManagerEvent> spying = new CopyOnWriteArrayList<>();
        PbxListener spies = event -> {
            if (event.name().equals("ChanSpyStart")) {
                spying.add(event);
            }
        };
        embeddedPbx.simulator().pbx().subscribe(spies);
        try {
            bus.publish(Spy.now(call, "PJSIP/3001", SpyMode.LISTEN));
            await().atMost(PATIENCE).until(() -> !spying.isEmpty());
        } finally {
            embeddedPbx.simulator().pbx().unsubscribe(spies);
        }
        assertThat(spying.get(0).get("SpyerChannel")).startsWith("PJSIP/3001-");
        assertThat(spying.get(0).get("SpyeeChannel")).startsWith(agent.endpoint().toString() + "-");
        QueueDefinition queue = queues.find(pop.queue()).orElseThrow().definition();
        assertThat(queue.skills()).allMatch(required -> required.metBy(agent.skills()));

        // A late connect of this call from a router that died (its reservation's token long over) is ignored by the
        // bridge, while the router's own connects, fenced by current tokens, were run.
        bus.publish(ConnectToAgent.now(call, agent.id(), agent.endpoint().resource(), Duration.ofSeconds(20), 1));
        await().atMost(PATIENCE).until(() -> bridgeCommands("ConnectToAgent", "fenced") >= 1);
        assertThat(bridgeCommands("ConnectToAgent", "done")).isPositive();

        bus.publish(HangUp.now(call));

        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof InteractionRecorded r
                && r.customerId().value() == customer));
        Map<String, Object> row = jdbc.queryForMap("select agent_id, queue, disposition, ended_at from interaction"
                + " where call_id = ?", call.value());
        assertThat(row).containsEntry("agent_id", agent.id().value()).containsEntry("queue", pop.queue().value())
                .containsEntry("disposition", "resolved");
        Timestamp ended = (Timestamp) row.get("ended_at");
        await().atMost(PATIENCE).until(() -> !jdbc.queryForObject(
                "select computed_at from customer_figures where customer_id = ?", Timestamp.class, customer)
                .before(ended));
        assertThat(get("/api/queues/stats")).contains("\"queue\":\"" + pop.queue().value() + "\"");
        // The wallboard's day charts: the router's counts per quarter hour hold this answered call in its queue.
        JsonNode day = JsonMapper.builder().build().readTree(get("/api/queues/stats/day"));
        JsonNode slots = java.util.stream.StreamSupport.stream(day.path("queues").spliterator(), false)
                .filter(q -> q.path("queue").asString().equals(pop.queue().value())).findFirst().orElseThrow()
                .path("slots");
        long answeredToday = java.util.stream.StreamSupport.stream(slots.spliterator(), false)
                .mapToLong(slot -> slot.path("answered").asLong()).sum();
        assertThat(answeredToday).isPositive();
        assertThat(slots.get(slots.size() - 1).path("start").asString()).isNotBlank();
        assertThat(get("/actuator/prometheus")).contains("cti_router_queue_waiting{queue=\"sales\"}");
        assertThat(output.getAll()).contains("pbx-sim routing off");
    }

    private double bridgeCommands(String type, String outcome) {
        Counter counter = meters.find("cti.bridge.commands").tags("type", type, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A pop of a known caller whose ringing and answer this test saw (it subscribed while calls were going on). */
    private Optional<ScreenPopReady> answeredPopOfAKnownCustomer() {
        return seen.stream().filter(m -> m instanceof ScreenPopReady p && p.knownCaller()).map(ScreenPopReady.class::cast)
                .filter(p -> seen.stream().anyMatch(m -> m instanceof AgentLegRinging r && r.callId().equals(p.callId())))
                .filter(p -> seen.stream().anyMatch(m -> m instanceof CallConnected c && c.callId().equals(p.callId())))
                .findFirst();
    }

    private String get(String path) throws Exception {
        return new PlatformHttp(port).asDemoSupervisor(path);
    }
}
