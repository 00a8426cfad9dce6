package io.cti.router.calls;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DomainMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The flow's outbox: a handling's messages leave together at its end, in order; others leave at once. */
class OutboxTest {

    private final List<List<DomainMessage>> batches = new ArrayList<>();
    private final Outbox outbox = new Outbox(FlowPublishing.onBus(new RecordingBus()));

    @Test
    void theMessagesOfOneHandlingArePublishedTogetherInOrderAtItsEnd() {
        DomainMessage first = message("a1");
        DomainMessage second = message("a2");

        outbox.during(() -> {
            outbox.accept(first);
            outbox.accept(second);
            assertThat(batches).isEmpty();
            return null;
        });

        assertThat(batches).containsExactly(List.of(first, second));
    }

    @Test
    void whatAFailedHandlingProducedIsPublishedAndTheFailureReported() {
        DomainMessage first = message("a1");

        assertThatThrownBy(() -> outbox.during(() -> {
            outbox.accept(first);
            throw new IllegalStateException("Redis went away");
        })).hasMessage("Redis went away");

        assertThat(batches).containsExactly(List.of(first));
    }

    @Test
    void aMessageFromAnotherThreadDuringAHandlingIsPublishedAtOnce() {
        DomainMessage mine = message("a1");
        DomainMessage theirs = message("a2");

        outbox.during(() -> {
            outbox.accept(mine);
            CompletableFuture.runAsync(() -> outbox.accept(theirs)).join();
            assertThat(batches).containsExactly(List.of(theirs));
            return null;
        });

        assertThat(batches).containsExactly(List.of(theirs), List.of(mine));
    }

    private static DomainMessage message(String agent) {
        return ChangeAgentState.now(AgentId.of(agent), AgentStatus.READY, "");
    }

    /** A bus that records each publication: one message, or a batch at once. */
    private final class RecordingBus implements MessageBus {
        @Override
        public String publish(DomainMessage message) {
            synchronized (batches) {
                batches.add(List.of(message));
            }
            return "1-" + batches.size();
        }

        @Override
        public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
            synchronized (batches) {
                batches.add(List.copyOf(messages));
            }
            return messages.stream().map(m -> PublishResult.appended(m, "1-0")).toList();
        }

        @Override
        public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
            throw new UnsupportedOperationException("the outbox only publishes");
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
