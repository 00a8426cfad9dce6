package io.cti.core.customers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final FigureRules DEFAULT = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS);

    /** Breakpoints as a full refresh would leave them: recency 10/30/60/120 days, 1/2/4/8 purchases, 100/300/900/2700 spent. */
    private static final Breakpoints STORED = new Breakpoints(List.of(10, 30, 60, 120), List.of(1, 2, 4, 8),
            List.of(money("100"), money("300"), money("900"), money("2700")), money("2700"), 500,
            Instant.parse("2026-06-15T02:00:00Z"));

    @Test
    void theDefaultChurnThresholdIs113Days() {
        assertThat(FigureRules.DEFAULT_CHURN_DAYS).isEqualTo(113);
    }

    @Test
    void aCustomerWhoNeverBoughtHasNoScoresAndGradeD() {
        DerivedFigures f = DEFAULT.derive(PurchaseHistory.none(CustomerType.POTENTIAL), STORED, TODAY);

        assertThat(f.recencyScore()).isNull();
        assertThat(f.frequencyScore()).isNull();
        assertThat(f.monetaryScore()).isNull();
        assertThat(f.rfm()).isEmpty();
        assertThat(f.grade()).isEqualTo(Grade.D);
        assertThat(f.topValue()).isFalse();
        assertThat(f.churnWarning()).isFalse();
        assertThat(f.lifetimeValue()).isEqualByComparingTo("0");
        assertThat(f.loyaltyTier()).isEqualTo(LoyaltyTier.NONE);
    }

    @Test
    void aBuyerIsScoredByTheQuintileTheirFiguresFallIn() {
        // bought 5 days ago (R 5), 3 purchases (F 3), 1000 spent (M 4)
        DerivedFigures f = DEFAULT.derive(history(3, "1000", TODAY.minusDays(60), TODAY.minusDays(5)), STORED, TODAY);

        assertThat(f.rfm()).isEqualTo("534");
        assertThat(f.grade()).isEqualTo(Grade.B);
        assertThat(f.recencyDays()).isEqualTo(5);
    }

    @ParameterizedTest(name = "RFM sum {0} gives grade {1}")
    @CsvSource({"15,A", "13,A", "12,B", "10,B", "9,C", "7,C", "6,D", "3,D"})
    void gradeFollowsTheRfmSum(int sum, Grade grade) {
        assertThat(FigureRules.grade(sum)).isEqualTo(grade);
    }

    @Test
    void gradeNeverGetsWorseAsTheRfmSumGrows() {
        for (int sum = 3; sum < 15; sum++) {
            assertThat(FigureRules.grade(sum + 1)).as("sum %d vs %d", sum + 1, sum)
                    .isLessThanOrEqualTo(FigureRules.grade(sum));
        }
    }

    @Test
    void noPurchaseFor114DaysRaisesAChurnWarningWithTheDefaultThreshold() {
        DerivedFigures f = DEFAULT.derive(single(TODAY.minusDays(114)), STORED, TODAY);

        assertThat(f.churnWarning()).isTrue();
        assertThat(f.churnReason()).contains("114 days").contains("113");
    }

    @Test
    void noPurchaseFor113DaysRaisesNoChurnWarningWithTheDefaultThreshold() {
        DerivedFigures f = DEFAULT.derive(single(TODAY.minusDays(113)), STORED, TODAY);

        assertThat(f.churnWarning()).isFalse();
        assertThat(f.churnReason()).isNull();
    }

    @Test
    void theChurnThresholdIsConfigurable() {
        FigureRules thirty = new FigureRules(30);

        assertThat(thirty.churnDays()).isEqualTo(30);
        assertThat(thirty.derive(single(TODAY.minusDays(31)), STORED, TODAY).churnWarning()).isTrue();
        assertThat(thirty.derive(single(TODAY.minusDays(30)), STORED, TODAY).churnWarning()).isFalse();
        assertThat(DEFAULT.derive(single(TODAY.minusDays(31)), STORED, TODAY).churnWarning()).isFalse();
    }

    @Test
    void aChurnThresholdBelowOneDayIsRefused() {
        assertThatThrownBy(() -> new FigureRules(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGapOfMoreThanTwiceTheCustomersOwnCycleRaisesAChurnWarning() {
        // 5 purchases, one every 10 days, the last 21 days ago: well under 113 days, but over twice the cycle
        DerivedFigures f = DEFAULT.derive(history(5, "500", TODAY.minusDays(61), TODAY.minusDays(21)), STORED, TODAY);

        assertThat(f.purchaseCycleDays()).isEqualByComparingTo("10");
        assertThat(f.churnWarning()).isTrue();
        assertThat(f.churnReason()).contains("twice");
    }

    @Test
    void aGapOfExactlyTwiceTheCustomersOwnCycleRaisesNoChurnWarning() {
        DerivedFigures f = DEFAULT.derive(history(5, "500", TODAY.minusDays(60), TODAY.minusDays(20)), STORED, TODAY);

        assertThat(f.churnWarning()).isFalse();
    }

    @Test
    void lifetimeValueOfARepeatBuyerAddsTheExpectedNextYear() {
        // 5 purchases over 292 days: one every 73 days, 5 a year, 200 per order: 1000 to date + 1000 expected
        DerivedFigures f = DEFAULT.derive(history(5, "1000", TODAY.minusDays(300), TODAY.minusDays(8)), STORED, TODAY);

        assertThat(f.lifetimeValue()).isEqualByComparingTo("2000.00");
    }

    @Test
    void lifetimeValueOfALostCustomerIsWhatTheySpent() {
        PurchaseHistory lost = new PurchaseHistory(CustomerType.LOST, 5, money("1000"), TODAY.minusDays(300),
                TODAY.minusDays(8), BigDecimal.ZERO, null);

        assertThat(DEFAULT.derive(lost, STORED, TODAY).lifetimeValue()).isEqualByComparingTo("1000");
    }

    @Test
    void lifetimeValueOfAChurningCustomerIsWhatTheySpent() {
        DerivedFigures f = DEFAULT.derive(history(5, "1000", TODAY.minusDays(200), TODAY.minusDays(150)), STORED, TODAY);

        assertThat(f.churnWarning()).isTrue();
        assertThat(f.lifetimeValue()).isEqualByComparingTo("1000");
    }

    @Test
    void anOverdueAmountFlagsTheCustomersCredit() {
        PurchaseHistory owing = new PurchaseHistory(CustomerType.CURRENT, 2, money("300"), TODAY.minusDays(40),
                TODAY.minusDays(10), money("120"), null);

        DerivedFigures f = DEFAULT.derive(owing, STORED, TODAY);

        assertThat(f.creditFlag()).isTrue();
        assertThat(f.overdueAmount()).isEqualByComparingTo("120");
        assertThat(DEFAULT.derive(history(2, "300", TODAY.minusDays(40), TODAY.minusDays(10)), STORED, TODAY).creditFlag())
                .isFalse();
    }

    @Test
    void onlyACustomerAboveTheStoredTopValueThresholdIsTopValue() {
        // Breakpoints: "the value above which a customer is in the top 20%" (the 80th percentile itself is not above it)
        assertThat(DEFAULT.derive(history(9, "2700.01", TODAY.minusDays(90), TODAY), STORED, TODAY).topValue()).isTrue();
        assertThat(DEFAULT.derive(history(9, "2700.00", TODAY.minusDays(90), TODAY), STORED, TODAY).topValue()).isFalse();
    }

    @Test
    void topValueAndTheHighestMonetaryScoreGoTogether() {
        DerivedFigures atCut = DEFAULT.derive(history(9, "2700.00", TODAY.minusDays(90), TODAY), STORED, TODAY);
        DerivedFigures aboveCut = DEFAULT.derive(history(9, "2700.01", TODAY.minusDays(90), TODAY), STORED, TODAY);

        assertThat(atCut.monetaryScore()).isEqualTo(4);
        assertThat(atCut.topValue()).isFalse();
        assertThat(aboveCut.monetaryScore()).isEqualTo(5);
        assertThat(aboveCut.topValue()).isTrue();
    }

    @Test
    void beforeTheFirstFullRefreshABuyerIsScoredInTheMiddle() {
        // Breakpoints.NONE: "every buyer scores in the middle until the first full refresh"
        DerivedFigures f = DEFAULT.derive(history(1, "25", TODAY.minusDays(3), TODAY.minusDays(3)), Breakpoints.NONE, TODAY);

        assertThat(f.rfm()).isEqualTo("333");
        assertThat(f.grade()).isEqualTo(Grade.C);
    }

    @Test
    void beforeTheFirstFullRefreshNoBuyerIsTopValue() {
        DerivedFigures f = DEFAULT.derive(history(1, "25", TODAY.minusDays(3), TODAY.minusDays(3)), Breakpoints.NONE, TODAY);

        assertThat(f.topValue()).isFalse();
    }

    @Test
    void figuresAreAsOfTheDayTheyWereComputed() {
        assertThat(DEFAULT.derive(single(TODAY.minusDays(3)), STORED, TODAY).computedOn()).isEqualTo(TODAY);
    }

    // ---- helpers ----

    static PurchaseHistory history(int count, String spent, LocalDate first, LocalDate last) {
        return new PurchaseHistory(CustomerType.CURRENT, count, money(spent), first, last, BigDecimal.ZERO, null);
    }

    private static PurchaseHistory single(LocalDate on) {
        return history(1, "100", on, on);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
