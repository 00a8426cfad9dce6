package io.cti.platform.bridge;

import io.cti.bridge.connection.AmiLinkState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LinkWatchTest {

    private final AtomicReference<AmiLinkState> state = new AtomicReference<>(AmiLinkState.DOWN);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void sinceIsWhenTheStateWasFirstSeen() {
        LinkWatch watch = new LinkWatch(state::get, clock);
        clock.now = Instant.parse("2026-01-05T10:00:02Z");
        state.set(AmiLinkState.UP);
        watch.observe();

        clock.now = Instant.parse("2026-01-05T10:05:00Z");

        assertThat(watch.observe()).isEqualTo(new LinkWatch.Observation(AmiLinkState.UP,
                Instant.parse("2026-01-05T10:00:02Z")));
    }

    @Test
    void aChangeStartsANewSince() {
        LinkWatch watch = new LinkWatch(state::get, clock);
        state.set(AmiLinkState.UP);
        watch.observe();
        clock.now = Instant.parse("2026-01-05T11:00:00Z");
        state.set(AmiLinkState.DOWN);

        assertThat(watch.observe()).isEqualTo(new LinkWatch.Observation(AmiLinkState.DOWN,
                Instant.parse("2026-01-05T11:00:00Z")));
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
