package io.cti.core.customers;

import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Composes the customer card a screen-pop carries. Figures computed on an earlier day are recomputed first,
 * so recency and churn warnings on a card are always as of today. Thread-safe.
 */
public final class CustomerCards {

    private final CustomerRepository customers;
    private final CustomerHistory history;
    private final CustomerFigures figures;
    private final Clock clock;

    public CustomerCards(CustomerRepository customers, CustomerHistory history, CustomerFigures figures, Clock clock) {
        this.customers = customers;
        this.history = history;
        this.figures = figures;
        this.clock = clock;
    }

    public Optional<CustomerCard> byNumber(PhoneNumber number) {
        return customers.findIdByPhone(number).flatMap(this::byId);
    }

    public Optional<CustomerCard> byId(CustomerId id) {
        return customers.find(id).map(customer -> {
            LocalDate today = LocalDate.now(clock);
            DerivedFigures current = figures.find(id)
                    .filter(f -> f.computedOn().equals(today))
                    .orElseGet(() -> figures.refresh(id));
            List<ServiceRequest> open = history.openServiceRequests(id);
            Optional<CarePlanContact> next = history.nextPlannedContact(id);
            ZoneId zone = customer.profile().timeZone() == null ? clock.getZone() : customer.profile().timeZone();
            List<Alert> alerts = AlertRules.alerts(customer.profile(), current, open, next,
                    LocalDate.ofInstant(clock.instant(), zone));
            return new CustomerCard(id, customer.version(), customer.profile(), current, alerts,
                    history.lastInteractions(id, CustomerCard.LAST_INTERACTIONS), open, next.orElse(null));
        });
    }
}
