package io.cti.router.routing;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.cti.router.routing.RoutingFixtures.NOW;
import static io.cti.router.routing.RoutingFixtures.agent;
import static io.cti.router.routing.RoutingFixtures.call;
import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static io.cti.router.routing.RoutingFixtures.router;
import static io.cti.router.routing.RoutingFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/** Overflow: after a queue's wait, the call needs fewer skills, or moves to another queue. */
class OverflowRoutingTest {

    private static final QueueDefinition MANDARIN = queue("mandarin", RoutingStrategy.LONGEST_IDLE, Duration.ZERO,
            List.of(new OverflowStep(Duration.ofSeconds(60), new OverflowAction.WidenSkills(List.of(needs("billing", 1))))),
            needs("mandarin", 5), needs("billing", 3));
    private static final QueueDefinition VIP = queue("vip", RoutingStrategy.LONGEST_IDLE, Duration.ZERO,
            List.of(new OverflowStep(Duration.ofSeconds(120), new OverflowAction.MoveToQueue(QueueName.of("general")))),
            needs("vip", 1));
    private static final QueueDefinition GENERAL = queue("general", RoutingStrategy.LONGEST_IDLE, needs("general", 1));

    private final Agent billingOnly = agent("b1").skill("billing", 2).build();
    private final Agent generalist = agent("g1").skill("general", 4).build();

    @Test
    void beforeTheOverflowStepTheCallWaitsForTheFullSkills() {
        RoundResult result = router().route(snapshot(List.of(MANDARIN), List.of(billingOnly),
                List.of(call("c1", "mandarin", 100, NOW.minusSeconds(59)))), NOW);

        assertThat(result.decisions()).isEmpty();
        assertThat(result.waiting().get(0).text()).contains("no free Ready agent with billing>=3, mandarin>=5");
    }

    @Test
    void afterTheOverflowStepTheWidenedSkillsApply() {
        RoundResult result = router().route(snapshot(List.of(MANDARIN), List.of(billingOnly),
                List.of(call("c1", "mandarin", 100, NOW.minusSeconds(60)))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo(AgentId.of("b1"));
            assertThat(d.text()).contains("overflow after 60 s: skills widened to billing>=1");
        });
    }

    @Test
    void afterTheMoveStepTheCallIsRoutedInTheTargetQueue() {
        RoundResult result = router().route(snapshot(List.of(VIP, GENERAL), List.of(generalist),
                List.of(call("c1", "vip", 100, NOW.minusSeconds(120)))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.queue()).isEqualTo(QueueName.of("general"));
            assertThat(d.text()).contains("overflow after 120 s: moved to queue general");
        });
    }

    @Test
    void theBoardAppliesAnOverflowStepWhenItsTimeComes() {
        RoutingBoard board = router().board(snapshot(List.of(MANDARIN), List.of(billingOnly), List.of()), NOW);
        assertThat(board.decideFor(call("c1", "mandarin", 100, NOW), NOW)).isEmpty();

        assertThat(board.round(NOW.plusSeconds(59)).decisions()).isEmpty();
        assertThat(board.round(NOW.plusSeconds(60)).decisions()).extracting(RoutingDecision::call)
                .containsExactly(CallId.of("c1"));
    }

    @Test
    void aMoveToAQueueThatDoesNotExistIsSkippedAndSaysSo() {
        QueueDefinition lost = queue("lost", RoutingStrategy.LONGEST_IDLE, Duration.ZERO,
                List.of(new OverflowStep(Duration.ofSeconds(10), new OverflowAction.MoveToQueue(QueueName.of("nowhere")))),
                needs("general", 1));

        RoundResult result = router().route(snapshot(List.of(lost), List.of(generalist),
                List.of(call("c1", "lost", 100, NOW.minusSeconds(30)))), NOW);

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.queue()).isEqualTo(QueueName.of("lost"));
            assertThat(d.text()).contains("move to queue nowhere skipped (not defined)");
        });
    }
}
