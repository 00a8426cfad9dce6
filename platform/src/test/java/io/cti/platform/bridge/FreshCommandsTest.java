package io.cti.platform.bridge;

import io.cti.core.ids.CallId;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.MessageId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreshCommandsTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    private final List<DomainMessage> executed = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FreshCommands fresh = new FreshCommands(executed::add, Duration.ofMinutes(1),
            Clock.fixed(NOW, ZoneOffset.UTC), registry);

    @Test
    void aCommandWithinTheMaximumAgeIsExecuted() throws Exception {
        HangUp hangUp = new HangUp(MessageId.random(), NOW.minusSeconds(59), CallId.of("1800000000.1"));

        fresh.handle(hangUp);

        assertThat(executed).containsExactly(hangUp);
    }

    @Test
    void anOlderCommandIsDroppedAndCounted() throws Exception {
        fresh.handle(new HangUp(MessageId.random(), NOW.minusSeconds(61), CallId.of("1800000000.1")));

        assertThat(executed).isEmpty();
        assertThat(registry.counter("cti.bridge.commands", "type", "HangUp", "outcome", "stale").count()).isEqualTo(1);
    }
}
