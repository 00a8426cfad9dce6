package io.cti.router.calls;

import io.cti.core.bus.PublishResult;
import io.cti.core.messages.DomainMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the flow publishes while it handles one message or tick, held until the handling is over and then handed
 * to the bus at once, in order: with a batching publisher ({@link FlowPublishing#onBus}) that is one pipelined round
 * trip instead of one per message (a freed agent's Ready, their reservation and the connect command go together).
 * What was produced is published also when the handling fails part-way, as it would have been before. Outside a
 * handling, or from another thread than the handling's, a message is published at once. A handling may also leave
 * its batch unsettled ({@link #during(Supplier, boolean)}): the batch goes out without waiting for Redis's answer,
 * and {@link #settle()} on the same thread waits for all that thread left so, which the bus does before it
 * acknowledges the handled messages. Handlings run under the flow's lock, one at a time; other threads may publish
 * through it meanwhile.
 */
final class Outbox implements Consumer<DomainMessage> {

    private final Consumer<DomainMessage> sink;
    private final List<DomainMessage> held = new ArrayList<>();
    private int depth;
    /** Whether the handling under way leaves its batch unsettled. */
    private boolean unsettledHandling;
    /** Batches published without waiting, by the thread that will settle them. */
    private final Map<Thread, List<CompletableFuture<List<PublishResult>>>> unsettled = new ConcurrentHashMap<>();
    /** The thread of the handling under way, whose messages are held; null between handlings. */
    private volatile Thread handling;

    Outbox(Consumer<DomainMessage> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(DomainMessage message) {
        if (Thread.currentThread() == handling) {
            held.add(message);
        } else {
            sink.accept(message);
        }
    }

    /**
     * Runs {@code work}, then publishes what it produced and waits until it is published; if {@code unsettledBatch},
     * without waiting for the answer, which {@link #settle()} on this thread then waits for.
     */
    <T> T during(Supplier<T> work, boolean unsettledBatch) {
        if (depth++ == 0) {
            handling = Thread.currentThread();
            unsettledHandling = unsettledBatch;
        }
        Throwable failure = null;
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (--depth == 0) {
                handling = null;
                flush(failure);
            }
        }
    }

    private void flush(Throwable failure) {
        if (held.isEmpty()) {
            return;
        }
        List<DomainMessage> batch = List.copyOf(held);
        held.clear();
        try {
            if (unsettledHandling && sink instanceof FlowPublishing.Batching batching) {
                unsettled.computeIfAbsent(Thread.currentThread(), thread -> new ArrayList<>())
                        .add(batching.publishAllLater(batch));
            } else if (sink instanceof FlowPublishing.Batching batching) {
                batching.publishAll(batch);
            } else {
                batch.forEach(sink);
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            // The handling's own failure is the one to report; the publishing's is kept with it.
            failure.addSuppressed(e);
        }
    }

    /**
     * The batch of the handling under way is published and waited for when the handling ends, also if it was to be
     * left unsettled: for a handling that published what another thread's handling owes the bus (an answer it took
     * in), whose settle would not wait for it.
     */
    void settleThisBatch() {
        unsettledHandling = false;
    }

    /**
     * Waits until every batch this thread's handlings left unsettled is published (each completes within the bus's
     * command timeout); throws the first message that was not, the others suppressed in it.
     */
    void settle() {
        List<CompletableFuture<List<PublishResult>>> batches = unsettled.remove(Thread.currentThread());
        if (batches == null) {
            return;
        }
        List<PublishResult> results = new ArrayList<>();
        for (CompletableFuture<List<PublishResult>> batch : batches) {
            results.addAll(batch.join());
        }
        FlowPublishing.Batching.throwFirstFailure(results);
    }

    /** {@link #settle()} after a handling failed: a publishing failure joins {@code failure}, which is the one told. */
    void settleAfter(Throwable failure) {
        try {
            settle();
        } catch (RuntimeException unpublished) {
            failure.addSuppressed(unpublished);
        }
    }
}
