package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CustomerId;
import io.cti.router.skills.SkillRequirement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing needs to know about a waiting call besides its place: the customer (if the caller's number was
 * recognised), the customer's last agent (for sticky routing), the skills the call needs and the caller's IVR
 * choices (for the screen-pop), and whatever else routing files with the call to rebuild its own view of it after
 * a restart ({@code attributes}, such as the priority's base points and terms, or the customer's grade), stored as
 * given. Immutable.
 */
public record CallContext(Optional<CustomerId> customer, Optional<AgentId> lastAgent,
                          List<SkillRequirement> skills, List<String> ivrChoices, Map<String, String> attributes) {

    /** A call from an unknown number, needing no particular skill, that made no IVR choice. */
    public static final CallContext NONE = new CallContext(Optional.empty(), Optional.empty(), List.of(), List.of(),
            Map.of());

    public CallContext {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(lastAgent, "lastAgent");
        skills = List.copyOf(skills);
        ivrChoices = List.copyOf(ivrChoices);
        attributes = Map.copyOf(attributes);
    }
}
