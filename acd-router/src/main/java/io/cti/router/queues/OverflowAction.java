package io.cti.router.queues;

import io.cti.core.ids.QueueName;
import io.cti.router.skills.SkillRequirement;

import java.util.List;
import java.util.Objects;

/** What overflow does to a call that waited too long: widen the skills it needs, or move it to another queue. */
public sealed interface OverflowAction {

    /** From now on the call needs only {@code requirements} (fewer skills, or lower minimum proficiencies). */
    record WidenSkills(List<SkillRequirement> requirements) implements OverflowAction {
        public WidenSkills {
            requirements = List.copyOf(requirements);
        }
    }

    /** The call moves to {@code target}, keeping the time it has already waited. */
    record MoveToQueue(QueueName target) implements OverflowAction {
        public MoveToQueue {
            Objects.requireNonNull(target, "target");
        }
    }
}
