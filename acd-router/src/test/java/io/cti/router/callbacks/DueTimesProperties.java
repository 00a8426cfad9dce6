package io.cti.router.callbacks;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule for a callback's time, for every time and limit: accepted exactly from now (less the grace) to the limit. */
class DueTimesProperties {

    private static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");

    @Property(tries = 2000)
    void aTimeIsAcceptedExactlyWhenItIsNeitherPastNorBeyondTheLimit(
            @ForAll @LongRange(min = -400L * 86_400, max = 800L * 86_400) long offsetSeconds,
            @ForAll @IntRange(min = 1, max = 730) int maxAheadDays) {
        Instant due = NOW.plusSeconds(offsetSeconds);
        Duration maxAhead = Duration.ofDays(maxAheadDays);
        boolean allowed = !due.isBefore(NOW.minus(DueTimes.GRACE)) && !due.isAfter(NOW.plus(maxAhead));

        assertThat(DueTimes.problem("dueAt", due, NOW, maxAhead)).as("%s with %s days ahead", due, maxAheadDays)
                .matches(problem -> problem.isEmpty() == allowed);
    }

    @Property(tries = 500)
    void aRefusedTimeNamesItsFieldAndWhyInWords(@ForAll @LongRange(min = 61, max = 10_000_000) long secondsPast) {
        assertThat(DueTimes.problem("callbackAt", NOW.minusSeconds(secondsPast), NOW, Duration.ofDays(365)))
                .hasValueSatisfying(problem -> {
                    assertThat(problem.field()).isEqualTo("callbackAt");
                    assertThat(problem.code()).isEqualTo("in-the-past");
                    assertThat(problem.message()).contains("in the past");
                });
    }
}
