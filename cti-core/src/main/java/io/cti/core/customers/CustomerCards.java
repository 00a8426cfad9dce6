package io.cti.core.customers;

import io.cti.core.ids.CustomerId;
import io.cti.core.phone.PhoneNumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Composes the customer card a screen-pop carries. The card is read in one SQL statement (one round trip, one
 * consistent snapshot; see {@link CardQuery}), since a screen-pop waits on it. Figures computed on an earlier
 * day are recomputed first, so recency and churn warnings on a card are always as of today. Thread-safe.
 */
public final class CustomerCards {

    private final CardQuery query;
    private final CustomerFigures figures;
    private final Clock clock;

    /** {@code history} is not read: the card query reads the history itself. Kept for the callers' wiring. */
    public CustomerCards(CustomerRepository customers, CustomerHistory history, CustomerFigures figures, Clock clock) {
        this.query = new CardQuery(customers);
        this.figures = figures;
        this.clock = clock;
    }

    public Optional<CustomerCard> byNumber(PhoneNumber number) {
        return query.byNumber(number).map(this::card);
    }

    public Optional<CustomerCard> byId(CustomerId id) {
        return query.byId(id).map(this::card);
    }

    private CustomerCard card(CardQuery.Found found) {
        Customer customer = found.customer();
        LocalDate today = LocalDate.now(clock);
        DerivedFigures current = found.figures() != null && found.figures().computedOn().equals(today)
                ? found.figures()
                : figures.refresh(customer.id()); // rare: the hourly full refresh keeps figures of today
        ZoneId zone = customer.profile().timeZone() == null ? clock.getZone() : customer.profile().timeZone();
        List<Alert> alerts = AlertRules.alerts(customer.profile(), current, found.openRequests(), found.nextContact(),
                LocalDate.ofInstant(clock.instant(), zone));
        return new CustomerCard(customer.id(), customer.version(), customer.profile(), current, alerts,
                found.lastInteractions(), found.openRequests(), found.nextContact().orElse(null));
    }
}
