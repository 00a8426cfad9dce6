package io.cti.core.customers;

import java.time.Instant;
import java.util.Objects;

/** A complaint or service request raised by a customer. {@code id} is 0 until stored. Immutable. */
public record ServiceRequest(long id, Kind kind, String subject, Status status, Instant openedAt, Instant closedAt) {

    /** Complaints raise an alert on the screen-pop while open; service requests do not. */
    public enum Kind { COMPLAINT, SERVICE_REQUEST }

    /** Open and in-progress requests are still the business's to answer. */
    public enum Status { OPEN, IN_PROGRESS, RESOLVED, CLOSED }

    public ServiceRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.IN_PROGRESS;
    }
}
