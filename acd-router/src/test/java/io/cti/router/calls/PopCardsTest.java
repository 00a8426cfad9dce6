package io.cti.router.calls;

import io.cti.core.customers.Channel;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.Direction;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.router.screenpop.ScreenPopComposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cards of screen-pops, on the real customer database: the card read as the call arrived serves its pop when the
 * call is reserved soon after (no query between the reservation and the ring), a card read longer ago is read again,
 * and the contacts of the day are counted from the card only when it holds them all.
 */
class PopCardsTest {

    private static final CallId CALL = CallId.of("c1");

    private final FlowDesk desk = new FlowDesk();
    private final ScreenPopComposer composer = new ScreenPopComposer(desk.cards, desk.history, desk.clock,
            ZoneOffset.UTC);
    private final PopCards pops = new PopCards(composer, desk.clock);
    private final CustomerId customer = desk.customer("Lin Wei", "+14155550123");

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aCallReservedSoonAfterItsArrivalPopsTheCardReadAtArrivalWithoutReadingItAgain() {
        contact(desk.clock.instant());
        pops.arrived(CALL, card());
        contact(desk.clock.instant());

        pops.readAhead(CALL, Optional.of(customer));
        ScreenPopComposer.Caller caller = pops.take(CALL, Optional.of(customer), desk.clock.instant());

        assertThat(caller.contactsToday()).as("contacts as the arrival's card counted them").isEqualTo(1);
        assertThat(caller.card().lastInteractions()).hasSize(1);
    }

    @Test
    void aCallReservedLongAfterItsArrivalHasItsCardReadAgain() {
        contact(desk.clock.instant());
        pops.arrived(CALL, card());
        contact(desk.clock.instant());
        desk.advanceClock(PopCards.REUSED_UNTIL.plusSeconds(1));

        pops.readAhead(CALL, Optional.of(customer));
        ScreenPopComposer.Caller caller = pops.take(CALL, Optional.of(customer), desk.clock.instant());

        assertThat(caller.contactsToday()).isEqualTo(2);
    }

    @Test
    void theContactsOfTheDayAreCountedFromTheCardsInteractionsOfThatDay() {
        Instant now = desk.clock.instant();
        contact(now.minus(Duration.ofDays(1)));
        contact(now);
        contact(now);

        assertThat(composer.callerFromCard(card(), now)).hasValueSatisfying(caller -> {
            assertThat(caller.contactsToday()).isEqualTo(2);
            assertThat(caller.contactsToday()).isEqualTo(composer.readCaller(Optional.of(customer), now).contactsToday());
        });
    }

    @Test
    void aCardWhoseInteractionsAreAllOfTheDayCannotCountThemAndTheReservationReadsThem() {
        Instant now = desk.clock.instant();
        for (int i = 0; i <= CustomerCard.LAST_INTERACTIONS; i++) {
            contact(now);
        }
        assertThat(composer.callerFromCard(card(), now)).isEmpty();

        pops.arrived(CALL, card());
        pops.readAhead(CALL, Optional.of(customer));

        assertThat(pops.take(CALL, Optional.of(customer), now).contactsToday())
                .isEqualTo(CustomerCard.LAST_INTERACTIONS + 1);
    }

    private CustomerCard card() {
        return desk.cards.byId(customer).orElseThrow();
    }

    private void contact(Instant at) {
        desk.history.recordInteraction(customer, new Interaction(0, Channel.PHONE, Direction.INBOUND, "bob", "c0",
                "sales", "answered", null, null, at, at.plusSeconds(60), 5, 60));
    }
}
