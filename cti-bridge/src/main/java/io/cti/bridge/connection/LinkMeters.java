package io.cti.bridge.connection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The link's meters: logins, losses by bounded reason, events thrown away with a retired connection, late
 * keep-alive answers, and whether the link is up. Thread-safe (Micrometer's meters are).
 */
final class LinkMeters {

    private final MeterRegistry registry;
    private final Counter logins;
    private final Counter undelivered;
    private final Counter lagging;

    LinkMeters(MeterRegistry registry, AmiLink link) {
        this.registry = registry;
        this.logins = registry.counter("cti.bridge.ami.link.logins");
        this.undelivered = Counter.builder("cti.bridge.ami.lost")
                .description("AMI events read from the socket but thrown away unprocessed when the link retired "
                        + "the connection (what was still in the kernel's buffers is not countable)")
                .register(registry);
        this.lagging = Counter.builder("cti.bridge.ami.link.lagging")
                .description("keep-alive pings answered late while the link kept reading: a dispatch backlog")
                .register(registry);
        // The gauge holds the link itself (weakly, as Micrometer does), not a lambda nobody else references.
        Gauge.builder("cti.bridge.ami.link.up", link, l -> l.state() == AmiLinkState.UP ? 1 : 0)
                .description("1 while the AMI link is logged in and answering pings")
                .register(registry);
    }

    void loggedIn() {
        logins.increment();
    }

    void lost(String reason) {
        registry.counter("cti.bridge.ami.link.losses", "reason", reasonTag(reason)).increment();
    }

    void undelivered(long discarded) {
        undelivered.increment(discarded);
    }

    void lagging() {
        lagging.increment();
    }

    private static String reasonTag(String reason) {
        // Bounded tag values: the free text carries numbers and messages.
        if (reason.startsWith("keep-alive")) {
            return "keep-alive";
        }
        return reason.startsWith("connection closed") ? "closed" : "other";
    }
}
