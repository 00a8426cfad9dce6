package io.cti.router.calls;

import io.cti.core.customers.CustomerCard;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.router.screenpop.ScreenPopComposer;
import io.cti.router.screenpop.ScreenPopComposer.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The callers' cards for screen-pops, read ahead: the card the arrival read (to rank the call) is kept for the pop,
 * and when a call is reserved for an agent with no such card held, or one older than {@link #REUSED_UNTIL}, the card
 * and the contacts of the day are read from the customer database on a thread of their own; so when the agent's
 * phone rings a moment later the pop is composed without a database query, and most pops wait for none at all (a
 * query that stalls a moment would hold up every ring behind it on the pops' one thread). One read longer ago than
 * {@link #FRESH}, on another day, or not read ahead at all (the ring reached another router process) is read at ring
 * time as before. Thread-safe.
 */
final class PopCards {

    private static final Logger LOG = LoggerFactory.getLogger(PopCards.class);
    /** A card read ahead longer ago than this is read again: the agent's phone normally rings within a second. */
    static final Duration FRESH = Duration.ofSeconds(20);
    /** The arrival's card serves the pop of a call reserved within this time of the arrival, else it is read again. */
    static final Duration REUSED_UNTIL = Duration.ofSeconds(10);
    /** How long a ring waits for a read still running before reading on its own. */
    private static final long WAIT_MILLIS = 500;

    private record Ahead(Optional<CustomerId> customer, Instant at, CompletableFuture<Caller> caller) {
    }

    private final ScreenPopComposer composer;
    private final Clock clock;
    private final Map<CallId, Ahead> ahead = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor readers;

    PopCards(ScreenPopComposer composer, Clock clock) {
        this.composer = composer;
        this.clock = clock;
        // Two threads at most, idle ones end: reading ahead is an optimisation, never a queue that can grow.
        this.readers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000), r -> {
            Thread thread = new Thread(r, "screen-pop-cards");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        readers.allowCoreThreadTimeOut(true);
    }

    /**
     * Keeps {@code card}, read as {@code call} arrived, for the call's pop, with the contacts of the day counted from
     * it; nothing when they cannot be (see {@link ScreenPopComposer#callerFromCard}): the reservation reads them.
     */
    void arrived(CallId call, CustomerCard card) {
        Instant at = clock.instant();
        composer.callerFromCard(card, at).ifPresent(caller -> ahead.put(call,
                new Ahead(Optional.of(card.id()), at, CompletableFuture.completedFuture(caller))));
    }

    /**
     * Starts reading the caller of {@code call}, reserved now, unless the arrival's card of that caller is held and
     * recent enough; unknown callers need nothing read.
     */
    void readAhead(CallId call, Optional<CustomerId> customer) {
        if (customer.isEmpty()) {
            return;
        }
        Instant at = clock.instant();
        Ahead held = ahead.get(call);
        if (held != null && held.customer().equals(customer) && held.caller().isDone()
                && Duration.between(held.at(), at).compareTo(REUSED_UNTIL) <= 0) {
            return;
        }
        try {
            CompletableFuture<Caller> caller = CompletableFuture.supplyAsync(() -> composer.readCaller(customer, at),
                    readers);
            ahead.put(call, new Ahead(customer, at, caller));
        } catch (RejectedExecutionException e) {
            // The readers are behind: this call's card is read when its phone rings.
            LOG.debug("no card read ahead for {}: the readers are busy", call);
        }
    }

    /**
     * The caller of {@code call} for a pop at {@code ringingAt}, as {@link #whenRead} gives it, waiting for a read
     * still running at most {@link #WAIT_MILLIS} before reading on this thread.
     */
    Caller take(CallId call, Optional<CustomerId> customer, Instant ringingAt) {
        try {
            return whenRead(call, customer, ringingAt).get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("card of {} not read in time ({}); reading it now", call, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return composer.readCaller(customer, ringingAt);
    }

    /**
     * The caller of {@code call} for a pop at {@code ringingAt}, without waiting: the card read ahead if it is fresh
     * (at most {@link #FRESH} old, of the same day), done at once when it is in, else when the read ahead completes (or a read of its own on the readers, when
     * none was usable), so that a pop whose card is still being read holds up no other ring behind it.
     */
    CompletableFuture<Caller> whenRead(CallId call, Optional<CustomerId> customer, Instant ringingAt) {
        Ahead read = ahead.remove(call);
        if (read == null || !read.customer().equals(customer)) {
            return readLater(customer, ringingAt);
        }
        return read.caller().handle((caller, failure) -> {
            if (failure == null && usable(caller, ringingAt)) {
                return CompletableFuture.completedFuture(caller);
            }
            LOG.debug("card of {} read ahead not usable ({}); reading it now", call, failure);
            return readLater(customer, ringingAt);
        }).thenCompose(caller -> caller);
    }

    private boolean usable(Caller caller, Instant ringingAt) {
        return Duration.between(caller.readAt(), ringingAt).compareTo(FRESH) <= 0
                && composer.sameDay(caller.readAt(), ringingAt);
    }

    private CompletableFuture<Caller> readLater(Optional<CustomerId> customer, Instant at) {
        if (customer.isPresent()) {
            try {
                return CompletableFuture.supplyAsync(() -> composer.readCaller(customer, at), readers);
            } catch (RejectedExecutionException e) {
                LOG.debug("the card readers are behind; reading the card of {} on the ring's thread", customer.get());
            }
        }
        // An unknown caller needs no query; a known one whose readers are behind is read here, as take would.
        return CompletableFuture.completedFuture(composer.readCaller(customer, at));
    }

    /** Forgets cards read ahead for calls whose phone never rang (given up, answered elsewhere). */
    void dropStale() {
        Instant now = clock.instant();
        ahead.values().removeIf(read -> Duration.between(read.at(), now).compareTo(FRESH) > 0);
    }
}
