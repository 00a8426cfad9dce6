package io.cti.router.reservations;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one attempt to reserve an agent for a call: granted with its reservation, or refused with why.
 * Immutable.
 */
public sealed interface ReservationAttempt {

    /** The reservation, if granted. */
    Optional<Reservation> reservation();

    /** The attempt succeeded; the caller now owns {@code reservation} until its deadline. */
    record Granted(Reservation granted) implements ReservationAttempt {
        public Granted {
            Objects.requireNonNull(granted, "granted");
        }

        @Override
        public Optional<Reservation> reservation() {
            return Optional.of(granted);
        }
    }

    /** The attempt changed nothing, for {@code reason}. */
    record Refused(Refusal reason) implements ReservationAttempt {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Reservation> reservation() {
            return Optional.empty();
        }
    }
}
