package io.cti.router.calls;

import io.cti.core.messages.DomainMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the flow publishes while it handles one message or tick, held until the handling is over and then handed
 * to the bus at once, in order: with a batching publisher ({@link FlowPublishing#onBus}) that is one pipelined round
 * trip instead of one per message (a freed agent's Ready, their reservation and the connect command go together).
 * What was produced is published also when the handling fails part-way, as it would have been before. Outside a
 * handling, or from another thread than the handling's, a message is published at once. Handlings run under the
 * flow's lock, one at a time; other threads may publish through it meanwhile.
 */
final class Outbox implements Consumer<DomainMessage> {

    private final Consumer<DomainMessage> sink;
    private final List<DomainMessage> held = new ArrayList<>();
    private int depth;
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

    /** Runs {@code handling}, then publishes what it produced. */
    <T> T during(Supplier<T> work) {
        if (depth++ == 0) {
            handling = Thread.currentThread();
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
            if (sink instanceof FlowPublishing.Batching batching) {
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
}
