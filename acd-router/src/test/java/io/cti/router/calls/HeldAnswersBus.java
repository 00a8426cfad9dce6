package io.cti.router.calls;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.DomainMessage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A publishing-only bus for tests that records each publication (one message, or a batch) and answers a batch
 * published without waiting only when the test completes its future in {@link #answers()}; a batch published and
 * waited for is appended at once. Thread-safe.
 */
final class HeldAnswersBus implements MessageBus {

    private final List<List<DomainMessage>> batches = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<List<PublishResult>>> answers = new CopyOnWriteArrayList<>();

    /** Every publication, in order: a single message is a batch of one. */
    List<List<DomainMessage>> batches() {
        return batches;
    }

    /** Every message published, in order. */
    List<DomainMessage> sent() {
        return batches.stream().flatMap(List::stream).toList();
    }

    /** The answers of the batches published without waiting, one per batch, for the test to give. */
    List<CompletableFuture<List<PublishResult>>> answers() {
        return answers;
    }

    @Override
    public String publish(DomainMessage message) {
        batches.add(List.of(message));
        return "1-" + batches.size();
    }

    @Override
    public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
        batches.add(List.copyOf(messages));
        return messages.stream().map(m -> PublishResult.appended(m, "1-0")).toList();
    }

    @Override
    public CompletableFuture<List<PublishResult>> publishAllAsync(List<? extends DomainMessage> messages) {
        batches.add(List.copyOf(messages));
        CompletableFuture<List<PublishResult>> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    }

    @Override
    public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
        throw new UnsupportedOperationException("a test bus that only publishes");
    }

    @Override
    public void close() {
        // nothing held
    }
}
