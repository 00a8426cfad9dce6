package io.cti.router.calls;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flow as the bus's handler ({@link InboundCallFlow#busHandler}), on the real Redis state: a handling's messages
 * leave without the handling waiting for them, and settling reports what could not be published, which is what keeps
 * the bus from acknowledging the handled message.
 */
class BusHandlerTest {

    private final FlowDesk desk = new FlowDesk();
    private final List<CompletableFuture<List<PublishResult>>> answers = new CopyOnWriteArrayList<>();
    private final List<DomainMessage> sent = new CopyOnWriteArrayList<>();
    private final MessageHandler handler = desk.router(FlowPublishing.onBus(new UnansweredBus())).busHandler();

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    void anAgentFreedIsConnectedWithoutTheHandlingWaitingForTheBus() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        // Handed to the bus, with no answer yet: the handling is over all the same.
        assertThat(sent).filteredOn(ConnectToAgent.class::isInstance).hasSize(1);
        assertThat(answers).isNotEmpty().noneMatch(CompletableFuture::isDone);
        answers.forEach(answer -> answer.complete(List.of()));
        handler.settle();
    }

    @Test
    void settlingReportsAMessageOfTheHandlingThatWasNotPublished() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        for (CompletableFuture<List<PublishResult>> answer : answers) {
            answer.complete(sent.stream().map(m -> PublishResult.failed(m,
                    new IllegalStateException("no answer within PT10S"))).toList());
        }

        assertThatThrownBy(handler::settle).hasMessage("no answer within PT10S");
    }

    /** A bus that takes each batch and answers only when the test says. */
    private final class UnansweredBus implements MessageBus {
        @Override
        public String publish(DomainMessage message) {
            sent.add(message);
            return "1-0";
        }

        @Override
        public CompletableFuture<List<PublishResult>> publishAllAsync(List<? extends DomainMessage> messages) {
            sent.addAll(messages);
            CompletableFuture<List<PublishResult>> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        }

        @Override
        public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
            throw new UnsupportedOperationException("the flow only publishes");
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
