package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.MessageId;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.SkillRequirement;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dispatcher's routing board in the flow, on real PostgreSQL and Redis: what it learns from this process's own
 * events, what it learns from other routers through the change feed and refused reservations, what it reads back
 * after a restart, and when it works out why a call waits.
 */
class DispatcherTest {

    private static final String UNKNOWN = "+14155559999";

    private final FlowDesk desk = new FlowDesk();

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCallTheBoardChoseButAnotherRouterTookGoesThereAndTheFreedAgentTakesTheNextCall() {
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");
        Instant now = Instant.now();
        desk.flow.handle(desk.arrival("c1", UNKNOWN, now.minusSeconds(20)));
        desk.flow.handle(desk.arrival("c2", UNKNOWN, now.minusSeconds(10)));
        InboundCallFlow other = desk.anotherRouter();

        other.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));
        // This router's board still holds c1, the most urgent call: its reservation is refused, and alice gets c2.
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).extracting(ConnectToAgent::callId, ConnectToAgent::agentId).containsExactly(
                tuple(CallId.of("c1"), bob.id()),
                tuple(CallId.of("c2"), alice.id()));
    }

    @Test
    void anAgentFreedHereAfterAnotherRouterMovedThemIsFreedFromWhereTheyAreAndGetsTheCallOnce() {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "lunch"));
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        // This router still has alice at lunch: its first attempt to free her with c1 reserved finds her moved.
        desk.anotherRouter().handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "meeting"));

        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).extracting(ConnectToAgent::callId, ConnectToAgent::agentId)
                .containsExactly(tuple(CallId.of("c1"), alice.id()));
        assertThat(desk.anotherRouter().board().entry(alice.id()).orElseThrow().state())
                .isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }

    @Test
    void aRestartedRouterReadsTheWaitingCallsBackAndServesThemInTheirOrder() {
        Instant now = Instant.now();
        desk.flow.handle(desk.arrival("c-new", UNKNOWN, now.minusSeconds(5)));
        desk.flow.handle(desk.arrival("c-old", UNKNOWN, now.minusSeconds(60)));
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");

        InboundCallFlow restarted = desk.anotherRouter();
        restarted.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        restarted.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).extracting(ConnectToAgent::callId, ConnectToAgent::agentId).containsExactly(
                tuple(CallId.of("c-old"), alice.id()),
                tuple(CallId.of("c-new"), bob.id()));
    }

    @Test
    void aCallQueuedByAnotherRouterReachesAnAgentFreedHere() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        desk.flow.tick();

        other.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).singleElement().satisfies(c -> {
            assertThat(c.callId()).isEqualTo(CallId.of("c1"));
            assertThat(c.agentId()).isEqualTo(alice.id());
        });
    }

    @Test
    void anAgentFreedByAnotherRouterTakesACallQueuedHere() {
        AgentProfile alice = desk.agent("alice");
        InboundCallFlow other = desk.anotherRouter();
        desk.flow.tick();

        other.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));

        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.agentId()).isEqualTo(alice.id()));
    }

    @Test
    void aCallBackInLineAfterAnotherRoutersRonaGoesToAnAgentFreedHere() {
        AgentProfile alice = desk.agent("alice");
        AgentProfile bob = desk.agent("bob");
        desk.flow.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        InboundCallFlow other = desk.anotherRouter();

        other.handle(AgentLegUnanswered.now(CallId.of("c1"), alice.endpoint().toString(), "PJSIP/alice-1", "NOANSWER"));
        desk.flow.handle(ChangeAgentState.now(bob.id(), AgentStatus.READY, ""));

        assertThat(desk.connects()).extracting(ConnectToAgent::agentId).containsExactly(alice.id(), bob.id());
    }

    @Test
    void aQueueEditedToNeedOtherSkillsRoutesItsWaitingCallsWithThemAtTheNextTick() {
        AgentProfile sam = desk.specialist("sam", "support");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        assertThat(desk.connects()).isEmpty();
        QueueDefinition sales = desk.queues.find(desk.sales).orElseThrow().definition();

        desk.queues.replace(new QueueDefinition(sales.name(), sales.displayName(),
                List.of(SkillRequirement.of("support", 3)), sales.serviceLevel(),
                sales.shortAbandon(), sales.maxWait(), sales.overflow(), sales.callbackOffered(), sales.strategy(),
                sales.stickyWait(), sales.ringTimeout(), sales.wrapUp()), null);
        desk.flow.tick();

        assertThat(desk.connects()).singleElement().satisfies(c -> assertThat(c.agentId()).isEqualTo(sam.id()));
    }

    @Test
    void whyACallWaitsIsWorkedOutWhenAskedAndFiledByTheTickNotByEveryEvent() {
        CallId call = CallId.of("c1");
        desk.flow.handle(desk.arrival("c1", UNKNOWN, Instant.now()));
        desk.flow.handle(desk.arrival("c2", UNKNOWN, Instant.now()));

        assertThat(desk.redis.hget(desk.keys.callRecord(call), CallLedger.WAIT_REASON)).isNull();
        assertThat(desk.flow.routingOf(call).orElseThrow().waitReason())
                .contains("call c1 waits in queue sales: no free Ready agent with sales>=3");

        desk.flow.tick();

        assertThat(desk.redis.hget(desk.keys.callRecord(call), CallLedger.WAIT_REASON))
                .contains("no free Ready agent with sales>=3");
    }

    @Test
    void oneTickFilesTheReasonsOfMoreWaitingCallsThanOnePartHolds() {
        Instant now = Instant.now();
        for (int i = 1; i <= 45; i++) {
            desk.flow.handle(desk.arrival("c" + i, UNKNOWN, now.minusSeconds(i)));
        }

        desk.flow.tick();

        for (int i = 1; i <= 45; i++) {
            assertThat(desk.redis.hget(desk.keys.callRecord(CallId.of("c" + i)), CallLedger.WAIT_REASON))
                    .as("c" + i).contains("no free Ready agent with sales>=3");
        }
    }

    @Test
    void oneTickFilesTheReasonsOfCallsInLanesEachCountedInAPartOfItsOwn() {
        List<QueueDefinition> queues = List.of("sales", "billing", "claims", "renewals").stream()
                .map(name -> FlowDesk.queue(name, name, Duration.ZERO, Duration.ofSeconds(30), List.of())).toList();
        FlowDesk four = new FlowDesk(FlowSettings.defaults(), queues.toArray(QueueDefinition[]::new));
        Instant now = Instant.now();
        for (QueueDefinition queue : queues) {
            four.flow.handle(new CallArrived(MessageId.random(), now, CallId.of("c-" + queue.name().value()),
                    "PJSIP/trunk-1", "u-1", UNKNOWN, "5550200", queue.name()));
        }

        four.flow.tick();

        for (QueueDefinition queue : queues) {
            String name = queue.name().value();
            assertThat(four.redis.hget(four.keys.callRecord(CallId.of("c-" + name)), CallLedger.WAIT_REASON))
                    .as(name).contains("no free Ready agent with " + name + ">=3");
        }
    }

    @Test
    void theRandomStrategyMakesTheSameChoicesForTheSameSeed() {
        List<AgentId> first = randomChoices(new FlowDesk(FlowSettings.defaults().withRandomSeed(7), randomQueue()));
        List<AgentId> second = randomChoices(new FlowDesk(FlowSettings.defaults().withRandomSeed(7), randomQueue()));

        assertThat(first).hasSize(5).doesNotHaveDuplicates().isEqualTo(second);
    }

    private static QueueDefinition randomQueue() {
        QueueDefinition sales = FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of());
        return new QueueDefinition(QueueName.of("sales"), "sales", sales.skills(), sales.serviceLevel(),
                sales.shortAbandon(), sales.maxWait(), List.of(), false, RoutingStrategy.RANDOM, Duration.ZERO,
                sales.ringTimeout(), sales.wrapUp());
    }

    private static List<AgentId> randomChoices(FlowDesk desk) {
        for (int i = 1; i <= 5; i++) {
            desk.readyAgent("agent-" + i);
        }
        for (int i = 1; i <= 5; i++) {
            desk.flow.handle(desk.arrival("c" + i, UNKNOWN, Instant.now()));
        }
        return desk.connects().stream().map(ConnectToAgent::agentId).toList();
    }
}
