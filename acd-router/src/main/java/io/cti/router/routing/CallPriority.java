package io.cti.router.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How urgent a call is and why: the base points from the customer's record, the aging rate every call shares, the
 * terms that made up the points (such as "grade A +300", "VIP +200", "churn warning → retention") and where the
 * record redirects the call. Immutable and thread-safe.
 *
 * <p>Effective priority = base + agingPerSecond × seconds waited: higher is served first. Because aging is linear
 * and the same for every call, two calls never swap places as time passes, so a waiting call can be filed once
 * under a fixed {@link #orderKey(long, double, double) order key}.
 */
public record CallPriority(double base, double agingPerSecond, List<String> terms, SkillRedirect redirect) {

    public CallPriority {
        if (!Double.isFinite(base)) {
            throw new IllegalArgumentException("base priority must be finite: " + base);
        }
        if (!Double.isFinite(agingPerSecond) || agingPerSecond <= 0) {
            throw new IllegalArgumentException("aging rate must be above zero: " + agingPerSecond);
        }
        terms = List.copyOf(terms);
        Objects.requireNonNull(redirect, "redirect");
    }

    /** The priority after waiting {@code waited}; the aging counts milliseconds, as the order key does. */
    public double effectiveAfter(Duration waited) {
        return base + agingPerSecond * waited.toMillis() / 1000.0;
    }

    /** The priority at {@code now} of a call enqueued at {@code enqueuedAt}. */
    public double effectiveAt(Instant enqueuedAt, Instant now) {
        return effectiveAfter(Duration.between(enqueuedAt, now));
    }

    /** This priority's order key for a call enqueued at {@code enqueuedAt}; lower goes first. */
    public double orderKey(Instant enqueuedAt) {
        return orderKey(enqueuedAt.toEpochMilli(), base, agingPerSecond);
    }

    /**
     * The time-independent order key of a waiting call: {@code enqueuedAtEpochMillis - base / agingPerMillisecond},
     * in milliseconds. Lower goes first. It is the moment a call with base 0 would have had to enter the queue to be
     * as urgent as this one, so for every instant t, key(a) &lt; key(b) exactly when a's effective priority at t is
     * higher than b's (both need the same aging rate). The waiting-call store in Redis files calls in a sorted set
     * by this score, which is why it is a double. Near today's epoch a double resolves the key to about 0.25 µs,
     * so only calls whose effective priorities differ by less than the aging of a quarter microsecond may tie.
     *
     * @param agingPerSecond points per second, as in {@link PrioritySettings#agingPerSecond()}; above zero
     */
    public static double orderKey(long enqueuedAtEpochMillis, double base, double agingPerSecond) {
        return enqueuedAtEpochMillis - base / (agingPerSecond / 1000.0);
    }

    /** The terms as one line, such as "grade A +300, VIP +200, churn warning → retention". */
    public String explain() {
        return String.join(", ", terms);
    }
}
