package io.cti.core.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer's figures derived from their history: RFM scores (1-5, null for customers who never bought),
 * lifetime value, grade, top-20% value rank, loyalty tier, credit standing and churn warning, as computed on
 * {@code computedOn}. Immutable.
 */
public record DerivedFigures(int purchaseCount, BigDecimal monetary, LocalDate firstPurchaseOn, LocalDate lastPurchaseOn,
                             Integer recencyDays, BigDecimal purchaseCycleDays,
                             Integer recencyScore, Integer frequencyScore, Integer monetaryScore,
                             BigDecimal lifetimeValue, Grade grade, boolean topValue, LoyaltyTier loyaltyTier,
                             BigDecimal overdueAmount, boolean creditFlag, boolean churnWarning, String churnReason,
                             BigDecimal averageSatisfaction, LocalDate computedOn) {

    /** The RFM cell as usually written, e.g. "545"; empty for a customer who never bought. */
    public String rfm() {
        return recencyScore == null ? "" : "" + recencyScore + frequencyScore + monetaryScore;
    }
}
