package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.MessageId;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackKind;
import io.cti.router.callbacks.CallbackRequest;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.callbacks.CallbackStatus;
import io.cti.router.staff.AgentProfile;
import io.cti.router.waiting.QueuedCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callbacks with several router processes on one Redis and PostgreSQL: due callbacks are queued once however many
 * routers tick, one a stopped router claimed but never queued is offered again, and a callback queued by one router
 * reaches an agent freed on another through the routing boards' change feed, as a caller's call does.
 */
class CallbackRoutersTest {

    @AfterEach
    void closeDesks() {
        FlowDesk.closeAll();
    }

    @Test
    void twoRoutersTickingAtOnceQueueEveryDueCallbackOnce() {
        try (FlowDesk desk = new FlowDesk()) {
            twoRoutersQueueEveryDueCallbackOnce(desk);
        }
    }

    private void twoRoutersQueueEveryDueCallbackOnce(FlowDesk desk) {
        InboundCallFlow other = desk.anotherRouter();
        for (int i = 0; i < 40; i++) {
            file(desk, String.format("+1415555%04d", i), Instant.now().minusSeconds(i));
        }
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tickAfter(start, desk.flow));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tickAfter(start, other));

        start.countDown();
        CompletableFuture.allOf(first, second).join();

        List<QueuedCall> waiting = desk.waiting.heads(desk.sales, 100);
        assertThat(waiting).hasSize(40);
        assertThat(waiting).extracting(call -> call.id().value()).allMatch(id -> id.matches("cb-\\d+-1"))
                .doesNotHaveDuplicates();
        assertThat(desk.callbacks.list(false, 100)).allMatch(c -> c.status() == CallbackStatus.QUEUED
                && c.offers() == 1);
    }

    @Test
    void aCallbackQueuedByOneRouterRingsTheAgentFreedOnAnotherWithoutWaitingForATick() {
        try (FlowDesk desk = new FlowDesk()) {
            AgentProfile alice = desk.agent("alice");
            FlowSettings settings = FlowSettings.defaults().withDefinitionsMaxAge(Duration.ofMinutes(5));
            InboundCallFlow queuing = desk.router(settings);
            InboundCallFlow freeing = desk.router(settings);
            // The freeing router has its routing board in memory before the callback is queued elsewhere.
            freeing.handle(ChangeAgentState.now(alice.id(), AgentStatus.NOT_READY, "break"));
            queuing.handle(new CallbackRequested(MessageId.random(), Instant.now(), CallId.of("c9"), desk.sales,
                    "+14155550123", "5550000", List.of("9 callback"), Instant.now().minusSeconds(30)));
            assertThat(desk.published(CallBackCustomer.class)).isEmpty();

            freeing.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

            assertThat(desk.published(CallBackCustomer.class)).singleElement().satisfies(callBack -> {
                assertThat(callBack.callId().value()).matches("cb-\\d+-1");
                assertThat(callBack.agentId()).isEqualTo(alice.id());
                assertThat(callBack.number()).isEqualTo("+14155550123");
            });
            assertThat(desk.published(ConnectToAgent.class)).isEmpty();
        }
    }

    @Test
    void aCallbackClaimedByARouterThatStoppedBeforeQueueingItIsOfferedAgain() {
        CallbackSettings settings = new CallbackSettings(3, Duration.ofMinutes(10), Duration.ofSeconds(30),
                Duration.ofDays(365), "", 100, Duration.ofMillis(300));
        try (FlowDesk desk = new FlowDesk(FlowSettings.defaults(), settings,
                FlowDesk.queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()))) {
            aClaimNeverQueuedIsOfferedAgain(desk);
        }
    }

    private void aClaimNeverQueuedIsOfferedAgain(FlowDesk desk) {
        Callback callback = file(desk, "+14155550123", Instant.now().minusSeconds(5));
        // A router claims it and stops before its call reaches the queue.
        desk.callbacks.claimDue(Instant.now(), 10, "router-that-stopped");
        CallId lost = callback.id().call(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            desk.flow.tick();
            return !desk.waiting.heads(desk.sales, 10).isEmpty();
        });

        assertThat(desk.waiting.heads(desk.sales, 10)).singleElement().satisfies(waiting -> {
            assertThat(waiting.id()).isNotEqualTo(lost);
            assertThat(waiting.id()).isEqualTo(callback.id().call(2));
        });
    }

    private static Callback file(FlowDesk desk, String number, Instant due) {
        return desk.callbacks.file(new CallbackRequest(CallbackKind.SCHEDULED, desk.sales, new PhoneNumber(number),
                null, null, null, null, "", List.of(), "", due, due, 3)).orElseThrow();
    }

    private static void tickAfter(CountDownLatch start, InboundCallFlow flow) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        flow.tick();
    }
}
