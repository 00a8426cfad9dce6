package io.cti.router.queues;

import io.cti.router.skills.SkillRequirement;

import java.util.List;

/**
 * A queue definition as a supervisor types it and the REST body carries it: names as text, durations in whole
 * seconds, the strategy by name, so that each wrong value can be reported against its field.
 * {@link QueueValidator} turns it into a {@link QueueDefinition}; {@link #of(QueueDefinition)} goes back, so what
 * GET answers can be PUT again unchanged. Immutable (the lists are the caller's; the validator copies).
 */
public record QueueDraft(
        String name,
        String displayName,
        List<SkillDraft> skills,
        ServiceLevelDraft serviceLevel,
        Integer shortAbandonSeconds,
        Integer maxWaitSeconds,
        List<OverflowDraft> overflow,
        Boolean callbackOffered,
        String strategy,
        Integer stickyWaitSeconds,
        Integer ringTimeoutSeconds,
        Integer wrapUpSeconds) {

    /** A skill the queue's calls need, with the lowest proficiency (1-10) that will do. */
    public record SkillDraft(String skill, Integer minimum) {
    }

    /** "{@code percent}% of calls answered within {@code withinSeconds}". */
    public record ServiceLevelDraft(Integer percent, Integer withinSeconds) {
    }

    /** After {@code afterSeconds} of waiting, either the call needs only {@code widenTo}, or it moves to {@code moveTo}. */
    public record OverflowDraft(Integer afterSeconds, List<SkillDraft> widenTo, String moveTo) {
    }

    /** The draft that describes {@code definition} exactly: validating it gives {@code definition} back. */
    public static QueueDraft of(QueueDefinition definition) {
        return new QueueDraft(definition.name().value(), definition.displayName(), skills(definition.skills()),
                new ServiceLevelDraft(definition.serviceLevel().percent(), seconds(definition.serviceLevel().within())),
                seconds(definition.shortAbandon()), seconds(definition.maxWait()),
                definition.overflow().stream().map(QueueDraft::overflow).toList(), definition.callbackOffered(),
                definition.strategy().name(), seconds(definition.stickyWait()), seconds(definition.ringTimeout()),
                seconds(definition.wrapUp()));
    }

    private static OverflowDraft overflow(OverflowStep step) {
        Integer after = seconds(step.after());
        if (step.action() instanceof OverflowAction.MoveToQueue move) {
            return new OverflowDraft(after, null, move.target().value());
        }
        return new OverflowDraft(after, skills(((OverflowAction.WidenSkills) step.action()).requirements()), null);
    }

    private static List<SkillDraft> skills(List<SkillRequirement> requirements) {
        return requirements.stream().map(r -> new SkillDraft(r.skill().name(), r.minimum().level())).toList();
    }

    private static Integer seconds(java.time.Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }
}
