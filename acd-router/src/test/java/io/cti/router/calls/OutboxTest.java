package io.cti.router.calls;

import io.cti.core.bus.PublishResult;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.DomainMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The flow's outbox: a handling's messages leave together at its end, in order; others leave at once; an unsettled
 * handling's batch leaves without waiting, and settling waits for it.
 */
class OutboxTest {

    private final HeldAnswersBus bus = new HeldAnswersBus();
    private final List<List<DomainMessage>> batches = bus.batches();
    /** The answers of the batches published without waiting, given by each test. */
    private final List<CompletableFuture<List<PublishResult>>> answers = bus.answers();
    private final Outbox outbox = new Outbox(FlowPublishing.onBus(bus));

    @Test
    void theMessagesOfOneHandlingArePublishedTogetherInOrderAtItsEnd() {
        DomainMessage first = message("a1");
        DomainMessage second = message("a2");

        outbox.during(() -> {
            outbox.accept(first);
            outbox.accept(second);
            assertThat(batches).isEmpty();
            return null;
        }, false);

        assertThat(batches).containsExactly(List.of(first, second));
    }

    @Test
    void whatAFailedHandlingProducedIsPublishedAndTheFailureReported() {
        DomainMessage first = message("a1");

        assertThatThrownBy(() -> outbox.during(() -> {
            outbox.accept(first);
            throw new IllegalStateException("Redis went away");
        }, false)).hasMessage("Redis went away");

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
        }, false);

        assertThat(batches).containsExactly(List.of(theirs), List.of(mine));
    }

    @Test
    @Timeout(10)
    void anUnsettledHandlingsBatchLeavesWithoutWaitingAndSettleWaitsForItsAnswer() throws Exception {
        DomainMessage first = message("a1");

        unsettledHandling(first);

        assertThat(batches).containsExactly(List.of(first));
        assertThat(answers).singleElement().satisfies(answer -> assertThat(answer).isNotDone());
        AtomicBoolean answered = new AtomicBoolean();
        Thread redis = new Thread(() -> {
            sleep(200);
            answered.set(true);
            answers.get(0).complete(List.of(PublishResult.appended(first, "1-1")));
        });
        redis.start();
        outbox.settle();
        assertThat(answered).isTrue();
        redis.join();
    }

    @Test
    @Timeout(10)
    void settleThrowsWhenAMessageOfAnUnsettledBatchWasNotPublished() {
        DomainMessage first = message("a1");
        DomainMessage second = message("a2");
        unsettledHandling(first, second);

        answers.get(0).complete(List.of(PublishResult.appended(first, "1-1"),
                PublishResult.failed(second, new IllegalStateException("no answer within PT10S"))));

        assertThatThrownBy(outbox::settle).hasMessage("no answer within PT10S");
        outbox.settle(); // nothing left to wait for
    }

    @Test
    @Timeout(10)
    void messagesThatShareOneFailureReportItOnce() {
        DomainMessage first = message("a1");
        DomainMessage second = message("a2");
        unsettledHandling(first, second);
        IllegalStateException unreachable = new IllegalStateException("connecting the publishing pipeline");

        answers.get(0).complete(List.of(PublishResult.failed(first, unreachable), PublishResult.failed(second, unreachable)));

        assertThatThrownBy(outbox::settle).isSameAs(unreachable);
    }

    @Test
    @Timeout(10)
    void settlingAfterAFailedHandlingKeepsItsFailureFirstWithTheUnpublishedMessagesJoined() {
        DomainMessage first = message("a1");
        unsettledHandling(first);
        IllegalStateException handling = new IllegalStateException("the board's script failed");
        answers.get(0).complete(List.of(PublishResult.failed(first, new IllegalStateException("no answer"))));

        outbox.settleAfter(handling);

        assertThat(handling.getSuppressed()).singleElement().satisfies(e -> assertThat(e).hasMessage("no answer"));
        outbox.settle(); // nothing left for the next batch to be blamed for
    }

    @Test
    @Timeout(10)
    void settleWaitsOnlyForTheBatchesItsOwnThreadLeftUnsettled() {
        CompletableFuture.runAsync(() -> unsettledHandling(message("a1"))).join();

        outbox.settle(); // returns although the other thread's batch has no answer yet

        assertThat(answers).singleElement().satisfies(answer -> assertThat(answer).isNotDone());
    }

    /** A handling that produces {@code messages} and leaves its batch unsettled. */
    private void unsettledHandling(DomainMessage... messages) {
        outbox.during(() -> {
            for (DomainMessage message : messages) {
                outbox.accept(message);
            }
            return null;
        }, true);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static DomainMessage message(String agent) {
        return ChangeAgentState.now(AgentId.of(agent), AgentStatus.READY, "");
    }
}
