package io.cti.platform.routing;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.ScreenPopReady;
import io.cti.core.messages.TransferCall;
import io.cti.core.messages.TransferTarget;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.EndpointCall;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.Party;
import io.cti.platform.pbx.EmbeddedPbx;
import io.cti.router.staff.AgentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agent desktop's call controls end to end on the default run's embedded parts: the console's commands on the
 * bus, the router checking them, the bridge acting over real AMI on pbx-sim running the platform dialplan. Hold and
 * resume give CallHeld and CallResumed and the hold time in the interaction row; a transfer to a queue re-routes the
 * caller to an agent of that queue and writes a row per agent; a hold asked by an agent not on the call is refused.
 * No demo traffic: the test places its own calls; the demo bots wrap up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/call-controls",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=50",
        "cti.platform.pbx.traffic.enabled=false",
        "cti.router.demo.wrap-up-after=1s",
})
@DirtiesContext
class CallControlsEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String SUPPORT_NUMBER = "5550100";

    @Autowired
    MessageBus bus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedPbx pbx;

    @Autowired
    AgentRepository agents;

    private final List<DomainMessage> seen = new CopyOnWriteArrayList<>();
    private RunningSubscription subscription;

    @BeforeEach
    void observeAndAnswerPhones() {
        subscription = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.EVENTS)
                .types(ScreenPopReady.class, CallConnected.class, CallHeld.class, CallResumed.class,
                        CallControlRefused.class)
                .build(), seen::add);
        for (int extension = 2001; extension <= 2030; extension++) {
            pbx.simulator().pbx().registerEndpoint("PJSIP/" + extension, EndpointCall::answer).join();
        }
    }

    @AfterEach
    void unsubscribe() {
        subscription.close();
    }

    @Test
    void holdAndResumeFromTheDesktopGiveCallHeldCallResumedAndTheHoldTimeInTheRow() throws Exception {
        CallId call = placeCall();
        AgentId agent = answeredBy(call, 1);

        bus.publish(HoldCall.now(call, agent));
        CallHeld held = await().atMost(PATIENCE).until(() -> first(CallHeld.class, call), Optional::isPresent).get();
        Thread.sleep(2_000); // the caller listens to the music for a while
        bus.publish(ResumeCall.now(call, agent));
        CallResumed resumed = await().atMost(PATIENCE).until(() -> first(CallResumed.class, call), Optional::isPresent)
                .get();
        bus.publish(HangUp.now(call));

        Map<String, Object> row = await().atMost(PATIENCE).until(() -> rows(call.value()), rows -> rows.size() == 1)
                .get(0);
        long heldMillis = Duration.between(held.occurredAt(), resumed.occurredAt()).toMillis();
        assertThat(row).containsEntry("agent_id", agent.value())
                .containsEntry("hold_seconds", (int) Math.floorDiv(heldMillis + 500, 1000));
        assertThat(held.channel()).isEqualTo(resumed.channel());
    }

    @Test
    void aCallTransferredToAQueueIsAnsweredByAnAgentOfThatQueueWithARowPerAgent() {
        CallId call = placeCall();
        AgentId first = answeredBy(call, 1);

        bus.publish(TransferCall.now(call, first, TransferTarget.queue(QueueName.of("sales"))));
        AgentId second = answeredBy(call, 2);
        bus.publish(HangUp.now(call));

        List<Map<String, Object>> rows = await().atMost(PATIENCE)
                .until(() -> rows(call.value(), call.value() + "~t1"), found -> found.size() == 2);
        assertThat(second).isNotEqualTo(first);
        assertThat(rows.get(0)).containsEntry("call_id", call.value()).containsEntry("agent_id", first.value())
                .containsEntry("queue", "support");
        assertThat((String) rows.get(0).get("notes")).contains("transferred to queue sales");
        assertThat(rows.get(1)).containsEntry("call_id", call.value() + "~t1")
                .containsEntry("agent_id", second.value()).containsEntry("queue", "sales");
    }

    @Test
    void anAgentNotOnTheCallCannotHoldIt() {
        CallId call = placeCall();
        AgentId agent = answeredBy(call, 1);
        AgentId other = AgentId.of(agent.value().equals("agent01") ? "agent02" : "agent01");

        bus.publish(HoldCall.now(call, other));

        CallControlRefused refused = await().atMost(PATIENCE)
                .until(() -> first(CallControlRefused.class, call), Optional::isPresent).get();
        assertThat(refused.agentId()).isEqualTo(other);
        assertThat(refused.reasonId()).isEqualTo("not-your-call");
        assertThat(first(CallHeld.class, call)).isEmpty();
        bus.publish(HangUp.now(call));
    }

    private CallId placeCall() {
        String number = jdbc.queryForObject("select e164 from customer_phone order by e164 limit 1", String.class);
        ChannelSnapshot caller = pbx.simulator().pbx().inboundCall(InboundCall.of("PJSIP", "trunk",
                new Party(number, ""), "cti-inbound", SUPPORT_NUMBER)).join();
        return CallId.of(caller.linkedid());
    }

    /** The agent the call's {@code n}-th answer connected it to (their pop names them). */
    private AgentId answeredBy(CallId call, int n) {
        await().atMost(PATIENCE).until(() -> all(CallConnected.class, call).size() >= n);
        String endpoint = all(CallConnected.class, call).get(n - 1).endpoint();
        return await().atMost(PATIENCE).until(() -> all(ScreenPopReady.class, call).stream()
                .map(ScreenPopReady::agentId).filter(agent -> endpointOf(agent).equals(endpoint)).findFirst(),
                Optional::isPresent).get();
    }

    private String endpointOf(AgentId agent) {
        return agents.find(agent).orElseThrow().profile().endpoint().toString();
    }

    private <T extends DomainMessage> List<T> all(Class<T> type, CallId call) {
        return seen.stream().filter(type::isInstance).map(type::cast).filter(m -> call.equals(callOf(m))).toList();
    }

    private <T extends DomainMessage> Optional<T> first(Class<T> type, CallId call) {
        return all(type, call).stream().findFirst();
    }

    private static CallId callOf(DomainMessage message) {
        if (message instanceof CallConnected m) {
            return m.callId();
        } else if (message instanceof ScreenPopReady m) {
            return m.callId();
        } else if (message instanceof CallHeld m) {
            return m.callId();
        } else if (message instanceof CallResumed m) {
            return m.callId();
        } else if (message instanceof CallControlRefused m) {
            return m.callId();
        }
        return null;
    }

    private List<Map<String, Object>> rows(String... callIds) {
        return jdbc.queryForList("select call_id, agent_id, queue, notes, hold_seconds from interaction"
                + " where call_id = any(?) order by started_at", (Object) callIds);
    }
}
