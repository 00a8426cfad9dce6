package io.cti.core.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase by a customer. {@code dueOn} is when payment is due (null: paid at purchase); an unpaid
 * purchase past its due date makes the customer's credit standing flagged. Immutable.
 */
public record Purchase(LocalDate purchasedOn, String product, BigDecimal amount, int quantity,
                       LocalDate dueOn, LocalDate paidOn) {

    public Purchase {
        Objects.requireNonNull(purchasedOn, "purchasedOn");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("purchase amount must not be negative: " + amount);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("purchase quantity must be positive: " + quantity);
        }
    }

    /** Unpaid and past due on {@code today}. */
    public boolean overdueOn(LocalDate today) {
        return paidOn == null && dueOn != null && dueOn.isBefore(today);
    }
}
