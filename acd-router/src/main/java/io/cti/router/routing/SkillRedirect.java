package io.cti.router.routing;

import io.cti.core.ids.QueueName;
import io.cti.router.skills.Skill;

import java.util.Objects;

/** Where a customer's record sends a call besides the queue it was dialed into. Immutable values. */
public sealed interface SkillRedirect {

    /** No redirect: the call is routed in the queue it was dialed into. */
    record None() implements SkillRedirect {
    }

    /** The call waits in {@code queue}, the queue that requires {@code skill}. */
    record ToQueue(RedirectCause cause, Skill skill, QueueName queue) implements SkillRedirect {
        public ToQueue {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(skill, "skill");
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** No queue requires {@code skill}: the call stays in its queue but also needs an agent with the skill. */
    record AddSkill(RedirectCause cause, Skill skill) implements SkillRedirect {
        public AddSkill {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(skill, "skill");
        }
    }

    SkillRedirect NONE = new None();
}
