package io.cti.router.board;

import io.cti.router.reservations.Refusal;
import io.cti.router.reservations.Reservation;

import java.util.Objects;

/** What became of one reservation made on the board ({@link AgentBoard#reserve}). Immutable values. */
public sealed interface BoardReservation {

    /** The call is promised to the agent, who is Reserved for it on the board ({@code after}). */
    record Granted(Reservation reservation, BoardEntry after) implements BoardReservation {
        public Granted {
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(after, "after");
        }
    }

    /** Nothing changed, for {@code reason}: another router was faster, or the call or agent moved on. */
    record Refused(Refusal reason) implements BoardReservation {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
