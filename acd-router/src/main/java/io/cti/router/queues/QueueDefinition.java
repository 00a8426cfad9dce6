package io.cti.router.queues;

import io.cti.core.ids.QueueName;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.SkillRequirement;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One ACD queue as a supervisor defines it: the skills its calls need, its service-level target, when a waiting
 * caller is a short abandon, how long a caller may wait, the overflow steps, whether a callback is offered, how an
 * agent is chosen, how long to hold out for the customer's last agent, the agents' ring timeout and wrap-up time.
 * Only structural checks here; the full rules with every error listed live in the validator. Immutable.
 *
 * @param stickyWait how long a call waits for the customer's last agent to become Ready; zero turns sticky off
 */
public record QueueDefinition(QueueName name, String displayName, List<SkillRequirement> skills,
                              ServiceLevelTarget serviceLevel, Duration shortAbandon, Duration maxWait,
                              List<OverflowStep> overflow, boolean callbackOffered, RoutingStrategy strategy,
                              Duration stickyWait, Duration ringTimeout, Duration wrapUp) {

    public QueueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        skills = List.copyOf(skills);
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Objects.requireNonNull(maxWait, "maxWait");
        overflow = List.copyOf(overflow);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(stickyWait, "stickyWait");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(wrapUp, "wrapUp");
    }
}
