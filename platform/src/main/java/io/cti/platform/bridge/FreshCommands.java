package io.cti.platform.bridge;

import io.cti.core.bus.MessageHandler;
import io.cti.core.messages.Command;
import io.cti.core.messages.DomainMessage;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Passes on only commands younger than the maximum age. The commands stream is kept in Redis and the bridge's
 * group resumes where it stopped, so after a restart it would otherwise ring an agent or dial a customer for a
 * request made long ago, when the call it was about is gone. A stale command is acknowledged, logged and counted
 * ({@code cti.bridge.commands{outcome=stale}}), never run. Thread-safe if the delegate is.
 */
final class FreshCommands implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(FreshCommands.class);

    private final MessageHandler delegate;
    private final Duration maxAge;
    private final Clock clock;
    private final MeterRegistry registry;

    FreshCommands(MessageHandler delegate, Duration maxAge, Clock clock, MeterRegistry registry) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void handle(DomainMessage message) throws Exception {
        if (message instanceof Command command && isStale(command.occurredAt())) {
            String type = command.getClass().getSimpleName();
            registry.counter("cti.bridge.commands", "type", type, "outcome", "stale").increment();
            log.warn("command {} {} not executed: issued at {}, more than {} ago (cti.bridge.command-max-age)",
                    type, command.id(), command.occurredAt(), maxAge);
            return;
        }
        delegate.handle(message);
    }

    private boolean isStale(Instant occurredAt) {
        return occurredAt.plus(maxAge).isBefore(clock.instant());
    }
}
