package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The flow as the bus's handler ({@link InboundCallFlow#busHandler}), on the real Redis state: a handling's messages
 * leave without the handling waiting for them, a freed agent's reservation is taken in by the settle at the latest,
 * and settling reports what could not be published, which is what keeps the bus from acknowledging the handled
 * message.
 */
class BusHandlerTest {

    private final FlowDesk desk = new FlowDesk();
    private final HeldAnswersBus bus = new HeldAnswersBus();
    private final List<CompletableFuture<List<PublishResult>>> answers = bus.answers();
    private final MessageHandler handler = desk.router(FlowPublishing.onBus(bus)).busHandler();

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final AtomicBoolean handled = new AtomicBoolean();

    @AfterEach
    void close() {
        worker.shutdownNow();
        FlowDesk.closeAll();
    }

    @Test
    @Timeout(10)
    void anAgentFreedIsConnectedWithoutTheHandlingWaitingForTheBus() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        // The reservation's answer is taken in by the settle at the latest, and the connect command handed to the
        // bus, whose answer the settle then waits for.
        Future<?> settled = handleAndSettleApart(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> handled.get()
                && bus.sent().stream().anyMatch(ConnectToAgent.class::isInstance));
        // The handling is over and the connect command handed to the bus, which has answered nothing yet.
        assertThat(answers).isNotEmpty().noneMatch(CompletableFuture::isDone);
        assertThat(settled).isNotDone();

        // Every batch answered, also one handed to the bus after the look above.
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            answers.forEach(answer -> answer.complete(List.of()));
            return settled.isDone();
        });
        settled.get(5, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(10)
    void settlingReportsAMessageOfTheHandlingThatWasNotPublished() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        Future<?> settled = handleAndSettleApart(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));
        await().atMost(Duration.ofSeconds(5)).until(() -> bus.sent().stream().anyMatch(ConnectToAgent.class::isInstance));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            for (CompletableFuture<List<PublishResult>> answer : answers) {
                answer.complete(bus.sent().stream().map(m -> PublishResult.failed(m,
                        new IllegalStateException("no answer within PT10S"))).toList());
            }
            return settled.isDone();
        });

        assertThatThrownBy(() -> settled.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("no answer within PT10S");
    }

    /**
     * Handles and settles on a thread of its own, as the bus's worker does (a settle waits for what its own thread's
     * handlings published), while the test gives the bus's answers.
     */
    private Future<?> handleAndSettleApart(DomainMessage message) {
        return worker.submit(() -> {
            handler.handle(message);
            handled.set(true);
            handler.settle();
            return null;
        });
    }
}
