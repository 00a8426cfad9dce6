package io.cti.router.queues;

import io.cti.router.RouterException;
import io.cti.router.routing.RoutingStrategy;

import java.util.List;

/**
 * The queues of the demo call center: sales, support, billing, retention, win-back, collections and vip, each
 * with its skills, service level and overflow, matching the skills of the demo agents and the routing rules
 * (a churn warning goes to retention, a lost customer to win-back, an overdue payment to collections).
 * Loaded only into a database that has never held a queue, so an administrator's changes are never undone.
 * Thread-safe (stateless).
 */
public final class DemoQueues {

    /** In dependency order: a queue that overflows into another comes after it. */
    static final List<QueueDraft> DRAFTS = List.of(
            // Offers callbacks: the demo IVR's "9, call me back" asks for one in support.
            queue("support", "Customer support", 80, 20, 600, RoutingStrategy.LONGEST_IDLE, true, 0,
                    List.of(skill("support", 3)), List.of(widen(90, skill("support", 1)))),
            queue("sales", "Sales", 80, 20, 300, RoutingStrategy.SKILL_WEIGHTED, true, 15,
                    List.of(skill("sales", 4)), List.of(widen(45, skill("sales", 2)), move(120, "support"))),
            queue("billing", "Billing", 80, 30, 600, RoutingStrategy.FEWEST_CALLS, true, 0,
                    List.of(skill("billing", 3)), List.of(widen(60, skill("billing", 1)))),
            queue("retention", "Retention", 90, 15, 300, RoutingStrategy.SKILL_WEIGHTED, false, 30,
                    List.of(skill("retention", 5)), List.of(widen(60, skill("retention", 3)), move(180, "support"))),
            queue("win-back", "Win-back", 70, 30, 300, RoutingStrategy.ROUND_ROBIN, true, 20,
                    List.of(skill("win-back", 4)), List.of(move(120, "sales"))),
            queue("collections", "Collections", 80, 60, 900, RoutingStrategy.LONGEST_IDLE, true, 0,
                    List.of(skill("collections", 3)), List.of(widen(240, skill("collections", 1)))),
            queue("vip", "VIP line", 95, 10, 180, RoutingStrategy.SKILL_WEIGHTED, false, 60,
                    List.of(skill("english", 5), skill("vip", 7)),
                    List.of(widen(20, skill("vip", 5)), move(60, "retention"))));

    private final QueueValidator validator = new QueueValidator();

    /**
     * Stores the demo queues if no queue was ever stored; returns how many were stored. Another process seeding
     * at the same moment is tolerated: a queue it stored first is skipped.
     */
    public int loadInto(QueueRepository queues) {
        if (!queues.isEmpty()) {
            return 0;
        }
        int stored = 0;
        for (QueueDraft draft : DRAFTS) {
            try {
                queues.create(validator.validate(draft, queues::isActive));
                stored++;
            } catch (RouterException e) {
                if (!e.errorId().equals("duplicate-queue")) {
                    throw e;
                }
            }
        }
        return stored;
    }

    /** The names of the demo queues, in the order they are stored. */
    public static List<String> names() {
        return DRAFTS.stream().map(QueueDraft::name).toList();
    }

    private static QueueDraft queue(String name, String displayName, int percent, int within, int maxWait,
                                    RoutingStrategy strategy, boolean callback, int stickyWait,
                                    List<QueueDraft.SkillDraft> skills, List<QueueDraft.OverflowDraft> overflow) {
        return new QueueDraft(name, displayName, skills, new QueueDraft.ServiceLevelDraft(percent, within), 5, maxWait,
                overflow, callback, strategy.name(), stickyWait, 20, 30);
    }

    private static QueueDraft.SkillDraft skill(String skill, int minimum) {
        return new QueueDraft.SkillDraft(skill, minimum);
    }

    private static QueueDraft.OverflowDraft widen(int after, QueueDraft.SkillDraft... to) {
        return new QueueDraft.OverflowDraft(after, List.of(to), null);
    }

    private static QueueDraft.OverflowDraft move(int after, String target) {
        return new QueueDraft.OverflowDraft(after, null, target);
    }
}
