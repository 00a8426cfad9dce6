package io.cti.core.bus;

import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainMessage;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FailureHandlingTest extends BusTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String GROUP = "acd-router";

    @Test
    void aHandlerThatThrowsLeavesTheEntryPendingAndUnacknowledged() {
        RedisStreamsBus bus = bus(fastOptions().build());
        AtomicInteger attempts = new AtomicInteger();
        subscribe(bus, events(GROUP, "node-1"), message -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("routing table not loaded");
        });

        bus.publish(CustomerRegistered.now(CustomerId.of(1), "current"));

        await().atMost(PATIENCE).until(() -> count(BusMetrics.FAILED, GROUP) == 1);
        assertThat(probe.pendingOf(events(), GROUP, "node-1")).isEqualTo(1);
        assertThat(attempts).hasValue(1);
        assertThat(count(BusMetrics.HANDLED, GROUP)).isZero();
        assertThat(probe.redis().xlen(deadLetters())).isZero();
    }

    @Test
    void aFailedEntryIsClaimedAgainAndRetriedUntilTheHandlerSucceeds() {
        RedisStreamsBus bus = bus(fastOptions().maxDeliveries(5).claimMinIdle(Duration.ofMillis(300)).build());
        AtomicInteger attempts = new AtomicInteger();
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        subscribe(bus, events(GROUP, "node-1"), message -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database briefly unavailable");
            }
            handled.add(message);
        });
        CustomerRegistered sent = CustomerRegistered.now(CustomerId.of(2), "current");

        bus.publish(sent);

        await().atMost(PATIENCE).until(() -> handled.contains(sent));
        assertThat(attempts).hasValue(3);
        assertThat(count(BusMetrics.CLAIMED, GROUP)).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> probe.pending(events(), GROUP) == 0);
        assertThat(probe.redis().xlen(deadLetters())).isZero();
    }

    @Test
    void anEntryThatKeepsFailingIsDeadLetteredWithItsErrorAndGroupAfterMaxDeliveries() {
        RedisStreamsBus bus = bus(fastOptions().maxDeliveries(3).claimMinIdle(Duration.ofMillis(200)).build());
        AtomicInteger attempts = new AtomicInteger();
        subscribe(bus, events(GROUP, "node-1"), message -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("no queue named 'vip'");
        });
        CustomerRegistered sent = CustomerRegistered.now(CustomerId.of(3), "current");

        String entryId = bus.publish(sent);

        await().atMost(PATIENCE).until(() -> probe.redis().xlen(deadLetters()) == 1);
        Map<String, String> deadLetter = probe.entries(deadLetters()).get(0).getBody();
        assertThat(deadLetter)
                .containsEntry("group", GROUP)
                .containsEntry("consumer", "node-1")
                .containsEntry("stream", events())
                .containsEntry("entryId", entryId)
                .containsEntry("deliveries", "3")
                .containsEntry("reason", "max-deliveries")
                .containsEntry("original.id", sent.id().toString())
                .containsEntry("original.type", "CustomerRegistered")
                .containsKey("original.payload");
        assertThat(deadLetter.get("error")).contains("IllegalArgumentException").contains("no queue named 'vip'");
        assertThat(probe.pending(events(), GROUP)).isZero();
        // No further attempts once it is dead-lettered, though claims keep running.
        await().during(Duration.ofMillis(800)).atMost(PATIENCE).until(() -> attempts.get() == 3);
        assertThat(count(BusMetrics.DEAD_LETTERED, GROUP)).isEqualTo(1);
    }

    @Test
    void anEntryWhoseConsumersKeptDyingIsDeadLetteredWithoutCallingTheHandler() {
        RedisStreamsBus bus = bus(fastOptions().maxDeliveries(3).claimMinIdle(Duration.ofMillis(200)).build());
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        subscribe(bus, events(GROUP, "survivor"), handled::add).close();
        String entryId = bus.publish(CustomerRegistered.now(CustomerId.of(4), "current"));
        // Three consumers read it and died: the delivery count says so.
        probe.redis().xreadgroup(Consumer.from(GROUP, "ghost"), XReadArgs.StreamOffset.lastConsumed(events()));
        probe.redis().xclaim(events(), Consumer.from(GROUP, "ghost"), XClaimArgs.Builder.minIdleTime(0).retryCount(3), entryId);

        subscribe(bus, events(GROUP, "survivor"), handled::add);

        await().atMost(PATIENCE).until(() -> probe.redis().xlen(deadLetters()) == 1);
        assertThat(probe.entries(deadLetters()).get(0).getBody())
                .containsEntry("reason", "max-deliveries")
                .containsEntry("deliveries", "4");
        assertThat(handled).isEmpty();
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void anUndecodableEntryIsDeadLetteredAtOnceAndTheConsumerCarriesOn() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        subscribe(bus, events(GROUP, "node-1"), message -> handled.add(Objects.requireNonNull(message, "message")));
        List<Map<String, String>> garbage = List.of(
                Map.of("foo", "bar"),
                Map.of("type", "NoSuchMessage", "payload", "{}"),
                Map.of("type", "CustomerRegistered", "payload", "{not json at all"),
                fields("type", "CustomerRegistered", "payload", "{\"customerId\":{\"value\":-1}}"));

        garbage.forEach(fields -> probe.redis().xadd(events(), fields));
        CustomerRegistered valid = CustomerRegistered.now(CustomerId.of(5), "current");
        bus.publish(valid);

        await().atMost(PATIENCE).until(() -> handled.contains(valid));
        assertThat(handled).containsExactly(valid);
        await().atMost(PATIENCE).until(() -> probe.redis().xlen(deadLetters()) == garbage.size());
        List<StreamMessage<String, String>> deadLetters = probe.entries(deadLetters());
        assertThat(deadLetters).allSatisfy(entry -> assertThat(entry.getBody())
                .containsEntry("group", GROUP)
                .containsEntry("reason", "undecodable")
                .containsEntry("deliveries", "1")
                .hasEntrySatisfying("error", error -> assertThat(error).isNotBlank()));
        assertThat(deadLetters.get(0).getBody()).containsEntry("original.foo", "bar");
        assertThat(deadLetters.get(1).getBody().get("error")).contains("NoSuchMessage");
        assertThat(registry.get(BusMetrics.DEAD_LETTERED).tag("group", GROUP).tag("reason", "undecodable")
                .counter().count()).isEqualTo(garbage.size());
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void aMessagePublishedTwiceIsHandledOnce() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        subscribe(bus, events(GROUP, "node-1"), handled::add);
        CustomerRegistered sent = CustomerRegistered.now(CustomerId.of(6), "current");

        bus.publish(sent);
        bus.publish(sent);

        await().atMost(PATIENCE).until(() -> count(BusMetrics.DUPLICATES_SKIPPED, GROUP) == 1);
        assertThat(handled).containsExactly(sent);
        assertThat(probe.pending(events(), GROUP)).isZero();
    }

    @Test
    void aRedeliveryOfAnAlreadyHandledMessageIsAcknowledgedWithoutCallingTheHandler() {
        RedisStreamsBus bus = bus(fastOptions().claimMinIdle(Duration.ofMillis(200)).build());
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        CustomerRegistered sent = CustomerRegistered.now(CustomerId.of(7), "current");
        RunningSubscription first = subscribe(bus, events(GROUP, "node-1"), handled::add);
        bus.publish(sent);
        await().atMost(PATIENCE).until(() -> handled.size() == 1);
        first.close();
        // The publisher retried; the copy went to a consumer that died before acknowledging it.
        bus.publish(sent);
        probe.redis().xreadgroup(Consumer.from(GROUP, "ghost"), XReadArgs.StreamOffset.lastConsumed(events()));
        assertThat(probe.pendingOf(events(), GROUP, "ghost")).isEqualTo(1);

        subscribe(bus, events(GROUP, "node-1"), handled::add);

        await().atMost(PATIENCE).until(() -> probe.pending(events(), GROUP) == 0);
        assertThat(handled).containsExactly(sent);
        assertThat(count(BusMetrics.CLAIMED, GROUP)).isEqualTo(1);
        assertThat(count(BusMetrics.DUPLICATES_SKIPPED, GROUP)).isEqualTo(1);
    }

    @Test
    void anEntryDeletedWhilePendingIsAcknowledgedWhenClaimed() {
        RedisStreamsBus bus = bus(fastOptions().claimMinIdle(Duration.ofMillis(200)).build());
        Queue<DomainMessage> handled = new ConcurrentLinkedQueue<>();
        subscribe(bus, events(GROUP, "survivor"), handled::add).close();
        String entryId = bus.publish(CustomerRegistered.now(CustomerId.of(8), "current"));
        probe.redis().xreadgroup(Consumer.from(GROUP, "ghost"), XReadArgs.StreamOffset.lastConsumed(events()));
        probe.redis().xdel(events(), entryId);
        CustomerRegistered later = CustomerRegistered.now(CustomerId.of(9), "current");

        subscribe(bus, events(GROUP, "survivor"), handled::add);
        bus.publish(later);

        await().atMost(PATIENCE).until(() -> probe.pending(events(), GROUP) == 0 && handled.contains(later));
        assertThat(handled).containsExactly(later);
        assertThat(probe.redis().xlen(deadLetters())).isZero();
    }

    private static Subscription events(String group, String consumer) {
        return Subscription.builder(group, consumer).streams(BusStream.EVENTS).build();
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
