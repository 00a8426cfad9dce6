package io.cti.router.waiting;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Instant;
import java.util.Objects;

/**
 * One call in a queue as the router's Redis state files it (routing's in-memory view of it is
 * {@code io.cti.router.routing.WaitingCall}): where it waits, since when, and its place. Calls are served in ascending
 * {@code orderKey}, which the priority policy computes once from the time of arrival and the caller's value; it
 * never changes with time, so a call that leaves and comes back with the same key gets its old place back.
 * Times are kept to the millisecond. Immutable.
 */
public record QueuedCall(CallId id, QueueName queue, Instant enqueuedAt, double orderKey, CallContext context) {

    public QueuedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(context, "context");
        if (!Double.isFinite(orderKey)) {
            throw new IllegalArgumentException("a waiting call's order key must be finite: " + orderKey);
        }
        // Redis keeps milliseconds; truncating here makes what is read back equal what was written.
        enqueuedAt = Instant.ofEpochMilli(enqueuedAt.toEpochMilli());
    }
}
