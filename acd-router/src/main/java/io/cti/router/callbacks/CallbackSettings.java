package io.cti.router.callbacks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How callbacks are made ({@code cti.router.callbacks.*}). Immutable.
 *
 * @param maxAttempts   dials of the customer before a callback is given up (1-20)
 * @param retryAfter    how long after a dial that did not reach the customer the next one is due
 * @param dialTimeout   how long the customer's phone rings on each dial
 * @param maxAhead      how far ahead a callback may be scheduled; later dates are refused as absurd
 * @param callerId      the number the customer sees; empty: the number the customer called, when known
 * @param claimBatch    how many due callbacks one scan puts in their queues at most
 * @param stuckAfter    a callback claimed this long ago whose call never reached a queue (its router stopped in
 *                      between) is offered again
 */
public record CallbackSettings(int maxAttempts, Duration retryAfter, Duration dialTimeout, Duration maxAhead,
                               String callerId, int claimBatch, Duration stuckAfter) {

    public CallbackSettings {
        Objects.requireNonNull(callerId, "callerId");
        List<String> problems = new ArrayList<>();
        if (maxAttempts < 1 || maxAttempts > 20) {
            problems.add("maxAttempts must be 1-20, was " + maxAttempts);
        }
        positive(problems, "retryAfter", retryAfter);
        positive(problems, "dialTimeout", dialTimeout);
        if (dialTimeout != null && dialTimeout.compareTo(Duration.ofMinutes(2)) > 0) {
            problems.add("dialTimeout must be at most 2 minutes, was " + dialTimeout);
        }
        positive(problems, "maxAhead", maxAhead);
        positive(problems, "stuckAfter", stuckAfter);
        if (!callerId.isEmpty() && !callerId.matches("\\+?[0-9]{2,20}")) {
            problems.add("callerId must be digits (with an optional leading +) or empty, was " + callerId);
        }
        if (claimBatch < 1 || claimBatch > 10_000) {
            problems.add("claimBatch must be 1-10000, was " + claimBatch);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid callback settings (cti.router.callbacks): "
                    + String.join("; ", problems));
        }
    }

    /** Three dials ten minutes apart, 30 s ringing each, up to a year ahead, the number the customer called. */
    public static CallbackSettings defaults() {
        return new CallbackSettings(3, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofDays(365), "", 100,
                Duration.ofMinutes(2));
    }

    public CallbackSettings withRetryAfter(Duration value) {
        return new CallbackSettings(maxAttempts, value, dialTimeout, maxAhead, callerId, claimBatch, stuckAfter);
    }

    public CallbackSettings withMaxAttempts(int value) {
        return new CallbackSettings(value, retryAfter, dialTimeout, maxAhead, callerId, claimBatch, stuckAfter);
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration, was " + value);
        }
    }
}
