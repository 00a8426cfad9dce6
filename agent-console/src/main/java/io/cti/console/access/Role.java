package io.cti.console.access;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a console user may do: take calls as their linked agent, watch and coach (supervisor), run outbound
 * campaigns, or administer users, queues, skills and reason codes. A user holds one or more. Immutable.
 */
public enum Role {
    AGENT,
    SUPERVISOR,
    CAMPAIGN_MANAGER,
    ADMIN;

    /** Spring Security's name for the role, {@code ROLE_<name>}. */
    public GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }
}
