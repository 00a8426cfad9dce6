package io.cti.core.customers;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules of the derived figures that hold for every purchase history, set of breakpoints and churn threshold. */
class FigureRulesProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Property
    void everyBuyerScoresOneToFiveOnRecencyFrequencyAndMonetary(@ForAll("buyers") PurchaseHistory history,
                                                               @ForAll("breakpoints") Breakpoints breakpoints,
                                                               @ForAll("thresholds") int churnDays) {
        DerivedFigures f = new FigureRules(churnDays).derive(history, breakpoints, TODAY);

        assertThat(Stream.of(f.recencyScore(), f.frequencyScore(), f.monetaryScore())).allSatisfy(
                score -> assertThat(score).isNotNull().isBetween(1, 5));
    }

    @Property
    void aCustomerWhoNeverBoughtHasNoScoresAndGradeD(@ForAll("types") CustomerType type,
                                                     @ForAll("breakpoints") Breakpoints breakpoints,
                                                     @ForAll("thresholds") int churnDays) {
        DerivedFigures f = new FigureRules(churnDays).derive(PurchaseHistory.none(type), breakpoints, TODAY);

        assertThat(f.recencyScore()).isNull();
        assertThat(f.frequencyScore()).isNull();
        assertThat(f.monetaryScore()).isNull();
        assertThat(f.grade()).isEqualTo(Grade.D);
        assertThat(f.topValue()).isFalse();
        assertThat(f.churnWarning()).isFalse();
    }

    @Property
    void gradeIsTheGradeOfTheRfmSum(@ForAll("buyers") PurchaseHistory history, @ForAll("breakpoints") Breakpoints breakpoints) {
        DerivedFigures f = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS).derive(history, breakpoints, TODAY);

        assertThat(f.grade()).isEqualTo(FigureRules.grade(f.recencyScore() + f.frequencyScore() + f.monetaryScore()));
    }

    @Property
    void aHigherRfmSumNeverGivesAWorseGrade(@ForAll @IntRange(min = 3, max = 15) int lower,
                                            @ForAll @IntRange(min = 3, max = 15) int higher) {
        Assume.that(lower <= higher);

        assertThat(FigureRules.grade(higher)).isLessThanOrEqualTo(FigureRules.grade(lower));
    }

    @Property
    void churnWarningIffRecencyBeyondThresholdOrBeyondTwiceTheOwnCycle(@ForAll("buyers") PurchaseHistory history,
                                                                       @ForAll("breakpoints") Breakpoints breakpoints,
                                                                       @ForAll("thresholds") int churnDays) {
        DerivedFigures f = new FigureRules(churnDays).derive(history, breakpoints, TODAY);

        long recency = history.lastPurchaseOn().until(TODAY, java.time.temporal.ChronoUnit.DAYS);
        long span = history.firstPurchaseOn().until(history.lastPurchaseOn(), java.time.temporal.ChronoUnit.DAYS);
        int gaps = history.purchaseCount() - 1;
        // recency > 2 * span / gaps, in whole numbers; a zero cycle (all purchases on one day) is no cycle to break
        boolean beyondOwnCycle = gaps >= 1 && span > 0 && recency * gaps > 2 * span;
        assertThat(f.churnWarning()).as("recency %d, span %d over %d gaps, threshold %d", recency, span, gaps, churnDays)
                .isEqualTo(recency > churnDays || beyondOwnCycle);
        assertThat(f.churnReason() != null).isEqualTo(f.churnWarning());
    }

    @Property
    void theChurnThresholdAloneDecidesForASingleBuyer(@ForAll @IntRange(min = 0, max = 2000) int daysAgo,
                                                      @ForAll("thresholds") int churnDays) {
        LocalDate on = TODAY.minusDays(daysAgo);
        PurchaseHistory single = new PurchaseHistory(CustomerType.CURRENT, 1, BigDecimal.TEN, on, on, BigDecimal.ZERO, null);

        assertThat(new FigureRules(churnDays).derive(single, Breakpoints.NONE, TODAY).churnWarning())
                .isEqualTo(daysAgo > churnDays);
    }

    @Property
    void lifetimeValueIsNeverBelowWhatWasSpent(@ForAll("buyers") PurchaseHistory history,
                                               @ForAll("breakpoints") Breakpoints breakpoints,
                                               @ForAll("thresholds") int churnDays) {
        DerivedFigures f = new FigureRules(churnDays).derive(history, breakpoints, TODAY);

        assertThat(f.lifetimeValue()).isGreaterThanOrEqualTo(f.monetary());
        assertThat(f.monetary()).isEqualByComparingTo(history.monetary());
    }

    @Property
    void creditFlagIffSomethingIsOverdue(@ForAll("buyersAndNot") PurchaseHistory history,
                                         @ForAll("breakpoints") Breakpoints breakpoints) {
        DerivedFigures f = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS).derive(history, breakpoints, TODAY);

        assertThat(f.creditFlag()).isEqualTo(history.overdueAmount().signum() > 0);
        assertThat(f.overdueAmount()).isEqualByComparingTo(history.overdueAmount());
    }

    @Property
    void aMoreRecentBuyerNeverGetsALowerRecencyScore(@ForAll("buyers") PurchaseHistory history,
                                                     @ForAll @IntRange(min = 1, max = 1500) int daysLater,
                                                     @ForAll("breakpoints") Breakpoints breakpoints) {
        LocalDate moreRecent = history.lastPurchaseOn().plusDays(daysLater);
        Assume.that(!moreRecent.isAfter(TODAY));
        PurchaseHistory recent = new PurchaseHistory(history.type(), history.purchaseCount(), history.monetary(),
                history.firstPurchaseOn(), moreRecent, history.overdueAmount(), history.averageSatisfaction());
        FigureRules rules = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS);

        assertThat(rules.derive(recent, breakpoints, TODAY).recencyScore())
                .isGreaterThanOrEqualTo(rules.derive(history, breakpoints, TODAY).recencyScore());
    }

    @Property
    void spendingMoreNeverGivesALowerMonetaryScoreOrLosesTopValue(@ForAll("buyers") PurchaseHistory history,
                                                                  @ForAll("amounts") BigDecimal more,
                                                                  @ForAll("breakpoints") Breakpoints breakpoints) {
        PurchaseHistory richer = new PurchaseHistory(history.type(), history.purchaseCount(), history.monetary().add(more),
                history.firstPurchaseOn(), history.lastPurchaseOn(), history.overdueAmount(), history.averageSatisfaction());
        FigureRules rules = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS);
        DerivedFigures before = rules.derive(history, breakpoints, TODAY);
        DerivedFigures after = rules.derive(richer, breakpoints, TODAY);

        assertThat(after.monetaryScore()).isGreaterThanOrEqualTo(before.monetaryScore());
        assertThat(!before.topValue() || after.topValue()).isTrue();
    }

    // ---- generators ----

    @Provide
    Arbitrary<Integer> thresholds() {
        return Arbitraries.oneOf(Arbitraries.just(FigureRules.DEFAULT_CHURN_DAYS), Arbitraries.integers().between(1, 400));
    }

    @Provide
    Arbitrary<CustomerType> types() {
        return Arbitraries.of(CustomerType.class);
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2);
    }

    /**
     * Customers who bought 1 to 100 times (beyond 100 purchases the 2-decimal cycle could differ from the exact
     * one by more than a whole-day comparison can tell apart), the last time 0 to 2000 days ago.
     */
    @Provide
    Arbitrary<PurchaseHistory> buyers() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 100);
        Arbitrary<Integer> lastDaysAgo = Arbitraries.integers().between(0, 2000);
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 3000);
        return Combinators.combine(types(), count, amounts(), lastDaysAgo, span, amounts(), satisfaction())
                .as((type, n, spent, ago, s, overdue, score) -> {
                    LocalDate last = TODAY.minusDays(ago);
                    LocalDate first = n == 1 ? last : last.minusDays(s);
                    return new PurchaseHistory(type, n, spent, first, last, overdue.min(spent), score);
                });
    }

    @Provide
    Arbitrary<PurchaseHistory> buyersAndNot() {
        return Arbitraries.oneOf(buyers(), types().map(PurchaseHistory::none));
    }

    private static Arbitrary<BigDecimal> satisfaction() {
        return Arbitraries.bigDecimals().between(BigDecimal.ONE, BigDecimal.valueOf(5)).ofScale(2).injectNull(0.3);
    }

    /** Quintile cuts as a full refresh computes them: each list ascending (ties allowed). */
    @Provide
    Arbitrary<Breakpoints> breakpoints() {
        Arbitrary<List<Integer>> recency = Arbitraries.integers().between(0, 2000).list().ofSize(4).map(FigureRulesProperties::sorted);
        Arbitrary<List<Integer>> frequency = Arbitraries.integers().between(1, 100).list().ofSize(4).map(FigureRulesProperties::sorted);
        Arbitrary<List<BigDecimal>> monetary = amounts().list().ofSize(4).map(FigureRulesProperties::sorted);
        Arbitrary<Breakpoints> stored = Combinators.combine(recency, frequency, monetary)
                .as((r, f, m) -> new Breakpoints(r, f, m, m.get(3).setScale(2, RoundingMode.HALF_UP), 1000,
                        Instant.parse("2026-06-15T02:00:00Z")));
        return Arbitraries.oneOf(stored, Arbitraries.just(Breakpoints.NONE));
    }

    private static <T extends Comparable<T>> List<T> sorted(List<T> values) {
        return values.stream().sorted().toList();
    }
}
