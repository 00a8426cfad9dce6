package io.cti.core.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The rules that turn a purchase history into derived figures. Pure: the same history, breakpoints and day
 * always give the same figures. Immutable and thread-safe.
 *
 * <ul>
 *   <li>RFM: each of recency (days since the last purchase, fewer is better), frequency (purchases) and
 *       monetary (total spent) scored 1-5 by the quintile it falls in among all buyers.</li>
 *   <li>Grade by the RFM sum: A from 13, B from 10, C from 7, else D; D for customers who never bought.</li>
 *   <li>Lifetime value: spent to date plus the expected next twelve months (average order times purchases
 *       per year at the customer's own cycle), the latter only for repeat buyers who are neither lost nor
 *       churning.</li>
 *   <li>Churn warning: no purchase for longer than the threshold (default 113 days), or for longer than twice
 *       the customer's own purchase cycle.</li>
 *   <li>Credit flag: any unpaid purchase past its due date.</li>
 * </ul>
 */
public final class FigureRules {

    public static final int DEFAULT_CHURN_DAYS = 113;
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private final int churnDays;

    public FigureRules(int churnDays) {
        if (churnDays < 1) {
            throw new IllegalArgumentException("churn threshold must be at least 1 day: " + churnDays);
        }
        this.churnDays = churnDays;
    }

    public int churnDays() {
        return churnDays;
    }

    public DerivedFigures derive(PurchaseHistory history, Breakpoints breakpoints, LocalDate today) {
        if (history.purchaseCount() == 0) {
            return new DerivedFigures(0, BigDecimal.ZERO.setScale(2), null, null, null, null, null, null, null,
                    BigDecimal.ZERO.setScale(2), Grade.D, false, LoyaltyTier.NONE, money(history.overdueAmount()),
                    history.overdueAmount().signum() > 0, false, null, history.averageSatisfaction(), today);
        }
        int recency = (int) Math.max(0, ChronoUnit.DAYS.between(history.lastPurchaseOn(), today));
        BigDecimal cycle = purchaseCycle(history);
        // Before the first full refresh there is no population to rank against: everyone is average, nobody top.
        boolean ranked = !breakpoints.isEmpty();
        int r = ranked ? lowerIsBetter(recency, breakpoints.recencyCuts()) : 3;
        int f = ranked ? higherIsBetter(BigDecimal.valueOf(history.purchaseCount()),
                breakpoints.frequencyCuts().stream().map(BigDecimal::valueOf).toList()) : 3;
        int m = ranked ? higherIsBetter(history.monetary(), breakpoints.monetaryCuts()) : 3;
        String churnReason = churnReason(recency, cycle);
        boolean churning = churnReason != null;
        return new DerivedFigures(history.purchaseCount(), money(history.monetary()), history.firstPurchaseOn(),
                history.lastPurchaseOn(), recency, cycle, r, f, m,
                lifetimeValue(history, cycle, churning), grade(r + f + m),
                ranked && history.monetary().signum() > 0 && history.monetary().compareTo(breakpoints.topValueThreshold()) > 0,
                loyaltyTier(r, f), money(history.overdueAmount()), history.overdueAmount().signum() > 0,
                churning, churnReason, history.averageSatisfaction(), today);
    }

    static Grade grade(int rfmSum) {
        if (rfmSum >= 13) {
            return Grade.A;
        }
        if (rfmSum >= 10) {
            return Grade.B;
        }
        return rfmSum >= 7 ? Grade.C : Grade.D;
    }

    private String churnReason(int recency, BigDecimal cycle) {
        if (recency > churnDays) {
            return "no purchase for " + recency + " days (threshold " + churnDays + ")";
        }
        if (cycle != null && cycle.signum() > 0 && BigDecimal.valueOf(recency).compareTo(cycle.multiply(BigDecimal.valueOf(2))) > 0) {
            return "no purchase for " + recency + " days, over twice the usual cycle of "
                    + cycle.setScale(0, RoundingMode.HALF_UP) + " days";
        }
        return null;
    }

    private static BigDecimal purchaseCycle(PurchaseHistory history) {
        if (history.purchaseCount() < 2) {
            return null;
        }
        long span = ChronoUnit.DAYS.between(history.firstPurchaseOn(), history.lastPurchaseOn());
        return BigDecimal.valueOf(span).divide(BigDecimal.valueOf(history.purchaseCount() - 1L), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal lifetimeValue(PurchaseHistory history, BigDecimal cycle, boolean churning) {
        BigDecimal toDate = history.monetary();
        if (cycle == null || churning || history.type() == CustomerType.LOST) {
            return money(toDate);
        }
        BigDecimal averageOrder = toDate.divide(BigDecimal.valueOf(history.purchaseCount()), 6, RoundingMode.HALF_UP);
        // Several purchases on one day give a zero cycle; count them as one purchase a day at most.
        BigDecimal purchasesPerYear = DAYS_PER_YEAR.divide(cycle.max(BigDecimal.ONE), 6, RoundingMode.HALF_UP);
        return money(toDate.add(averageOrder.multiply(purchasesPerYear)));
    }

    private static LoyaltyTier loyaltyTier(int r, int f) {
        if (f == 5 && r >= 4) {
            return LoyaltyTier.PLATINUM;
        }
        if (f >= 4) {
            return LoyaltyTier.GOLD;
        }
        return f >= 3 ? LoyaltyTier.SILVER : LoyaltyTier.BRONZE;
    }

    /** 5 at or below the first cut, 1 above the last. */
    static int lowerIsBetter(int value, List<Integer> cuts) {
        for (int i = 0; i < cuts.size(); i++) {
            if (value <= cuts.get(i)) {
                return 5 - i;
            }
        }
        return 1;
    }

    /** 1 at or below the first cut, 5 above the last. */
    static int higherIsBetter(BigDecimal value, List<BigDecimal> cuts) {
        for (int i = 0; i < cuts.size(); i++) {
            if (value.compareTo(cuts.get(i)) <= 0) {
                return i + 1;
            }
        }
        return 5;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
