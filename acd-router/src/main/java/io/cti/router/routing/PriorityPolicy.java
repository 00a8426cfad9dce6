package io.cti.router.routing;

import io.cti.core.ids.QueueName;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a caller's customer facts into a {@link CallPriority}: points by grade, a VIP bonus, a configured default
 * for unknown callers, and the redirect of lost, overdue and churning customers to the teams with the skill.
 * Immutable and thread-safe.
 */
public final class PriorityPolicy {

    private final PrioritySettings settings;

    public PriorityPolicy(PrioritySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PrioritySettings settings() {
        return settings;
    }

    /**
     * The priority of a call from {@code caller} dialed into {@code dialed}; {@code queues} are the queues that exist,
     * because a redirect goes to a queue requiring the skill (and collections only where such a queue exists).
     */
    public CallPriority priorityOf(CustomerFacts caller, QueueName dialed, Collection<QueueDefinition> queues) {
        List<String> terms = new ArrayList<>();
        double base;
        if (!caller.known()) {
            base = settings.unknownCallerPoints();
            terms.add("unknown caller " + signed(base));
        } else {
            base = settings.pointsFor(caller.grade());
            terms.add("grade " + caller.grade() + " " + signed(base));
            if (caller.vip()) {
                base += settings.vipBonus();
                terms.add("VIP " + signed(settings.vipBonus()));
            }
        }
        SkillRedirect redirect = redirectOf(caller, dialed, queues, terms);
        return new CallPriority(base, settings.agingPerSecond(), terms, redirect);
    }

    private SkillRedirect redirectOf(CustomerFacts caller, QueueName dialed, Collection<QueueDefinition> queues,
                                     List<String> terms) {
        for (RedirectCause cause : RedirectCause.values()) {
            Skill skill = settings.redirects().get(cause);
            if (skill == null || !applies(cause, caller)) {
                continue;
            }
            Optional<QueueName> queue = queueRequiring(skill, dialed, queues);
            if (queue.isPresent()) {
                terms.add(cause + " → " + skill + " (queue " + queue.get() + ")");
                return new SkillRedirect.ToQueue(cause, skill, queue.get());
            }
            if (!cause.onlyToExistingQueue()) {
                terms.add(cause + " → " + skill);
                return new SkillRedirect.AddSkill(cause, skill);
            }
            terms.add(cause + ": no " + skill + " queue, stays in " + dialed);
        }
        return SkillRedirect.NONE;
    }

    private static boolean applies(RedirectCause cause, CustomerFacts caller) {
        return switch (cause) {
            case LOST_CUSTOMER -> caller.type() == io.cti.core.customers.CustomerType.LOST;
            case OVERDUE_PAYMENT -> caller.overduePayment();
            case CHURN_WARNING -> caller.churnWarning();
        };
    }

    /**
     * The queue that requires {@code skill}: the dialed one if it does, else the most specialised one (fewest
     * requirements), by name when several tie, so the choice does not depend on the order queues were listed.
     */
    private static Optional<QueueName> queueRequiring(Skill skill, QueueName dialed, Collection<QueueDefinition> queues) {
        List<QueueDefinition> requiring = queues.stream()
                .filter(q -> q.skills().stream().map(SkillRequirement::skill).anyMatch(skill::equals))
                .toList();
        if (requiring.stream().anyMatch(q -> q.name().equals(dialed))) {
            return Optional.of(dialed);
        }
        return requiring.stream()
                .min(Comparator.comparingInt((QueueDefinition q) -> q.skills().size())
                        .thenComparing(q -> q.name().value()))
                .map(QueueDefinition::name);
    }

    static String signed(double points) {
        String number = points == Math.rint(points) && Math.abs(points) < 1e15
                ? Long.toString((long) Math.abs(points)) : Double.toString(Math.abs(points));
        return (points < 0 ? "-" : "+") + number;
    }
}
