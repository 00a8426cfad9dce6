package io.cti.router.routing;

import io.cti.core.customers.Alert;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.CustomerType;
import io.cti.core.customers.Grade;
import io.cti.core.ids.CustomerId;

import java.util.Objects;
import java.util.Optional;

/**
 * The few facts of a customer's record that routing weighs: grade, VIP, churn warning, customer type and overdue
 * payment. Kept apart from the full card so a waiting call stays small (it is stored for every caller in the queue).
 * An unknown caller has no customer id and no grade. Immutable.
 *
 * @param customer null for an unknown caller
 * @param grade    null for an unknown caller
 */
public record CustomerFacts(CustomerId customer, Grade grade, boolean vip, boolean churnWarning, CustomerType type,
                            boolean overduePayment) {

    private static final CustomerFacts UNKNOWN = new CustomerFacts(null, null, false, false, CustomerType.POTENTIAL, false);

    public CustomerFacts {
        Objects.requireNonNull(type, "type");
        if ((customer == null) != (grade == null)) {
            throw new IllegalArgumentException("a known customer has a grade and an unknown caller has none");
        }
    }

    /** A caller whose number matches no customer: a potential customer with nothing to weigh. */
    public static CustomerFacts unknownCaller() {
        return UNKNOWN;
    }

    /** A known customer with only a grade: no VIP, no warnings, a current customer. */
    public static CustomerFacts graded(CustomerId customer, Grade grade) {
        return new CustomerFacts(customer, grade, false, false, CustomerType.CURRENT, false);
    }

    /** The facts of a customer card; VIP as the card's alerts say (top value or marked VIP). */
    public static CustomerFacts of(CustomerCard card) {
        boolean vip = card.figures().topValue() || card.alerts().stream().anyMatch(a -> a.kind() == Alert.Kind.VIP);
        return new CustomerFacts(card.id(), card.figures().grade(), vip, card.figures().churnWarning(),
                card.profile().type(), card.figures().creditFlag());
    }

    public boolean known() {
        return customer != null;
    }

    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customer);
    }

    public CustomerFacts withVip(boolean value) {
        return new CustomerFacts(customer, grade, value, churnWarning, type, overduePayment);
    }

    public CustomerFacts withChurnWarning(boolean value) {
        return new CustomerFacts(customer, grade, vip, value, type, overduePayment);
    }

    public CustomerFacts withType(CustomerType value) {
        return new CustomerFacts(customer, grade, vip, churnWarning, value, overduePayment);
    }

    public CustomerFacts withOverduePayment(boolean value) {
        return new CustomerFacts(customer, grade, vip, churnWarning, type, value);
    }
}
