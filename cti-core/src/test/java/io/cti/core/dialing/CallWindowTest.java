package io.cti.core.dialing;

import io.cti.core.phone.PhoneNumber;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallWindowTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aCalleeMayBeCalledFromEightInTheMorningUntilJustBeforeNineInTheEveningTheirTime() {
        assertThat(CallWindow.USUAL.allows(at(SHANGHAI, 8, 0), List.of(SHANGHAI))).isTrue();
        assertThat(CallWindow.USUAL.allows(at(SHANGHAI, 20, 59), List.of(SHANGHAI))).isTrue();
        assertThat(CallWindow.USUAL.allows(at(SHANGHAI, 7, 59), List.of(SHANGHAI))).isFalse();
        assertThat(CallWindow.USUAL.allows(at(SHANGHAI, 21, 0), List.of(SHANGHAI))).isFalse();
    }

    @Test
    void aCalleeWhoseRegionSpansSeveralZonesIsCalledOnlyWhenEveryZoneIsInsideTheWindow() {
        List<ZoneId> us = CalleeZones.builtIn().of(new PhoneNumber("+14155550123"));
        // 09:00 in New York is 03:00 in Honolulu.
        Instant nineInNewYork = at(ZoneId.of("America/New_York"), 9, 0);
        Instant threePmInNewYork = at(ZoneId.of("America/New_York"), 15, 0);

        assertThat(us).contains(ZoneId.of("America/New_York"), ZoneId.of("Pacific/Honolulu"));
        assertThat(CallWindow.USUAL.allows(nineInNewYork, us)).isFalse();
        assertThat(CallWindow.USUAL.allows(threePmInNewYork, us)).isTrue();
    }

    @Test
    void aNumberOfARegionWithoutKnownZonesIsNeverCalled() {
        PhoneNumber faroe = new PhoneNumber("+298123456");

        assertThat(CalleeZones.builtIn().of(faroe)).isEmpty();
        assertThat(CallWindow.USUAL.allows(Instant.now(), CalleeZones.builtIn().of(faroe))).isFalse();
        assertThat(CalleeZones.builtIn().with(Map.of("fo", List.of(ZoneId.of("Atlantic/Faroe")))).of(faroe))
                .containsExactly(ZoneId.of("Atlantic/Faroe"));
    }

    @Test
    void aWindowMustOpenBeforeItCloses() {
        assertThatThrownBy(() -> new CallWindow(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21:00-08:00");
    }

    @Property
    void aCallIsAllowedExactlyWhenTheCalleesLocalTimeIsInsideTheWindow(@ForAll @IntRange(max = 23) int hour,
                                                                       @ForAll @IntRange(max = 59) int minute) {
        boolean inside = hour >= 8 && hour < 21;
        assertThat(CallWindow.USUAL.allows(at(SHANGHAI, hour, minute), List.of(SHANGHAI))).isEqualTo(inside);
    }

    private static Instant at(ZoneId zone, int hour, int minute) {
        return ZonedDateTime.of(2026, 6, 15, hour, minute, 0, 0, zone).toInstant();
    }
}
