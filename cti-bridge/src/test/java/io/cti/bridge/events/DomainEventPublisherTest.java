package io.cti.bridge.events;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.DomainMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        try (DomainEventPublisher publisher = new DomainEventPublisher(bus, 3, registry)) {
            // The bus stays stuck until after these lines, so merely getting past the loop proves accept() never blocks.
            for (int i = 0; i < 10; i++) {
                publisher.accept(CallHeld.now(CallId.of("c" + i), "PJSIP/1-00000001"));
            }
            assertThat(registry.get("cti.bridge.events.dropped").counter().count()).isGreaterThanOrEqualTo(6);
            release.countDown();
        }
    }

    /** Records what it publishes, and blocks in publish until released. */
    private static final class SlowBus implements MessageBus {

        final List<DomainMessage> published = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        private final CountDownLatch release;

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
            published.add(message);
            return "1-" + published.size();
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
