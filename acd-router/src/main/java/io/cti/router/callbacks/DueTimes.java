package io.cti.router.callbacks;

import io.cti.core.customers.FieldError;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule for when a callback may be scheduled: after now (a time already past would be called at once, which is
 * not what whoever typed it meant) and at most {@code maxAhead} from now (a year 3000 is a typing error, not a
 * plan). Stateless.
 */
public final class DueTimes {

    /** A moment typed as "now" reaches the router a little later; that much in the past still counts as now. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    private DueTimes() {
    }

    /** The problem with {@code dueAt} as the time of a callback scheduled at {@code now}, named as {@code field}. */
    public static Optional<FieldError> problem(String field, Instant dueAt, Instant now, Duration maxAhead) {
        if (dueAt.isBefore(now.minus(GRACE))) {
            return Optional.of(new FieldError(field, "in-the-past", "is in the past (" + dueAt + " is before "
                    + now + "); a callback is scheduled for a time to come"));
        }
        if (dueAt.isAfter(now.plus(maxAhead))) {
            return Optional.of(new FieldError(field, "too-far-ahead", "is more than " + maxAhead.toDays()
                    + " days ahead (" + dueAt + "); check the date"));
        }
        return Optional.empty();
    }
}
