package io.cti.router.calls;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of a call's timings and hold time that hold for every order of its moments, however the PBX, the bridge and
 * the console stamped them: nothing negative, never more than the call's lifetime, and the hold time independent of
 * the order its events were handled in.
 */
class CallTimingsProperties {

    private static final Instant ARRIVED = Instant.parse("2026-06-15T02:00:00Z");

    @Property
    void anAnsweredCallsTimingsAreNeverNegativeAndAddUpToItsRoundedLifetime(
            @ForAll("offsets") long rang, @ForAll("offsets") long answered, @ForAll("offsets") long ended,
            @ForAll("offsets") long wrappedUp, @ForAll @LongRange(min = -10_000, max = 4_000_000) long holdMillis,
            @ForAll boolean rangKnown) {
        CallTimings timings = CallTimings.answered(ARRIVED, rangKnown ? Optional.of(at(rang)) : Optional.empty(),
                at(answered), at(ended), at(wrappedUp), Duration.ofMillis(holdMillis));

        long lifetime = Math.max(0, Math.max(Math.max(answered, ended), wrappedUp));
        assertThat(List.of(timings.waitSeconds(), timings.ringSeconds(), timings.talkSeconds(), timings.holdSeconds(),
                timings.wrapUpSeconds())).allMatch(seconds -> seconds >= 0);
        assertThat(timings.totalSeconds()).isEqualTo(Math.floorDiv(lifetime + 500, 1000));
    }

    @Property
    void holdNeverExceedsTheTimeBetweenAnswerAndHangUp(@ForAll("offsets") long answered,
                                                      @ForAll("offsets") long ended,
                                                      @ForAll @LongRange(min = 0, max = 4_000_000) long holdMillis) {
        CallTimings timings = CallTimings.answered(ARRIVED, Optional.empty(), at(answered), at(ended), at(ended),
                Duration.ofMillis(holdMillis));

        long answeredAt = Math.max(0, answered);
        long talkAndHold = Math.floorDiv(Math.max(answeredAt, ended) + 500, 1000) - Math.floorDiv(answeredAt + 500, 1000);
        assertThat(timings.talkSeconds() + timings.holdSeconds()).isEqualTo(talkAndHold);
        assertThat(timings.holdSeconds()).isEqualTo(Math.min(Math.floorDiv(holdMillis + 500, 1000), talkAndHold));
    }

    @Property
    void theSecondsToAnswerCountedAtTheAnswerAreTheRowsWaitAndRing(
            @ForAll("offsets") long rang, @ForAll("offsets") long answered, @ForAll("offsets") long ended,
            @ForAll("offsets") long wrappedUp, @ForAll @LongRange(min = 0, max = 4_000_000) long holdMillis) {
        int atAnswer = CallTimings.secondsToAnswer(ARRIVED, Optional.of(at(rang)), at(answered));

        CallTimings row = CallTimings.answered(ARRIVED, Optional.of(at(rang)), at(answered), at(ended), at(wrappedUp),
                Duration.ofMillis(holdMillis));

        assertThat(row.secondsBeforeTalk()).isEqualTo(atAnswer);
    }

    @Property
    void anUnansweredCallWaitsAndRingsForExactlyItsRoundedLifetime(@ForAll("offsets") long rang,
                                                                  @ForAll("offsets") long ended) {
        CallTimings timings = CallTimings.unanswered(ARRIVED, Optional.of(at(rang)), at(ended));

        assertThat(timings.waitSeconds()).isNotNegative();
        assertThat(timings.ringSeconds()).isNotNegative();
        assertThat(timings.handleSeconds()).isZero();
        assertThat(timings.totalSeconds()).isEqualTo(Math.floorDiv(Math.max(0, ended) + 500, 1000));
    }

    @Property
    void theHoldTimeIsTheSameWhateverOrderItsEventsAreHandledInAndHowOftenTheyCome(
            @ForAll("holdLogs") List<HoldLog.Entry> entries, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 3) int repeats) {
        Instant end = ARRIVED.plusSeconds(3_600);
        List<HoldLog.Entry> shuffled = new ArrayList<>(entries);
        for (int i = 0; i < repeats && !entries.isEmpty(); i++) {
            shuffled.add(entries.get(i % entries.size()));
        }
        Collections.shuffle(shuffled, new Random(seed));

        Duration inOrder = new HoldLog(entries).total(end);
        Duration anyOrder = new HoldLog(shuffled).total(end);

        assertThat(anyOrder).isEqualTo(inOrder);
        assertThat(inOrder).isBetween(Duration.ZERO, Duration.between(ARRIVED, end));
    }

    @Provide
    Arbitrary<Long> offsets() {
        // Mostly after the arrival, sometimes (clocks of different sources) a little before it.
        return Arbitraries.longs().between(-5_000, 3_600_000);
    }

    @Provide
    Arbitrary<List<HoldLog.Entry>> holdLogs() {
        Arbitrary<HoldLog.Entry> entry = Combinators.combine(Arbitraries.longs().between(0, 3_700_000),
                Arbitraries.of("PJSIP/trunk-1", "PJSIP/2001-1"), Arbitraries.of(true, false))
                .as((millis, channel, held) -> new HoldLog.Entry(ARRIVED.plusMillis(millis), channel, held));
        return entry.list().ofMaxSize(12).uniqueElements();
    }

    private static Instant at(long offsetMillis) {
        return ARRIVED.plusMillis(offsetMillis);
    }
}
