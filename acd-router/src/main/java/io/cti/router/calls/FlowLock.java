package io.cti.router.calls;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The flow's one at a time: its handlings, the tick's parts, the follower's batches of the change feed and the REST
 * calls run under one fair lock, each taking in first the reservations in flight it must
 * ({@link ReservationsInFlight}) and publishing through the outbox at its end; and the bus's settle. Counts the
 * messages being handled or waiting, so that the tick's parts can let them go first. Thread-safe.
 */
final class FlowLock {

    /** Fair, so that a message waiting for the lock is handled between the parts of a tick. */
    private final ReentrantLock lock;
    private final ReservationsInFlight inFlight;
    private final Outbox outbox;
    /** Messages being handled or waiting to be: a part of the tick waits for them. */
    private final AtomicInteger messagesWaiting = new AtomicInteger();

    FlowLock(ReentrantLock lock, ReservationsInFlight inFlight, Outbox outbox) {
        this.lock = lock;
        this.inFlight = inFlight;
        this.outbox = outbox;
    }

    /** Whether messages are being handled or wait to be. */
    boolean messagesWaiting() {
        return messagesWaiting.get() > 0;
    }

    /** Runs a message's {@code handling}, counted among the messages waiting until it ends. */
    void message(Runnable handling) {
        messagesWaiting.incrementAndGet();
        try {
            handling.run();
        } finally {
            messagesWaiting.decrementAndGet();
        }
    }

    /**
     * The bus's settle: every answer in flight taken in (and followed up), then what the batch's handlings published
     * waited for. A failure to take an answer in met by any handling of the batch (or by a tick's part or the
     * follower, for a handling's answer) fails it too, so that none of the batch is acknowledged.
     */
    void settle() {
        RuntimeException failure = null;
        try {
            // What it takes in is published with this thread's batches, which the settle waits for just below.
            handling(() -> {
                takeInAll();
                return null;
            }, true, true);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure == null) {
            outbox.settle();
        } else {
            outbox.settleAfter(failure);
        }
        lock.lock();
        try {
            RuntimeException kept = inFlight.takeKeptFailure();
            if (failure == null && kept != null) {
                failure = kept;
            }
        } finally {
            lock.unlock();
        }
        if (failure != null) {
            throw failure;
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    <T> T locked(Supplier<T> work) {
        return locked(work, false);
    }

    /**
     * Runs {@code work} under the lock, the reservations in flight taken in first; its messages are published at
     * its end, unsettled if so asked (see Outbox).
     */
    <T> T locked(Supplier<T> work, boolean unsettled) {
        return handling(() -> {
            long before = inFlight.takenIn();
            takeInAll();
            if (inFlight.takenIn() != before) {
                // What was taken in is a bus handling's, whose settle would not wait for this thread's publishing.
                outbox.settleThisBatch();
            }
            return work.get();
        }, unsettled, true);
    }

    /**
     * Runs a handling under the lock, as it is: it takes in what it chooses of the moves in flight. If it fails
     * (publishing included) after taking some in, the failure is kept for the bus's settle if so asked
     * ({@code keepFailure}; not for a synchronous handling, which tells its own): what it published may have been a
     * bus message's connect command.
     */
    <T> T handling(Supplier<T> work, boolean unsettled, boolean keepFailure) {
        lock.lock();
        try {
            long before = inFlight.takenIn();
            try {
                return outbox.during(work, unsettled);
            } catch (RuntimeException e) {
                if (keepFailure && inFlight.takenIn() != before) {
                    inFlight.keep(e);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes in every move in flight and does what they left to do; a failure still leaves every answer taken in and
     * every follow-up done that can be, and is thrown at the end.
     */
    void takeInAll() {
        RuntimeException failure = null;
        boolean more = true;
        while (more) {
            try {
                inFlight.takeInAll();
            } catch (RuntimeException e) {
                failure = ReservationsInFlight.joined(failure, e);
            }
            try {
                more = inFlight.followUp();
            } catch (RuntimeException e) {
                // Every follow-up due was tried: another round takes in and follows up what they left.
                failure = ReservationsInFlight.joined(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Does the follow-ups due, and those that doing them left, before anything else. */
    void followUpAll() {
        while (inFlight.followUp()) {
            // A follow-up's own Redis command may take in another answer, which leaves a follow-up of its own.
        }
    }

    /**
     * Does {@code work} with what was {@code read} without the lock, under it; what the work publishes is waited for
     * after the lock is released.
     */
    <A, T> T lockedWith(A read, Function<A, T> work) {
        T result;
        try {
            result = locked(() -> work.apply(read), true);
        } catch (RuntimeException | Error e) {
            outbox.settleAfter(e);
            throw e;
        }
        outbox.settle();
        return result;
    }
}
