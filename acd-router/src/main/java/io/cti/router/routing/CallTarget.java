package io.cti.router.routing;

import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.queues.OverflowAction;
import io.cti.router.queues.OverflowStep;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.SkillRequirement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a waiting call is routed at one instant: the queue (after redirect and overflow moves), the skills it needs
 * (after redirect and overflow widening), the terms that say why, and when this changes next (the next overflow
 * step). Immutable.
 *
 * @param queue      null when the call's queue is not defined
 * @param nextChange null when no further overflow step is ahead
 */
record CallTarget(QueueName queueName, QueueDefinition queue, List<SkillRequirement> requirements, List<String> terms,
                  Instant nextChange) {

    private static final Comparator<SkillRequirement> BY_SKILL = Comparator.comparing(r -> r.skill().name());

    boolean admits(Agent agent) {
        return SkillRequirement.allMetBy(requirements, agent.skills());
    }

    /** The target of {@code call} at {@code now}; overflow counts the time waited since the call was enqueued. */
    static CallTarget of(WaitingCall call, Map<QueueName, QueueDefinition> queues, Instant now) {
        List<String> terms = new ArrayList<>(2);
        QueueName name = call.queue();
        SkillRequirement extra = null;
        if (call.priority().redirect() instanceof SkillRedirect.ToQueue to && queues.containsKey(to.queue())) {
            name = to.queue();
            terms.add("redirected to queue " + name + " (" + to.cause() + " → " + to.skill() + ")");
        } else if (call.priority().redirect() instanceof SkillRedirect.ToQueue to) {
            terms.add("redirect to queue " + to.queue() + " skipped (not defined)");
        } else if (call.priority().redirect() instanceof SkillRedirect.AddSkill add) {
            extra = new SkillRequirement(add.skill(), Proficiency.of(Proficiency.MIN));
            terms.add("needs " + add.skill() + " as well (" + add.cause() + ")");
        }
        QueueDefinition queue = queues.get(name);
        if (queue == null) {
            return new CallTarget(name, null, List.of(), terms, null);
        }
        List<SkillRequirement> requirements = withExtra(queue.skills(), extra);
        long waitedMillis = call.waitedAt(now).toMillis();
        Set<QueueName> visited = new HashSet<>(Set.of(name));
        Instant next = null;
        boolean moved = true;
        while (moved) {
            moved = false;
            next = null;
            for (OverflowStep step : inOrder(queue.overflow())) {
                if (step.after().toMillis() > waitedMillis) {
                    next = call.enqueuedAt().plus(step.after());
                    break;
                }
                String when = "overflow after " + Words.seconds(step.after()) + ": ";
                if (step.action() instanceof OverflowAction.WidenSkills widen) {
                    requirements = sorted(widen.requirements());
                    terms.add(when + "skills widened to " + Words.requirements(requirements));
                } else if (step.action() instanceof OverflowAction.MoveToQueue move) {
                    QueueDefinition target = queues.get(move.target());
                    if (target == null || !visited.add(move.target())) {
                        terms.add(when + "move to queue " + move.target() + " skipped ("
                                + (target == null ? "not defined" : "already visited") + ")");
                        continue;
                    }
                    queue = target;
                    requirements = sorted(target.skills());
                    terms.add(when + "moved to queue " + target.name());
                    moved = true;
                    break;
                }
            }
        }
        return new CallTarget(queue.name(), queue, requirements, terms, next);
    }

    private static List<OverflowStep> inOrder(List<OverflowStep> steps) {
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i - 1).after().compareTo(steps.get(i).after()) > 0) {
                return steps.stream().sorted(Comparator.comparing(OverflowStep::after)).toList();
            }
        }
        return steps;
    }

    /** Requirements sorted by skill, so that equal sets of requirements share one lane and one agent pool. */
    private static List<SkillRequirement> sorted(List<SkillRequirement> requirements) {
        for (int i = 1; i < requirements.size(); i++) {
            if (BY_SKILL.compare(requirements.get(i - 1), requirements.get(i)) > 0) {
                return requirements.stream().sorted(BY_SKILL).toList();
            }
        }
        return requirements;
    }

    private static List<SkillRequirement> withExtra(List<SkillRequirement> base, SkillRequirement extra) {
        if (extra == null || base.stream().anyMatch(r -> r.skill().equals(extra.skill()))) {
            return sorted(base);
        }
        List<SkillRequirement> all = new ArrayList<>(base);
        all.add(extra);
        return sorted(all);
    }
}
