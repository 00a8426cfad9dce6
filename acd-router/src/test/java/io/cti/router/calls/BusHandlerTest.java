package io.cti.router.calls;

import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.staff.AgentProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flow as the bus's handler ({@link InboundCallFlow#busHandler}), on the real Redis state: a handling's messages
 * leave without the handling waiting for them, and settling reports what could not be published, which is what keeps
 * the bus from acknowledging the handled message.
 */
class BusHandlerTest {

    private final FlowDesk desk = new FlowDesk();
    private final HeldAnswersBus bus = new HeldAnswersBus();
    private final List<CompletableFuture<List<PublishResult>>> answers = bus.answers();
    private final MessageHandler handler = desk.router(FlowPublishing.onBus(bus)).busHandler();

    @AfterEach
    void close() {
        FlowDesk.closeAll();
    }

    @Test
    @Timeout(10)
    void anAgentFreedIsConnectedWithoutTheHandlingWaitingForTheBus() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));

        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        // Handed to the bus, with no answer yet: the handling is over all the same.
        assertThat(bus.sent()).filteredOn(ConnectToAgent.class::isInstance).hasSize(1);
        assertThat(answers).isNotEmpty().noneMatch(CompletableFuture::isDone);
        answers.forEach(answer -> answer.complete(List.of()));
        handler.settle();
    }

    @Test
    @Timeout(10)
    void settlingReportsAMessageOfTheHandlingThatWasNotPublished() throws Exception {
        AgentProfile alice = desk.agent("alice");
        desk.flow.handle(desk.arrival("c1", "+12025550123", Instant.now()));
        handler.handle(ChangeAgentState.now(alice.id(), AgentStatus.READY, ""));

        for (CompletableFuture<List<PublishResult>> answer : answers) {
            answer.complete(bus.sent().stream().map(m -> PublishResult.failed(m,
                    new IllegalStateException("no answer within PT10S"))).toList());
        }

        assertThatThrownBy(handler::settle).hasMessage("no answer within PT10S");
    }
}
