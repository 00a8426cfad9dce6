package io.cti.router.calls;

import io.cti.core.bus.MessageBus;
import io.cti.core.bus.PublishResult;
import io.cti.core.messages.DomainMessage;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * How the call flow hands its messages to the bus. {@link #onBus} publishes the messages of one handling as one
 * batch ({@link MessageBus#publishAll}, pipelined by the Redis bus) and, like {@link MessageBus#publish}, throws
 * when one of them could not be published, so the bus delivers the handled message again; or, for a handling that
 * does not wait ({@link MessageBus#publishAllAsync}), the same failure is thrown when the handling is settled.
 * Thread-safe if the bus is.
 */
public final class FlowPublishing {

    private FlowPublishing() {
    }

    /** A publisher for {@link InboundCallFlow#create} that batches each handling's messages on {@code bus}. */
    public static Consumer<DomainMessage> onBus(MessageBus bus) {
        return new Batching(Objects.requireNonNull(bus, "bus"));
    }

    /** Publishes one message at a time with {@link MessageBus#publish}, or a list with one {@code publishAll}. */
    static final class Batching implements Consumer<DomainMessage> {

        private final MessageBus bus;

        private Batching(MessageBus bus) {
            this.bus = bus;
        }

        @Override
        public void accept(DomainMessage message) {
            bus.publish(message);
        }

        void publishAll(List<DomainMessage> messages) {
            throwFirstFailure(bus.publishAll(messages));
        }

        /** Publishes the list as one batch without waiting; the future tells what became of each message. */
        CompletableFuture<List<PublishResult>> publishAllLater(List<DomainMessage> messages) {
            return bus.publishAllAsync(messages);
        }

        /** Throws the first failure among {@code results}, the others suppressed in it; nothing if none failed. */
        static void throwFirstFailure(List<PublishResult> results) {
            RuntimeException first = null;
            for (PublishResult result : results) {
                if (!result.ok()) {
                    if (first == null) {
                        first = result.failure();
                    } else if (result.failure() != first) {
                        // Messages of one batch that could not even be sent share one failure.
                        first.addSuppressed(result.failure());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
