package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed on the real embedded Redis: one router's reader learns what another router's scripts changed,
 * each call and agent once and as they are when read, and is told when entries were trimmed before it read them.
 */
class ChangeFeedTest {

    private static final QueueName SALES = QueueName.of("sales");
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private final StatefulRedisConnection<String, String> mine = RedisForTests.connect();
    private final StatefulRedisConnection<String, String> theirs = RedisForTests.connect();
    private final RouterKeys keys = RedisForTests.uniqueKeys();
    private final ChangeFeed feed = ChangeFeed.on(mine.sync(), keys);
    private final WaitingCalls otherRouter = WaitingCalls.on(theirs.sync(), keys);

    @AfterEach
    void close() {
        mine.close();
        theirs.close();
    }

    @Test
    void aCallQueuedByAnotherRouterIsReadWithItsPlace() {
        feed.startHere();

        otherRouter.enqueue(call("c1", 120.5));

        ChangeFeed.Changes changes = feed.next(100);
        assertThat(changes.waiting()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(CallId.of("c1"));
            assertThat(call.orderKey()).isEqualTo(120.5);
        });
        assertThat(changes.gap()).isFalse();
        assertThat(feed.next(100).isEmpty()).isTrue();
    }

    @Test
    void aCallReservedMeanwhileIsReadAsNoLongerWaitingTogetherWithItsAgent() {
        ReadyAgents.on(theirs.sync(), keys).markReady(AgentId.of("a1"), T0);
        otherRouter.enqueue(call("c1", 1));
        feed.startHere();

        Reservations.on(theirs.sync(), keys, RouterId.of("other")).reserve(CallId.of("c1"), AgentId.of("a1"),
                Duration.ofSeconds(10));

        ChangeFeed.Changes changes = feed.next(100);
        assertThat(changes.notWaiting()).containsExactly(CallId.of("c1"));
        assertThat(changes.waiting()).isEmpty();
        assertThat(changes.agents()).containsOnlyKeys(AgentId.of("a1"));
    }

    @Test
    void aBatchReadAheadMovesThePositionOnlyWhenTakenIn() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));

        ChangeFeed.Batch ahead = feed.read(100);
        assertThat(feed.read(100).changes().waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c1"));

        assertThat(feed.advance(ahead)).isTrue();
        assertThat(feed.next(100).isEmpty()).isTrue();
    }

    @Test
    void aBatchReadAheadIsRefusedOnceAnotherReadWasTakenInFromTheSamePosition() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        ChangeFeed.Batch ahead = feed.read(100);
        otherRouter.enqueue(call("c2", 2));

        // A handling reads (and takes in) the feed while the batch read ahead waits for the lock.
        assertThat(feed.next(100).waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c1"), CallId.of("c2"));

        assertThat(feed.advance(ahead)).isFalse();
        assertThat(feed.next(100).isEmpty()).isTrue();
    }

    @Test
    void aBatchReadAheadIsRefusedOnceTheFeedStartedAnew() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        ChangeFeed.Batch ahead = feed.read(100);

        feed.startHere(); // the board read in full meanwhile

        assertThat(feed.advance(ahead)).isFalse();
    }

    @Test
    void aBatchIsAtThePositionItWasReadFromUntilAnotherReadIsTakenIn() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        ChangeFeed.Batch ahead = feed.read(100);
        assertThat(feed.isAt(ahead)).isTrue();

        feed.next(100);

        assertThat(feed.isAt(ahead)).isFalse();
    }

    @Test
    void aBatchReadAtTheFeedsEndIsEmpty() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        feed.next(100);

        assertThat(feed.read(100).isEmpty()).isTrue();
    }

    @Test
    void aBatchWithAnEntryIsNotEmpty() {
        feed.startHere();

        otherRouter.enqueue(call("c1", 1));

        assertThat(feed.read(100).isEmpty()).isFalse();
    }

    @Test
    void entriesTrimmedUnreadMakeABatchThatIsNotEmptyEvenWhenNoneIsLeft() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));

        theirs.sync().xtrim(keys.changes(), 0);

        ChangeFeed.Batch batch = feed.read(100);
        assertThat(batch.changes().isEmpty()).isTrue();
        assertThat(batch.isEmpty()).isFalse();
    }

    @Test
    void changesBeforeTheStartAreNotRead() {
        otherRouter.enqueue(call("c1", 1));
        feed.startHere();

        otherRouter.enqueue(call("c2", 2));

        assertThat(feed.next(100).waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c2"));
    }

    @Test
    void aCallChangedManyTimesIsReadOnceAsItIsNow() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        otherRouter.move(CallId.of("c1"), QueueName.of("support"), 7);

        ChangeFeed.Changes changes = feed.next(100);

        assertThat(changes.waiting()).singleElement().satisfies(call -> {
            assertThat(call.queue()).isEqualTo(QueueName.of("support"));
            assertThat(call.orderKey()).isEqualTo(7.0);
        });
    }

    @Test
    void aReadStopsAtTheLimitAndSaysThatMoreWait() {
        feed.startHere();
        for (int i = 0; i < 5; i++) {
            otherRouter.enqueue(call("c" + i, i));
        }

        ChangeFeed.Changes first = feed.next(3);
        ChangeFeed.Changes second = feed.next(3);

        assertThat(first.waiting()).hasSize(3);
        assertThat(first.more()).isTrue();
        assertThat(second.waiting()).hasSize(2);
        assertThat(second.more()).isFalse();
    }

    @Test
    void everyReadThatStopsAtTheLimitSaysThatMoreWaitNotOnlyTheFirst() {
        otherRouter.enqueue(call("before", 0));
        feed.startHere();
        for (int i = 0; i < 5; i++) {
            otherRouter.enqueue(call("c" + i, i));
        }

        ChangeFeed.Changes first = feed.next(2);
        ChangeFeed.Changes second = feed.next(2);
        ChangeFeed.Changes third = feed.next(2);

        assertThat(first.waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c0"), CallId.of("c1"));
        assertThat(first.more()).isTrue();
        assertThat(second.waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c2"), CallId.of("c3"));
        assertThat(second.more()).isTrue();
        assertThat(third.waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c4"));
        assertThat(third.more()).isFalse();
    }

    @Test
    void entriesTrimmedBeforeTheyWereReadAreReportedAsAGap() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        otherRouter.enqueue(call("c2", 2));

        theirs.sync().xtrim(keys.changes(), 0);

        assertThat(feed.next(100).gap()).isTrue();
    }

    @Test
    void entriesTrimmedAfterTheyWereReadAreNoGap() {
        feed.startHere();
        otherRouter.enqueue(call("c1", 1));
        feed.next(100);
        theirs.sync().xtrim(keys.changes(), 0);

        otherRouter.enqueue(call("c2", 2));

        ChangeFeed.Changes changes = feed.next(100);
        assertThat(changes.gap()).isFalse();
        assertThat(changes.waiting()).extracting(QueuedCall::id).containsExactly(CallId.of("c2"));
    }

    private static QueuedCall call(String id, double orderKey) {
        return new QueuedCall(CallId.of(id), SALES, T0, orderKey, CallContext.NONE);
    }
}
