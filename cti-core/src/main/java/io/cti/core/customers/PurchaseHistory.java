package io.cti.core.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the derived figures are computed from: a customer's purchases in aggregate, the overdue amount on
 * the day of computation, and their average satisfaction score (null: never scored). Immutable.
 */
public record PurchaseHistory(CustomerType type, int purchaseCount, BigDecimal monetary, LocalDate firstPurchaseOn,
                              LocalDate lastPurchaseOn, BigDecimal overdueAmount, BigDecimal averageSatisfaction) {

    public PurchaseHistory {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(monetary, "monetary");
        Objects.requireNonNull(overdueAmount, "overdueAmount");
        if (purchaseCount < 0) {
            throw new IllegalArgumentException("purchase count must not be negative: " + purchaseCount);
        }
        if (purchaseCount > 0 && (firstPurchaseOn == null || lastPurchaseOn == null)) {
            throw new IllegalArgumentException("a customer with purchases needs first and last purchase dates");
        }
    }

    public static PurchaseHistory none(CustomerType type) {
        return new PurchaseHistory(type, 0, BigDecimal.ZERO, null, null, BigDecimal.ZERO, null);
    }
}
