package io.cti.router.routing;

import io.cti.core.customers.CustomerType;
import io.cti.core.customers.Grade;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.Skill;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.cti.router.routing.RoutingFixtures.needs;
import static io.cti.router.routing.RoutingFixtures.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriorityPolicyTest {

    private static final QueueName SALES = QueueName.of("sales");
    private static final QueueDefinition SALES_QUEUE = queue("sales", RoutingStrategy.LONGEST_IDLE, needs("sales", 1));
    private static final QueueDefinition RETENTION_QUEUE = queue("keep", RoutingStrategy.LONGEST_IDLE, needs("retention", 3));
    private static final QueueDefinition WIN_BACK_QUEUE = queue("win", RoutingStrategy.LONGEST_IDLE, needs("win-back", 1));
    private static final QueueDefinition COLLECTIONS_QUEUE = queue("debts", RoutingStrategy.LONGEST_IDLE, needs("collections", 1));

    private final PriorityPolicy policy = new PriorityPolicy(PrioritySettings.defaults());

    private static CustomerFacts graded(Grade grade) {
        return CustomerFacts.graded(CustomerId.of(7), grade);
    }

    private CallPriority priorityOf(CustomerFacts facts, QueueDefinition... queues) {
        return policy.priorityOf(facts, SALES, Arrays.asList(queues));
    }

    @Test
    void gradeAComesBeforeBBeforeCBeforeD() {
        List<Double> bases = List.of(Grade.A, Grade.B, Grade.C, Grade.D).stream()
                .map(g -> priorityOf(graded(g), SALES_QUEUE).base()).toList();

        assertThat(bases).isSortedAccordingTo((a, b) -> Double.compare(b, a)).doesNotHaveDuplicates();
    }

    @Test
    void aVipGetsTheVipBonusOnTopOfTheGrade() {
        CallPriority vip = priorityOf(graded(Grade.B).withVip(true), SALES_QUEUE);

        assertThat(vip.base()).isEqualTo(400);
        assertThat(vip.terms()).containsExactly("grade B +200", "VIP +200");
    }

    @Test
    void aChurnWarningSendsTheCallToTheRetentionQueue() {
        CallPriority p = priorityOf(graded(Grade.C).withChurnWarning(true), SALES_QUEUE, RETENTION_QUEUE);

        assertThat(p.redirect()).isEqualTo(new SkillRedirect.ToQueue(RedirectCause.CHURN_WARNING, Skill.RETENTION,
                QueueName.of("keep")));
        assertThat(p.explain()).contains("churn warning → retention");
    }

    @Test
    void aChurnWarningWithoutRetentionQueueAddsTheRetentionSkillToTheCall() {
        CallPriority p = priorityOf(graded(Grade.C).withChurnWarning(true), SALES_QUEUE);

        assertThat(p.redirect()).isEqualTo(new SkillRedirect.AddSkill(RedirectCause.CHURN_WARNING, Skill.RETENTION));
    }

    @Test
    void aLostCustomerGoesToWinBack() {
        CallPriority p = priorityOf(graded(Grade.D).withType(CustomerType.LOST).withChurnWarning(true),
                SALES_QUEUE, RETENTION_QUEUE, WIN_BACK_QUEUE);

        assertThat(p.redirect()).isEqualTo(new SkillRedirect.ToQueue(RedirectCause.LOST_CUSTOMER, Skill.WIN_BACK,
                QueueName.of("win")));
        assertThat(p.explain()).contains("lost customer → win-back");
    }

    @Test
    void anOverduePaymentGoesToCollectionsWhenSuchAQueueExists() {
        CallPriority p = priorityOf(graded(Grade.A).withOverduePayment(true), SALES_QUEUE, COLLECTIONS_QUEUE);

        assertThat(p.redirect()).isEqualTo(new SkillRedirect.ToQueue(RedirectCause.OVERDUE_PAYMENT, Skill.COLLECTIONS,
                QueueName.of("debts")));
    }

    @Test
    void anOverduePaymentStaysInItsQueueWhenNoCollectionsQueueExists() {
        CallPriority p = priorityOf(graded(Grade.A).withOverduePayment(true), SALES_QUEUE);

        assertThat(p.redirect()).isEqualTo(SkillRedirect.NONE);
        assertThat(p.explain()).contains("overdue payment: no collections queue, stays in sales");
    }

    @Test
    void anUnknownCallerGetsTheConfiguredDefault() {
        PriorityPolicy custom = new PriorityPolicy(PrioritySettings.builder().unknownCallerPoints(150).build());

        CallPriority p = custom.priorityOf(CustomerFacts.unknownCaller(), SALES, List.of(SALES_QUEUE));

        assertThat(p.base()).isEqualTo(150);
        assertThat(p.terms()).containsExactly("unknown caller +150");
    }

    @Test
    void agingLetsAnOldGradeDCallBeatANewGradeACallAfterExactlyTheGapInPointsOverTheRate() {
        // A 300, D 0, 1 point per second: a D call 300 s older ties with a new A call; one more second and it leads.
        java.time.Instant t0 = RoutingFixtures.NOW;
        CallPriority d = priorityOf(graded(Grade.D), SALES_QUEUE);
        CallPriority a = priorityOf(graded(Grade.A), SALES_QUEUE);

        assertThat(d.orderKey(t0)).isEqualTo(a.orderKey(t0.plusSeconds(300)));
        assertThat(d.orderKey(t0)).isLessThan(a.orderKey(t0.plusSeconds(301)));
        assertThat(d.orderKey(t0)).isGreaterThan(a.orderKey(t0.plusSeconds(299)));
        assertThat(d.effectiveAt(t0, t0.plusSeconds(301))).isGreaterThan(a.effectiveAt(t0.plusSeconds(301), t0.plusSeconds(301)));
    }

    @Test
    void invalidSettingsAreRefusedWithEveryProblemListed() {
        assertThatThrownBy(() -> PrioritySettings.builder().grade(Grade.D, 500).vipBonus(-1).agingPerSecond(0).build())
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("grade D gets more points")
                .hasMessageContaining("VIP bonus")
                .hasMessageContaining("aging rate")
                .extracting(e -> ((RouterException) e).errorId()).isEqualTo("invalid-priority-settings");
    }
}
