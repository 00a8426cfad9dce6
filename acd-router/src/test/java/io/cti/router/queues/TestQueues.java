package io.cti.router.queues;

import java.util.ArrayList;
import java.util.List;

/**
 * Valid queue drafts to change one thing in: every field set, the way a supervisor would fill the form.
 * Not thread-safe (each test builds its own).
 */
final class TestQueues {

    private TestQueues() {
    }

    static Builder valid(String name) {
        return new Builder(name);
    }

    static QueueDraft.SkillDraft skill(String skill, Integer minimum) {
        return new QueueDraft.SkillDraft(skill, minimum);
    }

    static QueueDraft.OverflowDraft widen(Integer after, QueueDraft.SkillDraft... to) {
        return new QueueDraft.OverflowDraft(after, List.of(to), null);
    }

    static QueueDraft.OverflowDraft move(Integer after, String target) {
        return new QueueDraft.OverflowDraft(after, null, target);
    }

    /** A draft with public fields, so a test states only what it changes. */
    static final class Builder {
        String name;
        String displayName = "Test queue";
        List<QueueDraft.SkillDraft> skills = new ArrayList<>(List.of(skill("sales", 5), skill("english", 3)));
        QueueDraft.ServiceLevelDraft serviceLevel = new QueueDraft.ServiceLevelDraft(80, 20);
        Integer shortAbandonSeconds = 5;
        Integer maxWaitSeconds = 300;
        List<QueueDraft.OverflowDraft> overflow = new ArrayList<>(List.of(widen(60, skill("sales", 3)), widen(120, skill("sales", 1))));
        Boolean callbackOffered = true;
        String strategy = "SKILL_WEIGHTED";
        Integer stickyWaitSeconds = 15;
        Integer ringTimeoutSeconds = 20;
        Integer wrapUpSeconds = 30;

        Builder(String name) {
            this.name = name;
        }

        QueueDraft build() {
            return new QueueDraft(name, displayName, skills, serviceLevel, shortAbandonSeconds, maxWaitSeconds, overflow,
                    callbackOffered, strategy, stickyWaitSeconds, ringTimeoutSeconds, wrapUpSeconds);
        }
    }
}
