package io.cti.router.calls;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The hold time of a call from its hold log, case by case. */
class HoldLogTest {

    private static final Instant T = Instant.parse("2026-06-15T02:00:00Z");
    private static final String CALLER = "PJSIP/trunk-1";
    private static final String AGENT = "PJSIP/2001-1";

    @Test
    void theHoldTimeIsTheSumOfEveryHold() {
        HoldLog log = new HoldLog(List.of(held(10, CALLER), resumed(40, CALLER), held(100, CALLER),
                resumed(105, CALLER)));

        assertThat(log.total(t(200))).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    void aHoldStillOpenAtTheEndCountsUpToTheEnd() {
        HoldLog log = new HoldLog(List.of(held(10, CALLER), resumed(20, CALLER), held(150, CALLER)));

        assertThat(log.total(t(200))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theCallIsOnHoldWhileEitherPartyIsHeld() {
        HoldLog log = new HoldLog(List.of(held(10, CALLER), held(20, AGENT), resumed(30, CALLER), resumed(50, AGENT)));

        assertThat(log.total(t(200))).isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aResumeWithoutAHoldAndEventsAfterTheEndCountNothing() {
        HoldLog log = new HoldLog(List.of(resumed(10, CALLER), held(250, CALLER), resumed(260, CALLER)));

        assertThat(log.total(t(200))).isZero();
    }

    @Test
    void aHoldResumedInTheSameMillisecondHeldNothing() {
        HoldLog log = new HoldLog(List.of(resumed(10, CALLER), held(10, CALLER)));

        assertThat(log.total(t(200))).isZero();
    }

    private static HoldLog.Entry held(int second, String channel) {
        return new HoldLog.Entry(t(second), channel, true);
    }

    private static HoldLog.Entry resumed(int second, String channel) {
        return new HoldLog.Entry(t(second), channel, false);
    }

    private static Instant t(int second) {
        return T.plusSeconds(second);
    }
}
