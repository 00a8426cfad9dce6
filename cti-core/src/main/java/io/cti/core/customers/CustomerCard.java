package io.cti.core.customers;

import io.cti.core.ids.CustomerId;

import java.util.List;
import java.util.Objects;

/**
 * Everything a screen-pop shows about a customer: profile, derived figures, alerts, the last interactions,
 * open service requests and the next planned contact. It is the exact payload the console receives. Immutable.
 */
public record CustomerCard(CustomerId id, int version, CustomerProfile profile, DerivedFigures figures, List<Alert> alerts,
                           List<Interaction> lastInteractions, List<ServiceRequest> openServiceRequests,
                           CarePlanContact nextPlannedContact) {

    public static final int LAST_INTERACTIONS = 10;

    public CustomerCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(figures, "figures");
        alerts = List.copyOf(alerts);
        lastInteractions = List.copyOf(lastInteractions);
        openServiceRequests = List.copyOf(openServiceRequests);
    }
}
