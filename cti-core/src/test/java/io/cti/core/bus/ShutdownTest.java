package io.cti.core.bus;

import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.testing.EmbeddedServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ShutdownTest extends BusTestBase {

    private static final Duration BLOCK = Duration.ofMillis(300);

    @Test
    void closingASubscriptionStopsItsPollingThreadWithinTheBlockTimeout() throws InterruptedException {
        RedisStreamsBus bus = bus(fastOptions().blockTimeout(BLOCK).build());
        RunningSubscription running = bus.subscribe(spec("closing", "node-1"), message -> { });
        Thread.sleep(BLOCK.toMillis() / 2); // let it block in a read

        long started = System.nanoTime();
        running.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // The block timeout, plus room for a busy machine's scheduling.
        assertThat(took).isLessThan(BLOCK.plusSeconds(1));
        assertThat(running.isRunning()).isFalse();
        assertThat(threadsNamed("cti-bus-closing-")).isZero();
    }

    @Test
    void openingAndClosingSubscriptionsRepeatedlyLeaksNoThreads() {
        RedisStreamsBus bus = bus(fastOptions().blockTimeout(Duration.ofMillis(50)).build());
        // Netty starts its event-loop threads lazily, one per new connection up to the pool size: warm up first.
        for (int i = 0; i < 6; i++) {
            bus.subscribe(spec("leak", "warm-up-" + i), message -> { }).close();
        }
        int baseline = liveThreads();

        for (int i = 0; i < 25; i++) {
            bus.subscribe(spec("leak", "node-" + i), message -> { }).close();
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> liveThreads() <= baseline + 2);
        assertThat(threadsNamed("cti-bus-leak-")).isZero();
    }

    @Test
    void closingTheBusStopsItsSubscriptionsAndClosesItsConnections() {
        RedisStreamsBus bus = RedisStreamsBus.connect(EmbeddedServers.shared().redisUri(),
                fastOptions().blockTimeout(BLOCK).build(), new SimpleMeterRegistry());
        RunningSubscription first = bus.subscribe(spec("router", "node-1"), message -> { });
        RunningSubscription second = bus.subscribe(spec("dialer", "node-1"), message -> { });
        assertThat(busClients()).isEqualTo(3);

        bus.close();

        assertThat(first.isRunning()).isFalse();
        assertThat(second.isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> busClients() == 0);
        assertThatThrownBy(() -> bus.publish(CustomerRegistered.now(CustomerId.of(1), "current")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openingAndClosingBusesRepeatedlyLeaksNoThreads() {
        BusOptions options = fastOptions().blockTimeout(Duration.ofMillis(50)).build();
        cycleBus(options);
        int baseline = liveThreads();

        for (int i = 0; i < 5; i++) {
            cycleBus(options);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> liveThreads() <= baseline + 2);
    }

    private static void cycleBus(BusOptions options) {
        try (RedisStreamsBus bus = RedisStreamsBus.connect(EmbeddedServers.shared().redisUri(), options,
                new SimpleMeterRegistry())) {
            bus.subscribe(spec("cycle", "node-1"), message -> { });
        }
    }

    private long busClients() {
        return probe.clientNames().stream().filter(name -> name.startsWith("cti-bus:" + prefix)).count();
    }

    private static Subscription spec(String group, String consumer) {
        return Subscription.builder(group, consumer).streams(BusStream.EVENTS, BusStream.COMMANDS).build();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
                .count();
    }
}
