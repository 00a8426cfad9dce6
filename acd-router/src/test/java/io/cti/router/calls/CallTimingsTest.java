package io.cti.router.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A call's timings from its moments, case by case; the rules for every input are in CallTimingsProperties. */
class CallTimingsTest {

    private static final Instant T = Instant.parse("2026-06-15T02:00:00Z");

    @Test
    void anAnsweredCallWaitsRingsTalksHoldsAndWrapsUp() {
        CallTimings timings = CallTimings.answered(T, Optional.of(t(12_000)), t(15_000), t(200_000), t(230_000),
                Duration.ofSeconds(40));

        assertThat(timings).isEqualTo(new CallTimings(12, 3, 145, 40, 30));
    }

    @Test
    void roundingEachMomentOnceKeepsTheSumAtTheRoundedLifetime() {
        CallTimings timings = CallTimings.answered(T, Optional.of(t(1_400)), t(2_800), t(4_300), t(5_600),
                Duration.ZERO);

        assertThat(timings).isEqualTo(new CallTimings(1, 2, 1, 0, 2));
        assertThat(timings.totalSeconds()).isEqualTo(6);
    }

    @Test
    void aRingStampedAfterTheAnswerCountsAsNoRing() {
        CallTimings timings = CallTimings.answered(T, Optional.of(t(20_000)), t(15_000), t(60_000), t(60_000),
                Duration.ZERO);

        assertThat(timings.waitSeconds()).isEqualTo(15);
        assertThat(timings.ringSeconds()).isZero();
    }

    @Test
    void aWrapUpStampedBeforeTheHangUpCountsAsNoWrapUp() {
        CallTimings timings = CallTimings.answered(T, Optional.empty(), t(15_000), t(60_000), t(50_000),
                Duration.ZERO);

        assertThat(timings.wrapUpSeconds()).isZero();
        assertThat(timings.talkSeconds()).isEqualTo(45);
    }

    @Test
    void aHoldLongerThanTheTalkIsCappedAtTheTalk() {
        CallTimings timings = CallTimings.answered(T, Optional.empty(), t(15_000), t(60_000), t(60_000),
                Duration.ofSeconds(90));

        assertThat(timings.holdSeconds()).isEqualTo(45);
        assertThat(timings.talkSeconds()).isZero();
    }

    @Test
    void anAbandonedCallOnlyWaitedAndRang() {
        CallTimings timings = CallTimings.unanswered(T, Optional.of(t(10_000)), t(14_000));

        assertThat(timings).isEqualTo(new CallTimings(10, 4, 0, 0, 0));
    }

    private static Instant t(long millis) {
        return T.plusMillis(millis);
    }
}
