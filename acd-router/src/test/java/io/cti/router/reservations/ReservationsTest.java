package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.QueuedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReservationsTest {

    private static final QueueName SALES = QueueName.of("sales");
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration SHORT = Duration.ofMillis(30);
    private static final CallId C1 = CallId.of("c1");
    private static final CallId C2 = CallId.of("c2");
    private static final AgentId A1 = AgentId.of("a1");
    private static final AgentId A2 = AgentId.of("a2");

    private final RouterKeys keys = RedisForTests.uniqueKeys();
    private final Desk desk = new Desk(keys, "router-1");
    private final Reservations reservations = desk.reservations;

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void aReservationTakesTheCallOutOfItsQueueAndTheAgentOutOfTheReadySet() {
        desk.enqueue("c1", SALES, 1.5);
        desk.ready("a1", 0);
        Instant before = Instant.now();

        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(reservation).extracting(Reservation::call, Reservation::agent, Reservation::queue,
                Reservation::orderKey, Reservation::router)
                .containsExactly(C1, A1, SALES, 1.5, RouterId.of("router-1"));
        assertThat(reservation.deadline()).isAfter(before.plus(LONG).minusSeconds(5));
        assertThat(desk.queue(SALES)).isEmpty();
        assertThat(desk.agents.isReady(A1)).isFalse();
        assertThat(reservations.isCurrent(C1, reservation.token())).isTrue();
        assertThat(desk.waiting.find(C1)).as("the call keeps its details while reserved").isPresent();
    }

    @Test
    void anAgentWhoHoldsAReservationIsRefusedASecondCall() {
        desk.enqueue("c1", SALES, 1);
        desk.enqueue("c2", SALES, 2);
        desk.ready("a1", 0);
        granted(reservations.reserve(C1, A1, LONG));

        ReservationAttempt second = reservations.reserve(C2, A1, LONG);

        assertThat(second).isEqualTo(refused(Refusal.AGENT_ALREADY_RESERVED));
        assertThat(desk.queue(SALES)).containsExactly("c2");
    }

    @Test
    void aCallAlreadyReservedIsRefusedToASecondAgent() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        desk.ready("a2", 0);
        granted(reservations.reserve(C1, A1, LONG));

        ReservationAttempt second = reservations.reserve(C1, A2, LONG);

        assertThat(second).isEqualTo(refused(Refusal.CALL_NOT_WAITING));
        assertThat(desk.agents.isReady(A2)).isTrue();
    }

    @Test
    void anAgentWhoIsNotReadyOrACallThatIsNotWaitingIsRefused() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);

        assertThat(reservations.reserve(C1, A2, LONG)).isEqualTo(refused(Refusal.AGENT_NOT_READY));
        assertThat(reservations.reserve(C2, A1, LONG)).isEqualTo(refused(Refusal.CALL_NOT_WAITING));
        assertThat(desk.queue(SALES)).containsExactly("c1");
        assertThat(desk.agents.isReady(A1)).isTrue();
    }

    @Test
    void releaseReturnsTheCallToItsOriginalPlaceAndTheAgentToReadyWithTheirIdleTime() {
        desk.enqueue("c1", SALES, 1);
        desk.enqueue("c2", SALES, 2);
        desk.enqueue("c3", SALES, 3);
        desk.ready("a1", 10);
        desk.ready("a2", 20);
        Reservation reservation = granted(reservations.reserve(C2, A1, LONG));
        desk.enqueue("c-arrived-meanwhile", SALES, 2.5);

        assertThat(reservations.release(reservation.token())).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.queue(SALES)).containsExactly("c1", "c2", "c-arrived-meanwhile", "c3");
        assertThat(desk.readyAgents()).containsExactly("a1", "a2");
        assertThat(desk.agents.longestIdleFirst().get(0).idleSince()).isEqualTo(Desk.T0.plusSeconds(10));
        assertThat(reservations.isCurrent(C2, reservation.token())).isFalse();
    }

    @Test
    void redirectOnNoAnswerReturnsTheCallToItsPlaceButNotTheAgentToReady() {
        desk.enqueue("c1", SALES, 1);
        desk.enqueue("c2", SALES, 2);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(reservations.redirectOnNoAnswer(reservation.token())).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.queue(SALES)).containsExactly("c1", "c2");
        assertThat(desk.agents.isReady(A1)).isFalse();
        assertThat(desk.agents.markReady(A1, Instant.now())).as("no longer reserved, so may become Ready").isTrue();
    }

    @Test
    void completeEndsCallAndReservationAndLeavesTheAgentBusy() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(reservations.complete(reservation.token())).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.waiting.find(C1)).isEmpty();
        assertThat(desk.waiting.depth(SALES).waiting()).isZero();
        assertThat(desk.agents.isReady(A1)).isFalse();
        assertThat(reservations.isCurrent(C1, reservation.token())).isFalse();
        assertThat(reservations.complete(reservation.token())).isEqualTo(TokenOutcome.STALE);
        assertThat(desk.waiting.enqueue(new QueuedCall(C1, SALES, Desk.T0, 1, CallContext.NONE)))
                .as("a late arrival of the answered call").isFalse();
        assertThat(desk.agents.markReady(A1, Instant.now())).as("after wrap-up").isTrue();
    }

    @Test
    void confirmTurnsTheReservationIntoAConnectionWithItsOwnDeadline() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, Duration.ofSeconds(30)));

        assertThat(reservations.confirm(reservation.token(), Duration.ofHours(1))).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.connection.sync().zscore(keys.deadlines(), reservation.token().toString()))
                .isGreaterThan(reservation.deadline().plus(Duration.ofMinutes(50)).toEpochMilli());
        assertThat(desk.connection.sync().hget(keys.reservation(reservation.token().value()), "stage"))
                .isEqualTo("connecting");
        assertThat(reservations.isCurrent(C1, reservation.token())).isTrue();
    }

    @Test
    void aLateCommandWithAStaleTokenIsRefusedAfterExpiryAndReReservation() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        desk.ready("a2", 0);
        Reservation old = granted(reservations.reserve(C1, A1, SHORT));
        await().until(() -> !reservations.isCurrent(C1, old.token()));
        assertThat(reservations.confirm(old.token(), LONG)).as("expired, not yet reaped")
                .isEqualTo(TokenOutcome.EXPIRED);
        await().until(() -> reservations.reapExpired() == 0 && desk.queue(SALES).contains("c1"));

        Reservation current = granted(reservations.reserve(C1, A2, LONG));

        assertThat(current.token()).isGreaterThan(old.token());
        assertThat(reservations.isCurrent(C1, old.token())).isFalse();
        assertThat(reservations.confirm(old.token(), LONG)).isEqualTo(TokenOutcome.STALE);
        assertThat(reservations.release(old.token())).isEqualTo(TokenOutcome.STALE);
        assertThat(reservations.complete(old.token())).isEqualTo(TokenOutcome.STALE);
        assertThat(reservations.isCurrent(C1, current.token())).isTrue();
        assertThat(desk.queue(SALES)).as("the stale commands left the current reservation alone").isEmpty();
    }

    @Test
    void theReaperReturnsExpiredReservationsCallsToTheirPlacesAndAgentsToReady() {
        desk.enqueue("c1", SALES, 1);
        desk.enqueue("c2", SALES, 2);
        desk.enqueue("c3", SALES, 3);
        desk.ready("a1", 0);
        desk.ready("a2", 5);
        desk.ready("a3", 10);
        Reservation expiring1 = granted(reservations.reserve(C1, A1, SHORT));
        Reservation expiring2 = granted(reservations.reserve(CallId.of("c3"), A2, SHORT));
        Reservation live = granted(reservations.reserve(C2, AgentId.of("a3"), LONG));
        await().until(() -> !reservations.isCurrent(C1, expiring1.token())
                && !reservations.isCurrent(CallId.of("c3"), expiring2.token()));

        assertThat(reservations.reapExpired()).isEqualTo(2);

        assertThat(desk.queue(SALES)).containsExactly("c1", "c3");
        assertThat(desk.readyAgents()).containsExactly("a1", "a2");
        assertThat(reservations.isCurrent(C2, live.token())).isTrue();
        assertThat(reservations.reapExpired()).isZero();
    }

    @Test
    void anAgentHoldingAReservationCannotBeMadeReadyAndOneWhoWentNotReadyStaysSo() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(desk.agents.markReady(A1, Instant.now())).isFalse();
        desk.agents.markNotReady(A1);
        assertThat(reservations.release(reservation.token())).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.agents.isReady(A1)).isFalse();
        assertThat(desk.queue(SALES)).containsExactly("c1");
    }

    @Test
    void aCallAbandonedWhileReservedIsNotQueuedAgainWhenTheReservationIsReleased() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(desk.waiting.remove(C1)).isTrue();
        assertThat(reservations.isCurrent(C1, reservation.token())).isTrue();
        assertThat(reservations.release(reservation.token())).isEqualTo(TokenOutcome.DONE);

        assertThat(desk.queue(SALES)).isEmpty();
        assertThat(desk.waiting.find(C1)).isEmpty();
        assertThat(desk.agents.isReady(A1)).isTrue();
    }

    @Test
    void isCurrentNamesTheCallTheTokenWasGivenFor() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(reservations.isCurrent(C2, reservation.token())).isFalse();
        assertThat(reservations.isCurrent(C1, FencingToken.of(reservation.token().value() + 1))).isFalse();
    }

    @Test
    void whoeverKnowsOnlyTheCallFindsTheReservationItIsUnder() {
        desk.enqueue("c1", SALES, 1);
        desk.ready("a1", 0);
        Reservation reservation = granted(reservations.reserve(C1, A1, LONG));

        assertThat(reservations.currentOf(C1)).contains(reservation);
        reservations.complete(reservation.token());
        assertThat(reservations.currentOf(C1)).isEmpty();
        assertThat(reservations.currentOf(C2)).isEmpty();
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> reservations.reserve(C1, A1, Duration.ZERO)).isInstanceOf(RouterException.class)
                .extracting(e -> ((RouterException) e).errorId()).isEqualTo("reservation-timeout-invalid");
    }

    private static ReservationAttempt refused(Refusal reason) {
        return new ReservationAttempt.Refused(reason);
    }

    static Reservation granted(ReservationAttempt attempt) {
        assertThat(attempt).isInstanceOf(ReservationAttempt.Granted.class);
        return attempt.reservation().orElseThrow();
    }
}
