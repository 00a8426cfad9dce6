package io.cti.platform.routing;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.dialing.CallWindow;
import io.cti.core.dialing.CalleeZones;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.phone.PhoneNumber;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;
import io.cti.platform.pbx.EmbeddedPbx;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.StoredAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Click-to-dial end to end on the default run's embedded parts, over real AMI on pbx-sim: an agent asks to call a
 * customer; the router checks and sends CallBackCustomer; the agent's phone rings first, then the customer's number
 * is dialed through the trunk and answers; the call ends and is in the customer's history as outbound with its
 * timings. Demo traffic and agent bots are off: the test plays the agent's console, their phone and the customer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/click-to-dial",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=50",
        "cti.platform.pbx.traffic.enabled=false",
        "cti.router.demo.bots=false",
})
@DirtiesContext
class ClickToDialEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Numbers in regions whose calling windows together cover every hour of the day (UTC). */
    private static final List<String> AROUND_THE_WORLD = List.of("+8613800138000", "+442079460123", "+12125550123",
            "+61291234567", "+4930123456");

    @Autowired
    MessageBus bus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AgentRepository agents;

    @Autowired
    EmbeddedPbx embeddedPbx;

    private final List<DomainMessage> seen = new CopyOnWriteArrayList<>();
    private final List<ManagerEvent> raised = new CopyOnWriteArrayList<>();
    private RunningSubscription subscription;

    @AfterEach
    void unsubscribe() {
        if (subscription != null) {
            subscription.close();
        }
    }

    @Test
    void theAgentsPhoneRingsThenTheCustomersNumberIsDialedAndTheCallIsInTheirHistoryAsOutbound() {
        subscription = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.EVENTS, BusStream.COMMANDS)
                .types(AgentStateChanged.class, CallBackCustomer.class, AgentLegRinging.class, CallbackDialed.class,
                        CallEnded.class, InteractionRecorded.class, CallControlRefused.class)
                .build(), seen::add);
        Pbx pbx = embeddedPbx.simulator().pbx();
        pbx.subscribe(raised::add);
        StoredAgent stored = agents.list(false).get(0);
        AgentId agent = stored.profile().id();
        String agentPhone = stored.profile().endpoint().toString();
        pbx.registerEndpoint(agentPhone, phonePickedUpAfterASecond(pbx)).join();
        pbx.registerEndpoint("PJSIP/trunk", phonePickedUpAfterASecond(pbx)).join();
        long customer = jdbc.queryForObject("select min(customer_id) from customer_phone", Long.class);
        PhoneNumber number = callableNow();

        bus.publish(ChangeAgentState.now(agent, AgentStatus.READY, ""));
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof AgentStateChanged s
                && s.agentId().equals(agent) && s.status() == AgentStatus.READY));
        bus.publish(DialCustomer.now(agent, number, CustomerId.of(customer)));

        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof CallbackDialed
                || m instanceof CallControlRefused));
        assertThat(seen).noneMatch(CallControlRefused.class::isInstance);
        CallBackCustomer dial = only(CallBackCustomer.class);
        CallId call = dial.callId();
        assertThat(dial.agentId()).isEqualTo(agent);
        assertThat(dial.number()).isEqualTo(number.e164());
        assertThat(only(AgentLegRinging.class).endpoint()).isEqualTo(agentPhone);
        assertThat(only(CallbackDialed.class).outcome()).isEqualTo(OriginateOutcome.ANSWERED);
        List<String> dialed = raised.stream().filter(event -> event.name().equals("DialBegin"))
                .filter(event -> call.value().equals(event.get("DestLinkedid")))
                .map(event -> event.get("DestChannel")).toList();
        assertThat(dialed).hasSize(2);
        assertThat(dialed.get(0)).as("the agent's phone rings first").startsWith(agentPhone + "-");
        assertThat(dialed.get(1)).as("then the customer's, through the trunk").startsWith("PJSIP/trunk-");

        bus.publish(HangUp.now(call));

        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof InteractionRecorded r
                && r.customerId().value() == customer));
        Map<String, Object> row = jdbc.queryForMap("select direction, agent_id, outcome, talk_seconds from interaction"
                + " where call_id = ?", call.value());
        assertThat(row).containsEntry("direction", "OUTBOUND").containsEntry("agent_id", agent.value())
                .containsEntry("outcome", "answered");
        assertThat(row.get("talk_seconds")).isNotNull();
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof AgentStateChanged s
                && s.agentId().equals(agent) && s.status() == AgentStatus.READY && s.occurredAt().isAfter(
                only(CallbackDialed.class).occurredAt())));
    }

    /** A number the usual calling window lets be called now, wherever on the clock the test runs. */
    private static PhoneNumber callableNow() {
        Instant now = Instant.now();
        return AROUND_THE_WORLD.stream().map(PhoneNumber::new)
                .filter(n -> CallWindow.USUAL.allows(now, CalleeZones.builtIn().of(n))).findFirst()
                .orElseThrow(() -> new AssertionError("no region of " + AROUND_THE_WORLD + " may be called at " + now));
    }

    private <T extends DomainMessage> T only(Class<T> type) {
        List<T> found = seen.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static io.cti.pbxsim.calls.EndpointBehaviour phonePickedUpAfterASecond(Pbx pbx) {
        return call -> {
            call.ringing();
            pbx.clock().schedule(Duration.ofSeconds(1), (Runnable) call::answer);
        };
    }
}
