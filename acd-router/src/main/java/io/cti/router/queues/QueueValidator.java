package io.cti.router.queues;

import io.cti.core.ids.QueueName;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a {@link QueueDraft} field by field and either returns the {@link QueueDefinition} it describes or throws
 * {@code invalid-queue} listing every error with its field path ({@code overflow[1].afterSeconds}). Absent optional
 * values take the documented defaults; skills come out sorted by name, so equal definitions are equal records.
 * Thread-safe (stateless).
 */
public final class QueueValidator {

    /** Queue names travel in URLs, the dialplan and AMI: lower-case letters, digits, '-' and '_'. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    static final int MAX_SECONDS = 86_400;
    static final int MAX_SKILLS = 20;
    static final int MAX_STEPS = 10;

    public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;
    public static final RoutingStrategy DEFAULT_STRATEGY = RoutingStrategy.LONGEST_IDLE;
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 20;
    public static final int DEFAULT_WRAP_UP_SECONDS = 30;

    /**
     * @param activeQueue whether a queue of that name exists and is active, for overflow steps that move calls;
     *                    the draft's own name is refused before this is asked
     */
    public QueueDefinition validate(QueueDraft draft, Predicate<QueueName> activeQueue) {
        InputChecks checks = new InputChecks();
        if (draft == null) {
            checks.add("", "required", "a queue definition is required");
            checks.throwIfAny("queue");
        }
        String name = checks.required("name", checks.matching("name", draft.name(), NAME, "invalid-name",
                "a queue name is 1-64 lower-case letters, digits, '-' or '_', starting with a letter"));
        String displayName = checks.text("displayName", draft.displayName(), InputChecks.MAX_TEXT);
        List<SkillRequirement> skills = requirements(checks, "skills", draft.skills());
        Integer maxWait = checks.required("maxWaitSeconds", checks.range("maxWaitSeconds", draft.maxWaitSeconds(), 1, MAX_SECONDS, null));
        ServiceLevelTarget serviceLevel = serviceLevel(checks, draft.serviceLevel(), maxWait);
        Integer shortAbandon = belowMaxWait(checks, "shortAbandonSeconds",
                checks.range("shortAbandonSeconds", draft.shortAbandonSeconds(), 0, MAX_SECONDS, DEFAULT_SHORT_ABANDON_SECONDS), maxWait);
        Integer stickyWait = belowMaxWait(checks, "stickyWaitSeconds",
                checks.range("stickyWaitSeconds", draft.stickyWaitSeconds(), 0, MAX_SECONDS, 0), maxWait);
        Integer ringTimeout = checks.range("ringTimeoutSeconds", draft.ringTimeoutSeconds(), 5, 120, DEFAULT_RING_TIMEOUT_SECONDS);
        Integer wrapUp = checks.range("wrapUpSeconds", draft.wrapUpSeconds(), 0, 600, DEFAULT_WRAP_UP_SECONDS);
        RoutingStrategy strategy = checks.choice("strategy", draft.strategy(), RoutingStrategy.class, DEFAULT_STRATEGY);
        List<OverflowStep> overflow = overflow(checks, draft.overflow(), name, skills, maxWait, activeQueue);
        checks.throwIfAny("queue");
        return new QueueDefinition(QueueName.of(name), displayName == null ? name : displayName, skills, serviceLevel,
                seconds(shortAbandon), seconds(maxWait), overflow, Boolean.TRUE.equals(draft.callbackOffered()), strategy,
                seconds(stickyWait), seconds(ringTimeout), seconds(wrapUp));
    }

    private static ServiceLevelTarget serviceLevel(InputChecks checks, QueueDraft.ServiceLevelDraft draft, Integer maxWait) {
        if (draft == null) {
            checks.required("serviceLevel", null);
            return null;
        }
        Integer percent = checks.required("serviceLevel.percent", checks.range("serviceLevel.percent", draft.percent(), 1, 100, null));
        Integer within = checks.required("serviceLevel.withinSeconds",
                checks.range("serviceLevel.withinSeconds", draft.withinSeconds(), 1, MAX_SECONDS, null));
        if (within != null && maxWait != null && within > maxWait) {
            checks.add("serviceLevel.withinSeconds", "beyond-max-wait",
                    "a target answer time of " + within + " s cannot be met by a queue whose calls wait at most " + maxWait + " s");
            return null;
        }
        return percent == null || within == null ? null : new ServiceLevelTarget(percent, seconds(within));
    }

    private static Integer belowMaxWait(InputChecks checks, String field, Integer value, Integer maxWait) {
        if (value != null && maxWait != null && value > 0 && value >= maxWait) {
            checks.add(field, "not-below-max-wait", "must be less than maxWaitSeconds (" + maxWait + "): " + value);
            return null;
        }
        return value;
    }

    private static List<OverflowStep> overflow(InputChecks checks, List<QueueDraft.OverflowDraft> drafts, String self,
                                               List<SkillRequirement> base, Integer maxWait, Predicate<QueueName> activeQueue) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_STEPS) {
            checks.add("overflow", "too-many", "at most " + MAX_STEPS + " overflow steps");
            return List.of();
        }
        List<OverflowStep> steps = new ArrayList<>();
        List<SkillRequirement> inForce = base;
        Integer previousAfter = null;
        boolean moved = false;
        for (int i = 0; i < drafts.size(); i++) {
            String field = "overflow[" + i + "]";
            QueueDraft.OverflowDraft draft = drafts.get(i);
            if (draft == null) {
                checks.add(field, "required", "an overflow step must not be null");
                continue;
            }
            if (moved) {
                // The call has left this queue by then; the target queue's own overflow applies to it.
                checks.add(field, "after-move", "no step can follow a step that moves the call to another queue");
            }
            Integer after = checks.required(field + ".afterSeconds", checks.range(field + ".afterSeconds", draft.afterSeconds(), 1, MAX_SECONDS, null));
            if (after != null && previousAfter != null && after <= previousAfter) {
                checks.add(field + ".afterSeconds", "not-increasing",
                        "steps must come strictly later one after another: " + after + " is not after " + previousAfter);
            } else if (after != null && maxWait != null && after >= maxWait) {
                checks.add(field + ".afterSeconds", "not-below-max-wait",
                        "a step after the maximum wait (" + maxWait + " s) would never run: " + after);
            }
            previousAfter = after != null ? after : previousAfter;
            if ((draft.widenTo() == null) == (draft.moveTo() == null)) {
                checks.add(field, "one-action", "a step either widens the skills (widenTo) or moves the call (moveTo), exactly one");
                continue;
            }
            OverflowAction action;
            if (draft.widenTo() != null) {
                List<SkillRequirement> widened = requirements(checks, field + ".widenTo", draft.widenTo());
                requireWider(checks, field + ".widenTo", widened, inForce);
                inForce = widened;
                action = new OverflowAction.WidenSkills(widened);
            } else {
                moved = true;
                action = target(checks, field + ".moveTo", draft.moveTo(), self, activeQueue);
            }
            if (after != null && action != null) {
                steps.add(new OverflowStep(seconds(after), action));
            }
        }
        return steps;
    }

    /** Widening keeps a subset of the skills in force, each at the same or a lower minimum. */
    private static void requireWider(InputChecks checks, String field, List<SkillRequirement> widened, List<SkillRequirement> inForce) {
        for (int j = 0; j < widened.size(); j++) {
            SkillRequirement wanted = widened.get(j);
            boolean wider = inForce.stream().anyMatch(r -> r.skill().equals(wanted.skill()) && wanted.minimum().level() <= r.minimum().level());
            if (!wider) {
                checks.add(field + "[" + j + "]", "not-wider", "widening can only drop skills or lower minimums; '"
                        + wanted.skill() + "' at " + wanted.minimum().level() + " is not required at that level or higher before this step");
            }
        }
    }

    private static OverflowAction target(InputChecks checks, String field, String moveTo, String self, Predicate<QueueName> activeQueue) {
        String target = checks.matching(field, moveTo, NAME, "invalid-name",
                "a queue name is 1-64 lower-case letters, digits, '-' or '_', starting with a letter");
        if (target == null) {
            return null;
        }
        if (target.equals(self)) {
            checks.add(field, "self", "a queue cannot overflow into itself");
            return null;
        }
        if (!activeQueue.test(QueueName.of(target))) {
            checks.add(field, "no-such-queue", "no active queue named '" + target + "'");
            return null;
        }
        return new OverflowAction.MoveToQueue(QueueName.of(target));
    }

    /** A list of skills with minimum proficiencies, sorted by skill name; duplicates are errors. */
    static List<SkillRequirement> requirements(InputChecks checks, String field, List<QueueDraft.SkillDraft> drafts) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > MAX_SKILLS) {
            checks.add(field, "too-many", "at most " + MAX_SKILLS + " skills");
            return List.of();
        }
        List<SkillRequirement> result = new ArrayList<>();
        Set<Skill> seen = new HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            String entry = field + "[" + i + "]";
            QueueDraft.SkillDraft draft = drafts.get(i);
            if (draft == null) {
                checks.add(entry, "required", "a skill entry must not be null");
                continue;
            }
            Skill skill = skill(checks, entry + ".skill", draft.skill());
            if (skill != null && !seen.add(skill)) {
                checks.add(entry + ".skill", "duplicate", "skill '" + skill + "' is listed twice");
                skill = null;
            }
            Integer minimum = checks.required(entry + ".minimum",
                    checks.range(entry + ".minimum", draft.minimum(), Proficiency.MIN, Proficiency.MAX, null));
            if (skill != null && minimum != null) {
                result.add(new SkillRequirement(skill, Proficiency.of(minimum)));
            }
        }
        result.sort(Comparator.comparing(r -> r.skill().name()));
        return List.copyOf(result);
    }

    /** A skill name as typed (trimmed, lower-cased); required. */
    public static Skill skill(InputChecks checks, String field, String name) {
        if (name == null || name.isBlank()) {
            checks.required(field, null);
            return null;
        }
        try {
            return Skill.of(name);
        } catch (IllegalArgumentException e) {
            checks.add(field, "invalid-skill", "a skill name is 1-64 characters: a letter, then letters, digits, '_' or '-': '"
                    + InputChecks.printable(name) + "'");
            return null;
        }
    }

    private static Duration seconds(Integer seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
