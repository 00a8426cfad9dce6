package io.cti.platform.routing;

import io.cti.platform.PlatformHttp;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.ScreenPopReady;
import io.cti.pbxsim.calls.ChannelSnapshot;
import io.cti.pbxsim.calls.InboundCall;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Party;
import io.cti.pbxsim.calls.Pbx;
import io.cti.platform.pbx.EmbeddedPbx;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.StoredAgent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
 * Virtual hold end to end on the default run's embedded parts, over real AMI: a customer calls the IVR and presses 9
 * while no agent is logged in; the callback waits in PostgreSQL and Redis; agents log in; the platform rings the
 * chosen agent's phone first (pbx-sim), the screen-pop with the customer's card and IVR choice is on the bus, then
 * the customer is dialed through the trunk and answers; the platform hangs up, the agent wraps up, and the
 * interaction is in the customer's history as outbound. pbx-sim's demo traffic and the agent bots are off, so the
 * test plays the customer, the agents' phones and the agents' consoles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/called-back-caller",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=100",
        "cti.platform.pbx.traffic.enabled=false",
        "cti.router.demo.bots=false",
})
@DirtiesContext
class CalledBackCallerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

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
    void aCallerWhoPressedNineIsCalledBackWhenAnAgentIsFreeTheAgentsPhoneRingingFirst() throws Exception {
        subscription = bus.subscribe(Subscription.builder("test-" + UUID.randomUUID(), "test")
                .streams(BusStream.EVENTS, BusStream.COMMANDS)
                .types(CallbackRequested.class, CallBackCustomer.class, AgentLegRinging.class, ScreenPopReady.class,
                        CallbackDialed.class, CallEnded.class, InteractionRecorded.class)
                .build(), seen::add);
        Pbx pbx = embeddedPbx.simulator().pbx();
        pbx.subscribe(raised::add);
        List<StoredAgent> staff = agents.list(false);
        for (StoredAgent agent : staff) {
            pbx.registerEndpoint(agent.profile().endpoint().toString(), phonePickedUpAfterASecond(pbx)).join();
        }
        pbx.registerEndpoint("PJSIP/trunk", phonePickedUpAfterASecond(pbx)).join();
        String number = jdbc.queryForObject("select e164 from customer_phone order by e164 limit 1", String.class);
        Long customer = jdbc.queryForObject("select customer_id from customer_phone where e164 = ?", Long.class, number);

        ChannelSnapshot caller = pbx.inboundCall(InboundCall.of("PJSIP", "trunk", new Party(number, ""),
                "cti-inbound", "5550000").withDtmf("9")).join();

        await().atMost(PATIENCE).until(() -> "QUEUED".equals(callbackStatus()));
        CallbackRequested request = only(CallbackRequested.class);
        assertThat(request.callerNumber()).isEqualTo(number);
        // The support queue offers callbacks: the platform confirms, the caller hears so and is let go, not queued.
        await().atMost(PATIENCE).until(() -> raised.stream().anyMatch(event -> event.name().equals("Hangup")
                && caller.name().equals(event.get("Channel"))));
        assertThat(raised).noneMatch(event -> event.name().equals("UserEvent")
                && "AcdEnter".equals(event.get("UserEvent")));
        assertThat(seen).noneMatch(CallBackCustomer.class::isInstance);

        staff.forEach(agent -> bus.publish(ChangeAgentState.now(agent.profile().id(), AgentStatus.READY, "")));

        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(CallbackDialed.class::isInstance));
        CallBackCustomer callBack = only(CallBackCustomer.class);
        CallId call = callBack.callId();
        String agentPhone = agents.find(callBack.agentId()).orElseThrow().profile().endpoint().toString();
        assertThat(callBack.number()).isEqualTo(number);
        assertThat(only(AgentLegRinging.class)).satisfies(ringing -> {
            assertThat(ringing.callId()).isEqualTo(call);
            assertThat(ringing.endpoint()).isEqualTo(agentPhone);
        });
        assertThat(only(ScreenPopReady.class)).satisfies(pop -> {
            assertThat(pop.callId()).isEqualTo(call);
            assertThat(pop.agentId()).isEqualTo(callBack.agentId());
            assertThat(pop.card().id().value()).isEqualTo(customer);
            assertThat(pop.ivrChoices()).containsExactly("9 callback");
            assertThat(pop.routingReason()).contains("called back");
        });
        assertThat(only(CallbackDialed.class).outcome()).isEqualTo(OriginateOutcome.ANSWERED);
        List<String> dialed = raised.stream().filter(event -> event.name().equals("DialBegin"))
                .filter(event -> call.value().equals(event.get("DestLinkedid")))
                .map(event -> event.get("DestChannel")).toList();
        assertThat(dialed).hasSize(2);
        assertThat(dialed.get(0)).as("the agent's phone rings first").startsWith(agentPhone + "-");
        assertThat(dialed.get(1)).as("then the customer's, through the trunk").startsWith("PJSIP/trunk-");

        bus.publish(HangUp.now(call));
        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof CallEnded e
                && e.callId().equals(call)));
        bus.publish(new CompleteWrapUp(MessageId.random(), Instant.now(), callBack.agentId(), call, "called-back",
                "customer called back as asked", null, 0));

        await().atMost(PATIENCE).until(() -> seen.stream().anyMatch(m -> m instanceof InteractionRecorded r
                && r.customerId().value() == customer));
        Map<String, Object> row = jdbc.queryForMap("select direction, agent_id, queue, disposition from interaction"
                + " where call_id = ?", call.value());
        assertThat(row).containsEntry("direction", "OUTBOUND").containsEntry("agent_id", callBack.agentId().value())
                .containsEntry("queue", callBack.queue().value()).containsEntry("disposition", "called-back");
        assertThat(callbackStatus()).isEqualTo("DONE");
        assertThat(get("/api/callbacks?includeClosed=true")).contains("\"status\":\"DONE\"", "\"number\":\"" + number);
    }

    private String callbackStatus() {
        List<String> statuses = jdbc.queryForList("select status from router_callback", String.class);
        return statuses.isEmpty() ? null : statuses.get(0);
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

    private String get(String path) throws Exception {
        return new PlatformHttp(port).asDemoSupervisor(path);
    }
}
