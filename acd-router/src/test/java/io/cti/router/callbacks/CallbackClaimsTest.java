package io.cti.router.callbacks;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.ids.QueueName;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.queues.RouterSchema;
import io.cti.router.testapp.RouterDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-time scan of several router processes at once, on real PostgreSQL: every due callback is claimed by
 * exactly one of them, none before it is due, none twice.
 */
class CallbackClaimsTest {

    private final HikariDataSource database = RouterDatabases.fresh();
    private final RouterSchema schema = RouterDatabases.schemaOf(database);
    private final CallbackRepository store = new CallbackRepository(database, schema);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void routersScanningAtOnceClaimEveryDueCallbackExactlyOnce() throws Exception {
        Instant now = Instant.now();
        List<Long> due = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            due.add(file(now.minusSeconds(i)).id().value());
        }
        file(now.plusSeconds(3600));
        int routers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Callback> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(routers);
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int r = 0; r < routers; r++) {
                // Each router process has a repository of its own; they share only the database.
                CallbackRepository router = new CallbackRepository(database, schema);
                String name = "router-" + r;
                running.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    List<Callback> batch;
                    do {
                        batch = router.claimDue(now, 7, name);
                        claimed.addAll(batch);
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> router : running) {
                router.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(claimed).extracting(c -> c.id().value()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(claimed).allSatisfy(callback -> {
            assertThat(callback.status()).isEqualTo(CallbackStatus.QUEUED);
            assertThat(callback.offers()).isEqualTo(1);
        });
        assertThat(store.list(true, 500)).filteredOn(c -> c.status() == CallbackStatus.PENDING).singleElement()
                .satisfies(later -> assertThat(later.dueAt()).isAfter(now));
    }

    @Test
    void aStepOnACallbackThatMovedOnMeanwhileChangesNothing() {
        Callback callback = file(Instant.now().minusSeconds(1));
        store.claimDue(Instant.now(), 10, "router-a");
        store.pendAgain(callback.id(), Instant.now().plus(Duration.ofMinutes(10)));

        assertThat(store.reoffer(callback.id())).isEmpty();
        assertThat(store.giveUp(callback.id(), "late")).isFalse();
        assertThat(store.recordMiss(callback.id(), callback.id().call(1), null,
                io.cti.core.messages.OriginateOutcome.BUSY, "BUSY", Instant.now())).isEmpty();
        assertThat(store.attempts(callback.id())).isEmpty();
        assertThat(store.find(callback.id()).orElseThrow().status()).isEqualTo(CallbackStatus.PENDING);
    }

    @Test
    void onlyAPendingCallbackCanBeCancelledAndACancelledOneIsNeverClaimed() {
        Callback pending = file(Instant.now().plusSeconds(60));
        Callback queued = file(Instant.now().minusSeconds(1));
        store.claimDue(Instant.now(), 10, "router-a");

        assertThat(store.cancel(pending.id()).status()).isEqualTo(CallbackStatus.CANCELLED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.cancel(queued.id()))
                .isInstanceOfSatisfying(io.cti.router.RouterException.class,
                        e -> assertThat(e.errorId()).isEqualTo("callback-not-pending"));
        assertThat(store.claimDue(Instant.now().plusSeconds(120), 10, "router-a")).isEmpty();
    }

    private Callback file(Instant due) {
        return store.file(new CallbackRequest(CallbackKind.SCHEDULED, QueueName.of("sales"),
                new PhoneNumber("+14155550123"), null, null, null, null, "", List.of(), "", due, due, 3)).orElseThrow();
    }
}
