package io.cti.core.bus;

import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.testing.EmbeddedServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Gives each bus test its own key prefix (so tests never see each other's streams), a fresh meter registry,
 * a probe on Redis, and closes every bus and subscription it opened. One instance per test method.
 */
abstract class BusTestBase {

    static {
        QuietLogs.install();
    }

    protected final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    protected RedisProbe probe;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @BeforeEach
    void openProbe() {
        probe = RedisProbe.connect();
    }

    @AfterEach
    void closeEverything() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
        probe.close();
    }

    /** Timings short enough for tests; claims are slow unless a test shortens them. */
    protected BusOptions.Builder fastOptions() {
        return BusOptions.builder()
                .streamPrefix(prefix)
                .readBatchSize(10)
                .blockTimeout(Duration.ofMillis(200))
                .claimMinIdle(Duration.ofMinutes(1))
                .claimInterval(Duration.ofMillis(100))
                .maxDeliveries(3)
                .processedTtl(Duration.ofHours(1));
    }

    protected RedisStreamsBus bus(BusOptions options) {
        RedisStreamsBus bus = RedisStreamsBus.connect(EmbeddedServers.shared().redisUri(), options, registry);
        opened.push(bus);
        return bus;
    }

    protected RunningSubscription subscribe(MessageBus bus, Subscription subscription, MessageHandler handler) {
        RunningSubscription running = bus.subscribe(subscription, handler);
        opened.push(running);
        return running;
    }

    protected String events() {
        return prefix + "events";
    }

    protected String commands() {
        return prefix + "commands";
    }

    protected String deadLetters() {
        return prefix + "dead-letter";
    }

    /** The sum of a bus counter over all its tags for one group (or all groups if {@code group} is null). */
    protected double count(String name, String group) {
        var search = registry.find(name);
        if (group != null) {
            search = search.tag("group", group);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    protected static List<CustomerRegistered> registrations(int howMany) {
        return IntStream.rangeClosed(1, howMany)
                .mapToObj(i -> CustomerRegistered.now(CustomerId.of(i), "current"))
                .toList();
    }
}
