package io.cti.router.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A call's timings in whole seconds, from its arrival to the end of its wrap-up: wait (queued until the phone of
 * the agent who answered started ringing), ring, talk (hold left out), hold (every hold added up) and wrap-up.
 * Each boundary is rounded to the second once, counted from the arrival, so the timings add up exactly to the
 * call's rounded lifetime and the same seconds reach the history row and the queue figures. The moments come from
 * different sources (PBX, bridge, console), so they are first put in order: a ring after the answer counts as none,
 * an end before the answer as a talk of none, a wrap-up ending before the hang-up as no wrap-up. No timing is ever
 * negative. Immutable.
 */
record CallTimings(int waitSeconds, int ringSeconds, int talkSeconds, int holdSeconds, int wrapUpSeconds) {

    CallTimings {
        if (waitSeconds < 0 || ringSeconds < 0 || talkSeconds < 0 || holdSeconds < 0 || wrapUpSeconds < 0) {
            throw new IllegalArgumentException("call timings cannot be negative: wait " + waitSeconds + ", ring "
                    + ringSeconds + ", talk " + talkSeconds + ", hold " + holdSeconds + ", wrap-up " + wrapUpSeconds);
        }
    }

    /** An answered call wrapped up at {@code wrappedUp}; {@code hold} is its held time, capped at the talk. */
    static CallTimings answered(Instant arrived, Optional<Instant> rang, Instant answered, Instant ended,
                                Instant wrappedUp, Duration hold) {
        Instant answer = latest(answered, arrived);
        Instant end = latest(ended, answer);
        Instant done = latest(wrappedUp, end);
        long toRing = since(arrived, ringOf(arrived, rang, answer));
        long toAnswer = since(arrived, answer);
        long toEnd = since(arrived, end);
        long talkAndHold = toEnd - toAnswer;
        long held = Math.min(rounded(hold.isNegative() ? Duration.ZERO : hold), talkAndHold);
        return new CallTimings(seconds(toRing), seconds(toAnswer - toRing), seconds(talkAndHold - held), seconds(held),
                seconds(since(arrived, done) - toEnd));
    }

    /** A call that ended unanswered: waiting, then ringing at an agent's phone if it got that far. */
    static CallTimings unanswered(Instant arrived, Optional<Instant> rang, Instant ended) {
        Instant end = latest(ended, arrived);
        long toRing = since(arrived, ringOf(arrived, rang, end));
        return new CallTimings(seconds(toRing), seconds(since(arrived, end) - toRing), 0, 0, 0);
    }

    /** The seconds from arrival to answer: the wait plus the ring of {@link #answered}, known at the answer. */
    static int secondsToAnswer(Instant arrived, Optional<Instant> rang, Instant answered) {
        return answered(arrived, rang, answered, answered, answered, Duration.ZERO).secondsBeforeTalk();
    }

    /** Wait and ring: how long the caller waited for an agent (ASA, abandons). */
    int secondsBeforeTalk() {
        return waitSeconds + ringSeconds;
    }

    /** Talk, hold and wrap-up: the agent's handle time of the call (AHT). */
    int handleSeconds() {
        return talkSeconds + holdSeconds + wrapUpSeconds;
    }

    int totalSeconds() {
        return secondsBeforeTalk() + handleSeconds();
    }

    /** The ring that led to {@code until}: never before the arrival nor after {@code until}; none, at {@code until}. */
    private static Instant ringOf(Instant arrived, Optional<Instant> rang, Instant until) {
        Instant ring = rang.orElse(until);
        return ring.isAfter(until) ? until : latest(ring, arrived);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Whole seconds from the arrival to a moment not before it, rounded half up. */
    private static long since(Instant arrived, Instant at) {
        return rounded(Duration.between(arrived, at));
    }

    private static long rounded(Duration duration) {
        return Math.floorDiv(duration.toMillis() + 500, 1000);
    }

    private static int seconds(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
