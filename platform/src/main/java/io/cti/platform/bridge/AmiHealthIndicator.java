package io.cti.platform.bridge;

import io.cti.bridge.connection.AmiLinkState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import java.util.function.BooleanSupplier;

/**
 * The {@code ami} health component: UP while the bridge is logged in to the PBX and its pings are answered, DOWN
 * while it is not (connecting or waiting to reconnect), OUT_OF_SERVICE once the bridge is stopped. Details: the
 * PBX's address, whether it is the embedded pbx-sim, the link state and since when, and how often the link logged
 * in and was lost; never the secret. Reads state the bridge keeps, so a check costs no PBX round trip.
 * Thread-safe.
 */
final class AmiHealthIndicator implements HealthIndicator {

    /** Meters cti-bridge's AMI link keeps; read here so the counts survive between health checks. */
    static final String LOGINS = "cti.bridge.ami.link.logins";
    static final String LOSSES = "cti.bridge.ami.link.losses";

    private final AmiEndpoint endpoint;
    private final LinkWatch watch;
    private final MeterRegistry registry;
    private final BooleanSupplier running;

    AmiHealthIndicator(AmiEndpoint endpoint, LinkWatch watch, MeterRegistry registry, BooleanSupplier running) {
        this.endpoint = endpoint;
        this.watch = watch;
        this.registry = registry;
        this.running = running;
    }

    @Override
    public Health health() {
        LinkWatch.Observation link = watch.observe();
        Health.Builder builder;
        if (!running.getAsBoolean()) {
            builder = Health.outOfService();
        } else if (link.state() == AmiLinkState.UP) {
            builder = Health.up();
        } else {
            builder = Health.down();
        }
        return builder
                .withDetail("pbx", endpoint.address())
                .withDetail("embedded", endpoint.embedded())
                .withDetail("username", endpoint.username())
                .withDetail("state", running.getAsBoolean() ? link.state().name() : "STOPPED")
                .withDetail("since", link.since().toString())
                .withDetail("logins", count(LOGINS))
                .withDetail("losses", count(LOSSES))
                .build();
    }

    private long count(String name) {
        return Math.round(registry.find(name).counters().stream().mapToDouble(Counter::count).sum());
    }
}
