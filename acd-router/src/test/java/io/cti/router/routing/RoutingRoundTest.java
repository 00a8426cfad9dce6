package io.cti.router.routing;

import io.cti.core.customers.Grade;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.call;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A full routing round: who goes first, who gets whom, and why the rest wait. */
class RoutingRoundTest {

    private static final QueueDefinition BILLING = queue("billing", RoutingStrategy.LONGEST_IDLE, needs("billing", 1));
    private static final QueueDefinition SALES = queue("sales", RoutingStrategy.LONGEST_IDLE, needs("sales", 1));
    private static final QueueDefinition RETENTION = queue("keep", RoutingStrategy.LONGEST_IDLE, needs("retention", 1));

    private final PriorityPolicy policy = new PriorityPolicy(PrioritySettings.defaults());

    private WaitingCall customerCall(String id, QueueDefinition queue, CustomerFacts facts, Instant enqueuedAt,
                                     QueueDefinition... existing) {
        CallPriority p = policy.priorityOf(facts, queue.name(), List.of(existing));
        return new WaitingCall(CallId.of(id), queue.name(), p, enqueuedAt, facts, null);
    }

    private static CustomerFacts graded(Grade grade) {
        return CustomerFacts.graded(CustomerId.of(grade.ordinal() + 1), grade);
    }

    @Test
    void theHigherGradeCallerGetsTheOnlyAgent() {
        RoundResult result = router().route(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 5).build()),
                List.of(customerCall("c-b", BILLING, graded(Grade.B), NOW, BILLING),
                        customerCall("c-a", BILLING, graded(Grade.A), NOW, BILLING))), NOW);

        assertThat(result.decisions()).extracting(RoutingDecision::call).containsExactly(CallId.of("c-a"));
    }

    @Test
    void anOldGradeDCallBeatsANewGradeACallOnceItWaitedTheGapInPoints() {
        RoundResult result = router().route(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 5).build()),
                List.of(customerCall("c-d", BILLING, graded(Grade.D), NOW.minusSeconds(301), BILLING),
                        customerCall("c-a", BILLING, graded(Grade.A), NOW, BILLING))), NOW);

        assertThat(result.decisions()).extracting(RoutingDecision::call).containsExactly(CallId.of("c-d"));
    }

    @Test
    void anAgentServingTwoQueuesTakesTheMostUrgentCallOfEither() {
        Agent both = agent("a1").skill("billing", 5).skill("sales", 5).build();

        RoundResult result = router().route(snapshot(List.of(BILLING, SALES), List.of(both),
                List.of(call("c-billing", "billing", 100, NOW), call("c-sales", "sales", 250, NOW))), NOW);

        assertThat(result.decisions()).extracting(RoutingDecision::call).containsExactly(CallId.of("c-sales"));
    }

    @Test
    void eachAgentGetsOneCallAndEachCallOneAgent() {
        List<Agent> agents = List.of(agent("a1").skill("billing", 5).build(), agent("a2").skill("billing", 5).build());
        List<WaitingCall> calls = List.of(call("c1", "billing", 100, NOW), call("c2", "billing", 90, NOW),
                call("c3", "billing", 80, NOW));

        RoundResult result = router().route(snapshot(List.of(BILLING), agents, calls), NOW);

        assertThat(result.decisions()).extracting(RoutingDecision::call).containsExactly(CallId.of("c1"), CallId.of("c2"));
        assertThat(result.decisions()).extracting(RoutingDecision::agent).doesNotHaveDuplicates();
        assertThat(result.waiting()).extracting(WaitExplanation::call).containsExactly(CallId.of("c3"));
    }

    @Test
    void aChurningCustomerIsRoutedToTheRetentionTeam() {
        WaitingCall churning = customerCall("c1", BILLING, graded(Grade.B).withChurnWarning(true), NOW, BILLING, RETENTION);

        RoundResult result = router().route(snapshot(List.of(BILLING, RETENTION), List.of(
                agent("biller").skill("billing", 9).idleFor(Duration.ofHours(5)).build(),
                agent("keeper").skill("retention", 5).build()), List.of(churning)), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(AgentId.of("keeper"));
            assertThat(d.queue()).isEqualTo(QueueName.of("keep"));
            assertThat(d.text()).contains("churn warning → retention");
        });
    }

    @Test
    void aChurningCustomerWithoutRetentionQueueWaitsForAnAgentWithTheRetentionSkill() {
        WaitingCall churning = customerCall("c1", BILLING, graded(Grade.B).withChurnWarning(true), NOW, BILLING);

        RoundResult result = router().route(snapshot(List.of(BILLING), List.of(
                agent("biller").skill("billing", 9).build()), List.of(churning)), NOW);

        assertThat(result.decisions()).isEmpty();
        assertThat(result.waiting().get(0).text()).contains("no free Ready agent with retention>=1");
    }

    @Test
    void aDecisionExplainsPrioritySkillsStrategyAndCandidates() {
        WaitingCall vip = customerCall("c1", BILLING, graded(Grade.A).withVip(true), NOW.minusSeconds(12), BILLING);

        RoutingDecision d = router().route(snapshot(List.of(BILLING), List.of(
                agent("a1").skill("billing", 7).idleFor(Duration.ofSeconds(300)).build(),
                agent("a2").skill("billing", 4).idleFor(Duration.ofSeconds(120)).build()), List.of(vip)), NOW)
                .decisions().get(0);

        assertThat(d.text()).contains("call c1 → agent a1 in queue billing", "priority 512", "grade A +300", "VIP +200",
                "waited 12 s", "skills billing 7 (needs 1)", "strategy LONGEST_IDLE among 2 Ready candidates",
                "a1 (idle 300 s), a2 (idle 120 s)", "sticky: no last agent");
        assertThat(d.reason().candidatesConsidered()).isEqualTo(2);
    }

    @Test
    void aWaitingCallSaysWhichSkillNoReadyAgentHasAndWhoIsBusy() {
        Agent busy = agent("b1").skill("billing", 5).state(new AgentState.OnCall(CallId.of("x"))).build();

        RoundResult result = router().route(snapshot(List.of(BILLING), List.of(busy, agent("s1").skill("sales", 5).build()),
                List.of(call("c1", "billing", 100, NOW))), NOW);

        assertThat(result.waiting()).singleElement().satisfies(w -> assertThat(w.text())
                .contains("call c1 waits in queue billing: no free Ready agent with billing>=1",
                        "1 free Ready agent", "agents with the skills are busy: 1 OnCall"));
    }

    @Test
    void aCallInAnUndefinedQueueWaitsAndSaysSo() {
        RoundResult result = router().route(snapshot(List.of(BILLING), List.of(agent("a1").skill("billing", 5).build()),
                List.of(call("c1", "nowhere", 100, NOW))), NOW);

        assertThat(result.waiting().get(0).text()).contains("queue nowhere is not defined");
    }

    @Test
    void aSnapshotListingAnAgentTwiceIsRefused() {
        Agent a = agent("a1").skill("billing", 5).build();

        assertThatThrownBy(() -> snapshot(List.of(BILLING), List.of(a, a), List.of()))
                .isInstanceOf(RouterException.class)
                .extracting(e -> ((RouterException) e).errorId()).isEqualTo("duplicate-in-routing-snapshot");
    }
}
