package io.cti.console.push;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveBoardTest {

    private static final Instant T0 = Instant.parse("2025-06-15T10:00:00Z");
    private static final AgentId AGENT = AgentId.of("agent07");

    private final LiveBoard board = new LiveBoard();

    @Test
    void anOlderStateArrivingLateDoesNotOverwriteANewerOne() {
        board.apply(state(AgentStatus.ON_CALL, "c1", T0.plusSeconds(10)));

        boolean taken = board.apply(state(AgentStatus.READY, null, T0));

        assertThat(taken).isFalse();
        assertThat(board.stateOf(AGENT)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(AgentStatus.ON_CALL));
    }

    @Test
    void thePopStaysWhileItsCallIsWithTheAgentAndGoesWhenTheAgentMovesOn() {
        board.apply(pop("c1", T0));
        board.apply(state(AgentStatus.RINGING, "c1", T0.plusSeconds(1)));
        board.apply(state(AgentStatus.ON_CALL, "c1", T0.plusSeconds(2)));
        board.apply(state(AgentStatus.WRAP_UP, "c1", T0.plusSeconds(60)));

        assertThat(board.popOf(AGENT)).hasValueSatisfying(p -> assertThat(p.callId()).isEqualTo(CallId.of("c1")));

        board.apply(state(AgentStatus.READY, null, T0.plusSeconds(70)));

        assertThat(board.popOf(AGENT)).isEmpty();
    }

    @Test
    void aPopForAnotherCallThanTheAgentsIsNotShown() {
        board.apply(state(AgentStatus.RINGING, "c2", T0.plusSeconds(1)));

        board.apply(pop("c1", T0));

        assertThat(board.popOf(AGENT)).isEmpty();
    }

    @Test
    void queuesAndAgentsAreListedInNameOrderWithTheirNewestFigures() {
        board.apply(figures("support", 1, T0));
        board.apply(figures("sales", 4, T0));
        board.apply(figures("support", 2, T0.plusSeconds(1)));
        board.apply(figures("support", 9, T0.minusSeconds(5)));

        assertThat(board.queues()).extracting(f -> f.queue().value() + "=" + f.waiting())
                .containsExactly("sales=4", "support=2");
    }

    private static AgentStateChanged state(AgentStatus status, String call, Instant at) {
        return new AgentStateChanged(MessageId.random(), at, AGENT, status, "", at, call == null ? null : CallId.of(call),
                null);
    }

    private static ScreenPopReady pop(String call, Instant at) {
        return new ScreenPopReady(MessageId.random(), at, CallId.of(call), AGENT, QueueName.of("sales"), "+14155550123",
                null, Duration.ofSeconds(3), List.of(), 0, "longest idle");
    }

    private static QueueFiguresUpdated figures(String queue, int waiting, Instant at) {
        return new QueueFiguresUpdated(MessageId.random(), at, QueueName.of(queue), waiting, Duration.ZERO, -1, -1,
                Duration.ZERO, Duration.ZERO, -1, 0, 0, Map.of());
    }
}
