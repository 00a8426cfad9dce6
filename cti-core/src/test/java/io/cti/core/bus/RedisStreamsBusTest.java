package io.cti.core.bus;

import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CustomerChanged;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.RefreshCustomerFigures;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RedisStreamsBusTest extends BusTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void aPublishedMessageArrivesWithItsIdTypeTimestampAndPayload() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> received = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("screen-pop", "node-1").streams(BusStream.EVENTS).build(), received::add);
        InteractionRecorded sent = new InteractionRecorded(MessageId.random(),
                Instant.parse("2026-05-04T08:30:00.123456789Z"), CustomerId.of(1234), 99L, "phone", "inbound", null);

        String entryId = bus.publish(sent);

        await().atMost(PATIENCE).until(() -> received.size() == 1);
        assertThat(received.peek()).isEqualTo(sent);
        StreamMessage<String, String> entry = probe.entries(events()).get(0);
        assertThat(entry.getId()).isEqualTo(entryId);
        assertThat(entry.getBody())
                .containsEntry("id", sent.id().toString())
                .containsEntry("type", "InteractionRecorded")
                .containsEntry("occurredAt", "2026-05-04T08:30:00.123456789Z");
    }

    @Test
    void commandsGoToTheCommandStreamAndEventsToTheEventStream() {
        RedisStreamsBus bus = bus(fastOptions().build());

        bus.publish(RefreshCustomerFigures.now(CustomerId.of(5)));
        bus.publish(CustomerChanged.now(CustomerId.of(5), "purchases"));

        assertThat(probe.entries(commands())).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("type", "RefreshCustomerFigures"));
        assertThat(probe.entries(events())).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("type", "CustomerChanged"));
    }

    @Test
    void aCommandPublishedBeforeItsHandlersGroupExistedIsStillHandled() {
        RedisStreamsBus bus = bus(fastOptions().build());
        RefreshCustomerFigures command = RefreshCustomerFigures.now(CustomerId.of(8));
        bus.publish(command);
        Queue<DomainMessage> received = new ConcurrentLinkedQueue<>();

        subscribe(bus, Subscription.builder("customers", "node-1").streams(BusStream.COMMANDS).build(), received::add);

        await().atMost(PATIENCE).until(() -> received.contains(command));
    }

    @Test
    void consumersOfOneGroupShareTheWorkAndEachMessageIsHandledOnce() {
        RedisStreamsBus bus = bus(fastOptions().readBatchSize(3).build());
        Queue<MessageId> first = new ConcurrentLinkedQueue<>();
        Queue<MessageId> second = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("acd-router", "router-1").streams(BusStream.EVENTS).build(), slowly(first));
        subscribe(bus, Subscription.builder("acd-router", "router-2").streams(BusStream.EVENTS).build(), slowly(second));
        List<CustomerRegistered> sent = registrations(40);

        sent.forEach(bus::publish);

        await().atMost(PATIENCE).until(() -> first.size() + second.size() >= sent.size());
        assertThat(first).isNotEmpty();
        assertThat(second).isNotEmpty();
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(union(first, second)).isEqualTo(ids(sent));
        await().atMost(PATIENCE).until(() -> probe.pending(events(), "acd-router") == 0);
        assertThat(count(BusMetrics.HANDLED, "acd-router")).isEqualTo(sent.size());
    }

    @Test
    void everyGroupReceivesEveryMessage() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<MessageId> router = new ConcurrentLinkedQueue<>();
        Queue<MessageId> dialer = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("acd-router", "node-1").streams(BusStream.EVENTS).build(),
                message -> router.add(message.id()));
        subscribe(bus, Subscription.builder("outbound-dialer", "node-1").streams(BusStream.EVENTS).build(),
                message -> dialer.add(message.id()));
        List<CustomerRegistered> sent = registrations(20);

        sent.forEach(bus::publish);

        await().atMost(PATIENCE).until(() -> router.size() == sent.size() && dialer.size() == sent.size());
        assertThat(Set.copyOf(router)).isEqualTo(ids(sent));
        assertThat(Set.copyOf(dialer)).isEqualTo(ids(sent));
    }

    @Test
    void aSubscriptionForSomeTypesGetsOnlyThoseAndTheRestIsAcknowledged() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> received = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("history", "node-1").streams(BusStream.EVENTS, BusStream.COMMANDS)
                .types(InteractionRecorded.class, RefreshCustomerFigures.class).build(), received::add);
        InteractionRecorded interaction = InteractionRecorded.now(CustomerId.of(3), 1, "phone", "outbound", "contact");
        RefreshCustomerFigures refresh = RefreshCustomerFigures.now(CustomerId.of(3));

        bus.publish(CustomerRegistered.now(CustomerId.of(3), "potential"));
        bus.publish(interaction);
        bus.publish(CustomerChanged.now(CustomerId.of(3), "profile"));
        bus.publish(refresh);

        await().atMost(PATIENCE).until(() -> received.size() == 2);
        assertThat(received).containsExactlyInAnyOrder(interaction, refresh);
        await().atMost(PATIENCE).until(() -> probe.pending(events(), "history") == 0
                && probe.pending(commands(), "history") == 0);
    }

    @Test
    void publishingAndHandlingAreCounted() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> received = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("counted", "node-1").streams(BusStream.EVENTS).build(), received::add);

        registrations(3).forEach(bus::publish);
        bus.publish(RefreshCustomerFigures.now(CustomerId.of(1)));

        await().atMost(PATIENCE).until(() -> count(BusMetrics.HANDLED, "counted") == 3);
        assertThat(registry.get(BusMetrics.PUBLISHED).tag("stream", "events").counter().count()).isEqualTo(3);
        assertThat(registry.get(BusMetrics.PUBLISHED).tag("stream", "commands").counter().count()).isEqualTo(1);
    }

    private static MessageHandler slowly(Queue<MessageId> handled) {
        return message -> {
            Thread.sleep(10);
            handled.add(message.id());
        };
    }

    private static Set<MessageId> ids(List<? extends DomainMessage> messages) {
        return messages.stream().map(DomainMessage::id).collect(Collectors.toSet());
    }

    private static Set<MessageId> union(Queue<MessageId> a, Queue<MessageId> b) {
        Set<MessageId> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
