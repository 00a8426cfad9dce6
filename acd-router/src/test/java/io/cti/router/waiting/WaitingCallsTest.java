package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.skills.SkillRequirement;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitingCallsTest {

    private static final QueueName SALES = QueueName.of("sales");
    private static final QueueName SUPPORT = QueueName.of("support");
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    private final StatefulRedisConnection<String, String> connection = RedisForTests.connect();
    private final RouterKeys keys = RedisForTests.uniqueKeys();
    private final WaitingCalls waiting = WaitingCalls.on(connection.sync(), keys);

    @AfterEach
    void close() {
        if (connection.isOpen()) {
            connection.close();
        }
    }

    @Test
    void callsAreServedInOrderOfTheirOrderKeyNotOfTheirArrival() {
        waiting.enqueue(call("c-late-vip", SALES, 30, 100.0));
        waiting.enqueue(call("c-early", SALES, 0, 500.0));
        waiting.enqueue(call("c-middle", SALES, 10, 300.0));

        assertThat(ids(waiting.heads(SALES, 10))).containsExactly("c-late-vip", "c-middle", "c-early");
    }

    @Test
    void headsGivesOnlyTheFirstCalls() {
        for (int i = 0; i < 5; i++) {
            waiting.enqueue(call("c" + i, SALES, i, i));
        }

        assertThat(ids(waiting.heads(SALES, 2))).containsExactly("c0", "c1");
        assertThatThrownBy(() -> waiting.heads(SALES, 0)).isInstanceOf(RouterException.class)
                .extracting(e -> ((RouterException) e).errorId()).isEqualTo("waiting-heads-limit-invalid");
    }

    @Test
    void enqueuingTheSameCallAgainChangesNothing() {
        assertThat(waiting.enqueue(call("c1", SALES, 0, 10.0))).isTrue();

        assertThat(waiting.enqueue(call("c1", SUPPORT, 5, 1.0))).isFalse();

        assertThat(waiting.find(CallId.of("c1"))).get().extracting(QueuedCall::queue, QueuedCall::orderKey)
                .containsExactly(SALES, 10.0);
        assertThat(waiting.depth(SALES).waiting()).isEqualTo(1);
        assertThat(waiting.depth(SUPPORT).waiting()).isZero();
    }

    @Test
    void aWaitingCallKeepsEverythingRoutingNeeds() {
        CallContext context = new CallContext(Optional.of(CustomerId.of(42)), Optional.of(AgentId.of("agent-7")),
                List.of(SkillRequirement.of("billing", 5), SkillRequirement.of("mandarin", 3)),
                List.of("2", "billing, then 1", "100%"), Map.of("priority.base", "300.5", "grade", "A"));
        QueuedCall call = new QueuedCall(CallId.of("c1"), SALES, T0.plusMillis(1234), 98765.4321, context);

        waiting.enqueue(call);

        assertThat(waiting.find(call.id())).contains(call);
        assertThat(waiting.heads(SALES, 1)).containsExactly(call);
    }

    @Test
    void aRemovedCallLeavesItsQueueAndALateArrivalDoesNotBringItBack() {
        waiting.enqueue(call("c1", SALES, 0, 1.0));
        waiting.enqueue(call("c2", SALES, 1, 2.0));

        assertThat(waiting.remove(CallId.of("c1"))).isTrue();
        assertThat(waiting.enqueue(call("c1", SALES, 0, 1.0))).isFalse();

        assertThat(ids(waiting.heads(SALES, 10))).containsExactly("c2");
        assertThat(waiting.find(CallId.of("c1"))).isEmpty();
        assertThat(waiting.remove(CallId.of("c1"))).isFalse();
    }

    @Test
    void overflowMovesACallToAnotherQueueWhereItKeepsCountingItsWaitFromItsArrival() {
        waiting.enqueue(call("c1", SALES, 0, 1.0));
        waiting.enqueue(call("s1", SUPPORT, 20, 50.0));

        assertThat(waiting.move(CallId.of("c1"), SUPPORT, 40.0)).isTrue();

        assertThat(waiting.depth(SALES).waiting()).isZero();
        assertThat(ids(waiting.heads(SUPPORT, 10))).containsExactly("c1", "s1");
        assertThat(waiting.find(CallId.of("c1"))).get()
                .extracting(QueuedCall::queue, QueuedCall::enqueuedAt, QueuedCall::orderKey)
                .containsExactly(SUPPORT, T0, 40.0);
        assertThat(waiting.depth(SUPPORT).oldestEnqueuedAt()).contains(T0);
        assertThat(waiting.move(CallId.of("unknown"), SUPPORT, 1.0)).isFalse();
    }

    @Test
    void depthCountsTheWaitingCallsAndKnowsWhichWaitsLongestWhateverTheirOrder() {
        waiting.enqueue(call("c-vip", SALES, 60, 1.0));
        waiting.enqueue(call("c-oldest", SALES, 0, 900.0));
        waiting.enqueue(call("c-other", SALES, 30, 500.0));

        QueueDepth depth = waiting.depth(SALES);

        assertThat(depth.waiting()).isEqualTo(3);
        assertThat(depth.oldestEnqueuedAt()).contains(T0);
        assertThat(depth.longestWait(T0.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anEmptyQueueHasNoCallsAndNoWait() {
        QueueDepth depth = waiting.depth(SALES);

        assertThat(depth.waiting()).isZero();
        assertThat(depth.oldestEnqueuedAt()).isEmpty();
        assertThat(depth.longestWait(T0)).isZero();
    }

    @Test
    void aRestartedRouterSeesTheSameQueuesInTheSameOrder() {
        for (int i = 0; i < 20; i++) {
            waiting.enqueue(call("c" + i, SALES, i, (i * 7919) % 20));
        }
        List<QueuedCall> before = waiting.heads(SALES, 100);
        connection.close();

        try (StatefulRedisConnection<String, String> restarted = RedisForTests.connect()) {
            WaitingCalls afterRestart = WaitingCalls.on(restarted.sync(), keys);

            assertThat(afterRestart.heads(SALES, 100)).hasSize(20).isEqualTo(before);
        }
    }

    static QueuedCall call(String id, QueueName queue, int secondsAfterT0, double orderKey) {
        return new QueuedCall(CallId.of(id), queue, T0.plusSeconds(secondsAfterT0), orderKey, CallContext.NONE);
    }

    static List<String> ids(List<QueuedCall> calls) {
        return calls.stream().map(c -> c.id().value()).toList();
    }
}
