package io.cti.core.bus;

import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainMessage;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.models.stream.PendingMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bus reads entries a batch at a time and acknowledges each batch together, after its handlers ran. */
class BatchDeliveryTest extends BusTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String GROUP = "agent-console";

    /** Everything published before the subscription starts, so that one read takes it all as one batch. */
    private Subscription fromTheBeginning(String consumer) {
        return Subscription.builder(GROUP, consumer).streams(BusStream.EVENTS)
                .startFrom(BusStream.EVENTS, StartPosition.BEGINNING).build();
    }

    @Test
    void aBatchIsAcknowledgedOnlyAfterEveryHandlerOfItRan() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).build());
        List<CustomerRegistered> sent = registrations(5);
        sent.forEach(bus::publish);
        Queue<Long> pendingSeenByHandler = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), message -> pendingSeenByHandler.add(probe.pending(events(), GROUP)));

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 5);
        // While the batch was being handled, none of it was acknowledged, not even the entries handled first.
        assertThat(pendingSeenByHandler).containsExactly(5L, 5L, 5L, 5L, 5L);
        assertThat(probe.pending(events(), GROUP)).isZero();
        sent.forEach(message -> assertThat(probe.redis().exists(
                bus.options().processedKey(GROUP, message.id().toString()))).isEqualTo(1));
    }

    @Test
    void aBatchWhereOneHandlerFailsAcknowledgesTheOthersAndLeavesOnlyTheFailedEntryPending() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).build());
        List<CustomerRegistered> sent = registrations(6);
        List<String> entryIds = sent.stream().map(bus::publish).toList();
        CustomerRegistered doomed = sent.get(2);
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), message -> {
            if (message.equals(doomed)) {
                throw new IllegalStateException("customer table locked");
            }
            handled.add(message);
        });

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 5 && count(BusMetrics.FAILED, GROUP) == 1);
        assertThat(handled).containsExactlyElementsOf(sent.stream().filter(m -> !m.equals(doomed)).toList());
        List<PendingMessage> pending = probe.redis().xpending(events(), io.lettuce.core.Consumer.from(GROUP, "node-1"),
                Range.unbounded(), Limit.from(100));
        assertThat(pending).extracting(PendingMessage::getId).containsExactly(entryIds.get(2));
        assertThat(probe.redis().exists(bus.options().processedKey(GROUP, doomed.id().toString()))).isZero();
        assertThat(probe.redis().exists(bus.options().processedKey(GROUP, sent.get(3).id().toString()))).isEqualTo(1);
    }

    @Test
    void theFailedEntryOfABatchIsRetriedAloneAndTheOthersAreNotHandledAgain() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).claimMinIdle(Duration.ofMillis(300)).build());
        List<CustomerRegistered> sent = registrations(4);
        sent.forEach(bus::publish);
        CustomerRegistered flaky = sent.get(1);
        Queue<DomainMessage> attempts = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), message -> {
            attempts.add(message);
            if (message.equals(flaky) && attempts.stream().filter(flaky::equals).count() == 1) {
                throw new IllegalStateException("database briefly unavailable");
            }
        });

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 4);
        assertThat(attempts).containsExactly(sent.get(0), flaky, sent.get(2), sent.get(3), flaky);
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void aMessagePublishedTwiceIntoOneBatchIsHandledOnceAndBothEntriesAreAcknowledged() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).build());
        List<CustomerRegistered> sent = registrations(3);
        bus.publish(sent.get(0));
        bus.publish(sent.get(1));
        bus.publish(sent.get(0)); // a publisher's retry after a timeout: same message id, second entry
        bus.publish(sent.get(2));
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), handled::add);

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 3
                && count(BusMetrics.DUPLICATES_SKIPPED, GROUP) == 1);
        assertThat(handled).containsExactlyElementsOf(sent);
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void batchesLargerThanOneScriptCallAreAcknowledgedInFull() {
        int messages = Acknowledgements.MAX_PER_CALL * 2 + 7;
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(messages).build());
        List<CustomerRegistered> sent = registrations(messages);
        bus.publishAll(sent);
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), handled::add);

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == messages);
        assertThat(handled).containsExactlyElementsOf(sent);
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void aBatchIsAcknowledgedOnlyOnceItsHandlerSettledWhatTheHandlingsPublished() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).build());
        registrations(4).forEach(bus::publish);
        Queue<String> calls = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), new MessageHandler() {
            @Override
            public void handle(DomainMessage message) {
                calls.add("handle");
            }

            @Override
            public void settle() {
                calls.add("settle with " + probe.pending(events(), GROUP) + " pending");
            }
        });

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 4);
        // One settle for the batch, after its handlings and before any of them was acknowledged.
        assertThat(calls).containsExactly("handle", "handle", "handle", "handle", "settle with 4 pending");
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void aBatchWhoseHandlingsAllFailedIsSettledAllTheSame() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).build());
        registrations(2).forEach(bus::publish);
        Queue<String> calls = new ConcurrentLinkedQueue<>();

        subscribe(bus, fromTheBeginning("node-1"), new MessageHandler() {
            @Override
            public void handle(DomainMessage message) {
                calls.add("handle");
                throw new IllegalStateException("published part of its work, then failed");
            }

            @Override
            public void settle() {
                calls.add("settle");
            }
        });

        // What the failed handlings published is settled with their own batch, not blamed on the next one.
        await().atMost(PATIENCE).until(() -> calls.size() >= 3);
        assertThat(calls).startsWith("handle", "handle", "settle");
    }

    @Test
    void messagesWhoseHandlerCouldNotSettleStayPendingAndAreHandledAgain() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(10).claimMinIdle(Duration.ofMillis(300)).build());
        List<CustomerRegistered> sent = registrations(3);
        sent.forEach(bus::publish);
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        AtomicInteger settles = new AtomicInteger();

        subscribe(bus, fromTheBeginning("node-1"), new MessageHandler() {
            @Override
            public void handle(DomainMessage message) {
                handled.add(message);
            }

            @Override
            public void settle() {
                if (settles.incrementAndGet() == 1) {
                    throw new IllegalStateException("what the handlings published got no answer");
                }
            }
        });

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, GROUP) == 3);
        assertThat(count(BusMetrics.FAILED, GROUP)).isEqualTo(3.0);
        // Handled once, not acknowledged, claimed and handled again: twice each, and acknowledged only then.
        assertThat(handled).hasSize(6).containsExactlyInAnyOrderElementsOf(
                Stream.concat(sent.stream(), sent.stream()).toList());
        assertThat(probe.pending(events(), GROUP)).isZero();
    }
}
