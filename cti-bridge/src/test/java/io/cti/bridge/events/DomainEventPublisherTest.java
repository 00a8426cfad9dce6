package io.cti.bridge.events;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.DomainMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DomainEventPublisherTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void publishesInOrderOnItsOwnThread() {
        SlowBus bus = new SlowBus(new CountDownLatch(0));
        try (DomainEventPublisher publisher = new DomainEventPublisher(bus, 10, registry)) {
            for (int i = 0; i < 5; i++) {
                publisher.accept(CallHeld.now(CallId.of("c" + i), "PJSIP/1-0000000" + i));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> bus.published.size() == 5);
        }
        assertThat(bus.published).extracting(message -> ((CallHeld) message).callId().value())
                .containsExactly("c0", "c1", "c2", "c3", "c4");
        assertThat(bus.threads).containsOnly("cti-bridge-publisher");
    }

    @Test
    void aStuckBusNeverBlocksTheTranslatorAndDropsAreCounted() {
        CountDownLatch release = new CountDownLatch(1);
        SlowBus bus = new SlowBus(release);
        // Batches of one: at most one event is out of the queue while the bus is stuck, so the bound below is exact.
        try (DomainEventPublisher publisher = new DomainEventPublisher(bus, 3, 1, registry)) {
            // The bus stays stuck until after these lines, so merely getting past the loop proves accept() never blocks.
            for (int i = 0; i < 10; i++) {
                publisher.accept(CallHeld.now(CallId.of("c" + i), "PJSIP/1-00000001"));
            }
            assertThat(registry.get("cti.bridge.events.dropped").counter().count()).isGreaterThanOrEqualTo(6);
            release.countDown();
        }
        // Every event is either published or counted as dropped.
        assertThat(bus.published.size() + registry.get("cti.bridge.events.dropped").counter().count()).isEqualTo(10.0);
    }

    @Test
    void withBatchesAStuckBusStillNeverBlocksAndEveryEventIsPublishedOrCountedAsDropped() {
        CountDownLatch release = new CountDownLatch(1);
        SlowBus bus = new SlowBus(release);
        try (DomainEventPublisher publisher = new DomainEventPublisher(bus, 3, 256, registry)) {
            for (int i = 0; i < 300; i++) {
                publisher.accept(CallHeld.now(CallId.of("c" + i), "PJSIP/1-00000001"));
            }
            // At most one batch is out of the queue while the bus is stuck: the queue (3) and that batch hold the rest.
            assertThat(registry.get("cti.bridge.events.dropped").counter().count()).isGreaterThanOrEqualTo(300 - 3 - 256);
            release.countDown();
        }
        assertThat(bus.published.size() + registry.get("cti.bridge.events.dropped").counter().count()).isEqualTo(300.0);
    }

    @Test
    void whatQueuesUpIsPublishedInBatchesInOrderAndEachFailureIsCounted() {
        CountDownLatch release = new CountDownLatch(1);
        SlowBus bus = new SlowBus(release);
        bus.refuse = "c7";
        try (DomainEventPublisher publisher = new DomainEventPublisher(bus, 100, 16, registry)) {
            // The first event blocks the bus; the 39 behind it queue up and go in batches of at most 16.
            for (int i = 0; i < 40; i++) {
                publisher.accept(CallHeld.now(CallId.of("c" + i), "PJSIP/1-00000001"));
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> bus.published.size() == 39);
        }
        assertThat(bus.published).extracting(message -> ((CallHeld) message).callId().value())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).filter(i -> i != 7)
                        .mapToObj(i -> "c" + i).toList());
        assertThat(bus.batches).isNotEmpty().allMatch(size -> size <= 16).anyMatch(size -> size > 1);
        assertThat(registry.get("cti.bridge.events.published").counter().count()).isEqualTo(39.0);
        assertThat(registry.get("cti.bridge.events.failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("cti.bridge.events.dropped").counter().count()).isZero();
    }

    /** Records what it publishes, and blocks in publish until released. */
    private static final class SlowBus implements MessageBus {

        final List<DomainMessage> published = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        private final CountDownLatch release;
        /** Call id of a message this bus refuses, if any. */
        volatile String refuse;

        SlowBus(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String publish(DomainMessage message) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            threads.add(Thread.currentThread().getName());
            if (message instanceof CallHeld held && held.callId().value().equals(refuse)) {
                throw new IllegalArgumentException("refused " + refuse);
            }
            published.add(message);
            return "1-" + published.size();
        }

        @Override
        public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
            batches.add(messages.size());
            List<PublishResult> results = new ArrayList<>();
            for (DomainMessage message : messages) {
                try {
                    results.add(PublishResult.appended(message, publish(message)));
                } catch (RuntimeException e) {
                    results.add(PublishResult.failed(message, e));
                }
            }
            return results;
        }

        @Override
        public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
            throw new UnsupportedOperationException("the publisher only publishes");
        }

        @Override
        public void close() {
            release.countDown();
        }
    }
}
