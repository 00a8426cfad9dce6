package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.CustomerRegistered;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.RefreshCustomerFigures;
import io.lettuce.core.StreamMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link RedisStreamsBus#publishAll} against the real (embedded) Redis. */
class PublishAllTest extends BusTestBase {

    @Test
    void aBatchIsAppendedCompleteAndInOrderWithTheIdsItReports() {
        RedisStreamsBus bus = bus(fastOptions().build());
        List<CustomerRegistered> sent = registrations(500);

        List<PublishResult> results = bus.publishAll(sent);

        assertThat(results).hasSize(500).allMatch(PublishResult::ok);
        assertThat(results).extracting(PublishResult::message).containsExactlyElementsOf(sent);
        List<StreamMessage<String, String>> entries = probe.entries(events());
        assertThat(entries).extracting(StreamMessage::getId)
                .containsExactlyElementsOf(results.stream().map(PublishResult::entryId).toList());
        assertThat(entries).extracting(entry -> entry.getBody().get("id"))
                .containsExactlyElementsOf(sent.stream().map(message -> message.id().toString()).toList());
        assertThat(count(BusMetrics.PUBLISHED, null)).isEqualTo(500.0);
    }

    @Test
    void batchedMessagesAreDeliveredLikePublishedOnes() {
        RedisStreamsBus bus = bus(fastOptions().build());
        Queue<DomainMessage> received = new ConcurrentLinkedQueue<>();
        subscribe(bus, Subscription.builder("screen-pop", "node-1").streams(BusStream.EVENTS).build(), received::add);
        List<CustomerRegistered> sent = registrations(50);

        bus.publishAll(sent.subList(0, 25));
        bus.publish(sent.get(25));
        bus.publishAll(sent.subList(26, 50));

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 50);
        assertThat(new ArrayList<>(received)).containsExactlyElementsOf(sent);
    }

    @Test
    void aMessageRedisRefusesIsReportedAndTheOthersStillGoThrough() {
        RedisStreamsBus bus = bus(fastOptions().build());
        // The command stream's key holds a string: Redis refuses every XADD to it (WRONGTYPE), only to it.
        probe.redis().set(commands(), "not a stream");
        RefreshCustomerFigures refused = RefreshCustomerFigures.now(CustomerId.of(7));
        List<CustomerRegistered> events = registrations(3);
        List<DomainMessage> batch = List.of(events.get(0), refused, events.get(1), events.get(2));

        List<PublishResult> results = bus.publishAll(batch);

        assertThat(results).extracting(PublishResult::ok).containsExactly(true, false, true, true);
        assertThat(results.get(1).message()).isEqualTo(refused);
        assertThat(results.get(1).busFailure()).isNotNull()
                .satisfies(e -> assertThat(e.getMessage()).contains("RefreshCustomerFigures"));
        assertThat(probe.entries(events())).extracting(entry -> entry.getBody().get("id"))
                .containsExactly(events.get(0).id().toString(), events.get(1).id().toString(),
                        events.get(2).id().toString());
        // The same message through publish fails the same way.
        assertThatThrownBy(() -> bus.publish(refused)).isInstanceOf(CoreException.class);
    }

    @Test
    void anEmptyBatchPublishesNothingAndAClosedBusRefuses() {
        RedisStreamsBus bus = bus(fastOptions().build());
        assertThat(bus.publishAll(List.of())).isEmpty();

        bus.close();

        assertThatThrownBy(() -> bus.publishAll(registrations(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void batchesPublishedWithoutWaitingAreAppendedInOrderAndReportTheirIds() {
        RedisStreamsBus bus = bus(fastOptions().build());
        List<CustomerRegistered> sent = registrations(300);

        // Three batches in flight at once: each is written before the next, whatever the answers do meanwhile.
        List<CompletableFuture<List<PublishResult>>> batches = List.of(bus.publishAllAsync(sent.subList(0, 100)),
                bus.publishAllAsync(sent.subList(100, 200)), bus.publishAllAsync(sent.subList(200, 300)));

        List<PublishResult> results = batches.stream().flatMap(batch -> batch.join().stream()).toList();
        assertThat(results).hasSize(300).allMatch(PublishResult::ok);
        assertThat(results).extracting(PublishResult::message).containsExactlyElementsOf(sent);
        assertThat(probe.entries(events())).extracting(StreamMessage::getId)
                .containsExactlyElementsOf(results.stream().map(PublishResult::entryId).toList());
    }

    @Test
    void aMessageRedisRefusesIsReportedByTheFutureAndTheOthersStillGoThrough() {
        RedisStreamsBus bus = bus(fastOptions().build());
        probe.redis().set(commands(), "not a stream");
        RefreshCustomerFigures refused = RefreshCustomerFigures.now(CustomerId.of(7));
        List<CustomerRegistered> events = registrations(2);

        List<PublishResult> results = bus.publishAllAsync(List.of(events.get(0), refused, events.get(1))).join();

        assertThat(results).extracting(PublishResult::ok).containsExactly(true, false, true);
        assertThat(results.get(1).busFailure()).isNotNull()
                .satisfies(e -> assertThat(e.getMessage()).contains("RefreshCustomerFigures"));
        assertThat(probe.entries(events())).hasSize(2);
    }
}
