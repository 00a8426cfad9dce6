package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.router.reservations.FencingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ring's write on real Redis: a ring of a reservation that is no longer current (the reaper has it, or it was
 * given up) confirms nothing, writes no ring time and sets no pop marker, so no pop goes out for a call being put back.
 */
class RingRecordsTest {

    private final FlowDesk desk = new FlowDesk();
    private final CallLedger ledger = new CallLedger(desk.redis, desk.keys);
    private final RingRecords rings = new RingRecords(desk.redis, desk.keys);

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void aRingOfAReservationNoLongerCurrentWritesNothingAndSendsNoPop() {
        CallId call = CallId.of("c1");
        Instant arrived = Instant.parse("2026-06-15T04:00:00Z");
        ledger.write(call, Map.of(CallLedger.ARRIVED_AT, CallLedger.millis(arrived), CallLedger.QUEUE, "sales"));
        FencingToken gone = FencingToken.of(424_242);

        RingRecords.Rang rang = rings.rang(call, gone, Duration.ofSeconds(35), arrived.plusSeconds(12), "pop:" + gone);

        assertThat(rang.confirmed()).isFalse();
        assertThat(rang.firstPop()).isFalse();
        assertThat(ledger.find(call).orElseThrow().ringingAt()).isEmpty();
        assertThat(ledger.done(call, "pop:" + gone)).isFalse();
    }
}
