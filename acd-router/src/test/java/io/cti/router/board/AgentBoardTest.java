package io.cti.router.board;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.DomainMessage;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.agents.AgentState;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Refusal;
import io.cti.router.reservations.RouterId;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.PhoneEndpoint;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent board on the real embedded Redis: validated, compare-and-set moves, the ready set in step, events. */
class AgentBoardTest {

    private static RedisClient client;
    private static RedisCommands<String, String> redis;

    private final RouterKeys keys = RouterKeys.withPrefix("test:" + UUID.randomUUID() + ":");
    private final AgentId alice = AgentId.of("alice");
    private final AgentProfile profile = new AgentProfile(alice, "Alice", Map.of(Skill.of("sales"), Proficiency.of(7)),
            List.of("team-a"), PhoneEndpoint.parse("PJSIP/2001"));
    private final List<DomainMessage> published = new CopyOnWriteArrayList<>();
    private final ReadyAgents ready = ReadyAgents.on(redis, keys);
    private final AgentBoard board = newBoard();

    @BeforeAll
    static void connect() {
        client = RedisClient.create(EmbeddedServers.shared().redisUri());
        redis = client.connect().sync();
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    private AgentBoard newBoard() {
        return new AgentBoard(redis, keys, ready, agent -> agent.equals(alice) ? Optional.of(profile) : Optional.empty(),
                published::add, Clock.systemUTC());
    }

    @Test
    void anAgentNeverSeenIsLoggedOut() {
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(AgentState.LOGGED_OUT);
    }

    @Test
    void goingReadyPutsTheAgentInTheReadySetAndPublishesTheChange() {
        BoardMove move = board.moveTo(alice, AgentState.READY);

        assertThat(move.moved()).isTrue();
        assertThat(ready.isReady(alice)).isTrue();
        assertThat(published).singleElement().isInstanceOfSatisfying(AgentStateChanged.class,
                changed -> assertThat(changed.status()).isEqualTo(AgentStatus.READY));
    }

    @Test
    void theStateSurvivesInRedisForAnotherRouter() {
        board.moveTo(alice, AgentState.READY);
        board.moveTo(alice, new AgentState.NotReady("lunch"));

        assertThat(newBoard().entry(alice).orElseThrow().state()).isEqualTo(new AgentState.NotReady("lunch"));
        assertThat(ready.isReady(alice)).isFalse();
    }

    @Test
    void anIllegalTransitionIsRefusedAndChangesNothing() {
        board.moveTo(alice, AgentState.READY);
        published.clear();

        BoardMove move = board.moveTo(alice, new AgentState.OnCall(CallId.of("c1")));

        assertThat(move).isInstanceOf(BoardMove.Refused.class);
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(AgentState.READY);
        assertThat(ready.isReady(alice)).isTrue();
        assertThat(published).isEmpty();
    }

    @Test
    void aMoveFromAStaleReadingIsRefusedSoTwoRoutersCannotBothMoveTheAgent() {
        board.moveTo(alice, AgentState.READY);
        BoardEntry seenByBoth = board.entry(alice).orElseThrow();

        BoardMove first = board.apply(seenByBoth, BoardChange.to(new AgentState.Reserved(CallId.of("c1"))));
        BoardMove second = newBoard().apply(seenByBoth, BoardChange.to(new AgentState.Reserved(CallId.of("c2"))));

        assertThat(first.moved()).isTrue();
        assertThat(second).isInstanceOfSatisfying(BoardMove.Stale.class, stale -> assertThat(stale.current().state())
                .as("the agent as the failed attempt found them").isEqualTo(new AgentState.Reserved(CallId.of("c1"))));
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(new AgentState.Reserved(CallId.of("c1")));
    }

    @Test
    void leavingACallCountsItAndStartsTheIdleTime() {
        CallId call = CallId.of("c1");
        board.moveTo(alice, AgentState.READY);
        board.moveTo(alice, new AgentState.Reserved(call));
        board.moveTo(alice, new AgentState.Ringing(call));
        board.moveTo(alice, new AgentState.OnCall(call));

        board.move(alice, entry -> BoardChange.wrapUp(Instant.now().plusSeconds(30), call));

        BoardEntry entry = board.entry(alice).orElseThrow();
        assertThat(entry.agent().callsToday()).isEqualTo(1);
        assertThat(entry.wrapUpCall()).isEqualTo(call);
        assertThat(entry.call()).contains(call);
    }

    @Test
    void theCallsOfTheDayStartAgainAtMidnightInTheCentresZoneThoughTheBoardRemembersTheAgent() {
        // 23:50 in Shanghai (UTC+8): ten minutes before the centre's midnight, hours before UTC's.
        HandMovedClock clock = new HandMovedClock(Instant.parse("2026-12-07T15:50:00Z"));
        AgentBoard remembering = new AgentBoard(redis, keys, ready,
                agent -> agent.equals(alice) ? Optional.of(profile) : Optional.empty(), published::add, clock,
                ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(5), entry -> { });
        CallId call = CallId.of("c1");
        remembering.moveTo(alice, AgentState.READY);
        remembering.moveTo(alice, new AgentState.Reserved(call));
        remembering.moveTo(alice, new AgentState.Ringing(call));
        remembering.moveTo(alice, new AgentState.OnCall(call));
        remembering.moveTo(alice, AgentState.READY);
        assertThat(remembering.all()).singleElement().satisfies(e -> assertThat(e.agent().callsToday()).isEqualTo(1));

        clock.advance(Duration.ofMinutes(20));

        assertThat(remembering.all()).singleElement().satisfies(e -> assertThat(e.agent().callsToday()).isZero());
        CallId next = CallId.of("c2");
        remembering.moveTo(alice, new AgentState.Reserved(next));
        remembering.moveTo(alice, new AgentState.Ringing(next));
        remembering.moveTo(alice, new AgentState.OnCall(next));
        remembering.moveTo(alice, AgentState.READY);
        AgentBoard another = new AgentBoard(redis, keys, ready,
                agent -> agent.equals(alice) ? Optional.of(profile) : Optional.empty(), published::add, clock,
                ZoneId.of("Asia/Shanghai"));
        assertThat(another.entry(alice).orElseThrow().agent().callsToday()).as("as another router reads it")
                .isEqualTo(1);
    }

    /** A clock the test moves by hand. */
    private static final class HandMovedClock extends Clock {

        private volatile Instant now;

        HandMovedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aNotReadyAskedForDuringACallIsKeptUntilTheAgentIsSettled() {
        CallId call = CallId.of("c1");
        board.moveTo(alice, AgentState.READY);
        board.moveTo(alice, new AgentState.Reserved(call));

        board.move(alice, entry -> BoardChange.afterCall("lunch"));

        assertThat(board.entry(alice).orElseThrow().notReadyAfterCall()).isEqualTo("lunch");
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(new AgentState.Reserved(call));
    }

    @Test
    void aMoveDecidedOnAnOutdatedEntryIsDecidedAgainOnTheCurrentOne() {
        board.moveTo(alice, AgentState.READY);
        newBoard().moveTo(alice, new AgentState.NotReady("lunch"));

        BoardMove move = board.move(alice, entry -> entry.state() instanceof AgentState.Ready
                ? BoardChange.to(new AgentState.Reserved(CallId.of("c1"))) : BoardChange.none());

        assertThat(move).isInstanceOf(BoardMove.Unchanged.class);
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(new AgentState.NotReady("lunch"));
    }

    @Test
    void aDecisionToLeaveTheAgentAloneIsCheckedAgainstTheCurrentEntry() {
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        newBoard().moveTo(alice, AgentState.READY);

        BoardMove move = board.move(alice, entry -> entry.state() instanceof AgentState.Ready
                ? BoardChange.to(new AgentState.NotReady("meeting")) : BoardChange.none());

        assertThat(move.moved()).isTrue();
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(new AgentState.NotReady("meeting"));
        assertThat(ready.isReady(alice)).isFalse();
    }

    @Test
    void aReservationOnTheBoardMovesTheReadyAgentToReservedAndFilesTheCallsRecord() {
        CallId call = CallId.of("c1");
        waitingCall(call);
        board.moveTo(alice, AgentState.READY);
        published.clear();

        BoardReservation reservation = board.reserve(request(call));

        assertThat(reservation).isInstanceOfSatisfying(BoardReservation.Granted.class, granted -> {
            assertThat(granted.after().state()).isEqualTo(new AgentState.Reserved(call));
            assertThat(granted.reservation().agent()).isEqualTo(alice);
        });
        assertThat(newBoard().entry(alice).orElseThrow().state()).isEqualTo(new AgentState.Reserved(call));
        assertThat(ready.isReady(alice)).isFalse();
        assertThat(redis.hgetall(keys.callRecord(call))).containsEntry("agent", "alice")
                .containsEntry("token", ((BoardReservation.Granted) reservation).reservation().token().toString());
        assertThat(published).singleElement().isInstanceOfSatisfying(AgentStateChanged.class,
                changed -> assertThat(changed.status()).isEqualTo(AgentStatus.RESERVED));
    }

    @Test
    void noReservationIsMadeForAnAgentWhoIsNotReadyOnTheBoard() {
        CallId call = CallId.of("c1");
        waitingCall(call);
        board.moveTo(alice, AgentState.READY);
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        ready.markReady(alice, Instant.now());

        BoardReservation reservation = board.reserve(request(call));

        assertThat(reservation).isEqualTo(new BoardReservation.Refused(Refusal.AGENT_NOT_READY));
        assertThat(board.entry(alice).orElseThrow().state()).isEqualTo(new AgentState.NotReady("lunch"));
        assertThat(WaitingCalls.on(redis, keys).heads(QueueName.of("sales"), 10)).hasSize(1);
        assertThat(redis.exists(keys.callRecord(call))).isZero();
    }

    @Test
    void anAgentFreedAndReservedInOneStepIsReservedWithTheReadyMoveAnnouncedFirst() {
        CallId call = CallId.of("c1");
        waitingCall(call);
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        published.clear();

        BoardMove move = board.move(alice, entry -> BoardChange.to(AgentState.READY),
                planned -> board.freeAndReserve(planned, request(call)).move());

        assertThat(move.moved()).isTrue();
        assertThat(newBoard().entry(alice).orElseThrow().state()).isEqualTo(new AgentState.Reserved(call));
        assertThat(ready.isReady(alice)).isFalse();
        assertThat(redis.hgetall(keys.callRecord(call))).containsEntry("agent", "alice").containsKey("token");
        assertThat(published).extracting(m -> ((AgentStateChanged) m).status())
                .containsExactly(AgentStatus.READY, AgentStatus.RESERVED);
    }

    @Test
    void anAgentFreedAndReservedInOneStepIsOneEntryOfTheChangeFeedNamingCallAndAgent() {
        CallId call = CallId.of("c1");
        waitingCall(call);
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        int before = changeCount();

        board.move(alice, entry -> BoardChange.to(AgentState.READY),
                planned -> board.freeAndReserve(planned, request(call)).move());

        assertThat(changesSince(before)).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("c", "c1").containsEntry("a", "alice"));
    }

    @Test
    void anAgentFreedWhoseReservationIsRefusedIsStillAnnouncedOnTheChangeFeed() {
        CallId gone = CallId.of("never-queued");
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        int before = changeCount();

        board.move(alice, entry -> BoardChange.to(AgentState.READY),
                planned -> board.freeAndReserve(planned, request(gone)).move());

        assertThat(ready.isReady(alice)).isTrue();
        assertThat(changesSince(before)).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("a", "alice").doesNotContainKey("c"));
    }

    @Test
    void aMoveToReadyOfAnAgentWhoHoldsAReservationIsAnnouncedThoughTheReadySetRefusesThem() {
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        // Reserved by a router whose board had not seen the agent yet: the ready set keeps them out.
        redis.hset(keys.reservedAgents(), "alice", "42");
        int before = changeCount();

        board.moveTo(alice, AgentState.READY);

        assertThat(ready.isReady(alice)).isFalse();
        assertThat(changesSince(before)).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("a", "alice"));
    }

    @Test
    void aFreeingScriptThatFailsAfterTheMoveStillAnnouncesTheAgentItMoved() {
        CallId broken = CallId.of("broken");
        // Not a hash: the reservation's first look at the call fails, after the move made the agent Ready.
        redis.set(keys.call(broken), "not a call");
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        int before = changeCount();

        assertThatThrownBy(() -> board.move(alice, entry -> BoardChange.to(AgentState.READY),
                planned -> board.freeAndReserve(planned, request(broken)).move())).isInstanceOf(RuntimeException.class);

        assertThat(ready.isReady(alice)).isTrue();
        assertThat(changesSince(before)).singleElement()
                .satisfies(entry -> assertThat(entry.getBody()).containsEntry("a", "alice").doesNotContainKey("c"));
    }

    @Test
    void aFreeingMoveThatLostTheRaceLeavesTheCallWaitingAndSaysWhereTheAgentIs() {
        CallId call = CallId.of("c1");
        waitingCall(call);
        board.moveTo(alice, new AgentState.NotReady("lunch"));
        newBoard().moveTo(alice, new AgentState.NotReady("meeting"));
        AgentBoard.FreedAndReserved[] done = new AgentBoard.FreedAndReserved[1];

        // This board still has the agent at lunch: it frees them, and finds them in a meeting instead.
        board.move(alice, entry -> entry.state().equals(new AgentState.NotReady("lunch"))
                        ? BoardChange.to(AgentState.READY) : BoardChange.none(),
                planned -> {
                    done[0] = board.freeAndReserve(planned, request(call));
                    return done[0].move();
                });

        assertThat(done[0].move()).isInstanceOfSatisfying(BoardMove.Stale.class,
                stale -> assertThat(stale.current().state()).isEqualTo(new AgentState.NotReady("meeting")));
        assertThat(done[0].reservation()).isNull();
        assertThat(newBoard().entry(alice).orElseThrow().state()).isEqualTo(new AgentState.NotReady("meeting"));
        assertThat(ready.isReady(alice)).isFalse();
        assertThat(WaitingCalls.on(redis, keys).heads(QueueName.of("sales"), 10)).hasSize(1);
    }

    @Test
    void theWholeBoardIsReadInOneGo() {
        board.moveTo(alice, AgentState.READY);

        assertThat(newBoard().readAll()).singleElement()
                .satisfies(entry -> assertThat(entry.state()).isEqualTo(AgentState.READY));
    }

    private int changeCount() {
        return redis.xlen(keys.changes()).intValue();
    }

    /** The change feed's entries after the first {@code before}. */
    private List<StreamMessage<String, String>> changesSince(int before) {
        return redis.xrange(keys.changes(), Range.create("-", "+")).subList(before, changeCount());
    }

    private void waitingCall(CallId call) {
        WaitingCalls.on(redis, keys).enqueue(new QueuedCall(call, QueueName.of("sales"), Instant.now(), 1,
                CallContext.NONE));
    }

    private ReservationRequest request(CallId call) {
        return new ReservationRequest(call, alice, Duration.ofSeconds(10), RouterId.of("r1"),
                Map.of("agent", "alice"), "token", Duration.ofMinutes(5));
    }
}
