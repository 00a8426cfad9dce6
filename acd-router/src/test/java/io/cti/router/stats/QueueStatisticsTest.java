package io.cti.router.stats;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.waiting.QueueDepth;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The queue and agent outcome counts in the real embedded Redis: the wallboard's rules (service level, short
 * abandons, ASA, AHT, the rolling window, today in the center's zone) and that two router processes sharing one
 * Redis count into, and read, the same figures.
 */
class QueueStatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-06-15T02:00:00Z");
    private static final QueueName SUPPORT = QueueName.of("support");
    private static final ServiceLevelTarget TARGET = new ServiceLevelTarget(80, Duration.ofSeconds(20));
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static final RedisClient CLIENT = RedisClient.create(EmbeddedServers.shared().redisUri());

    private final RouterKeys keys = RouterKeys.withPrefix("test:" + UUID.randomUUID() + ":");
    private final QueueStatistics stats = statistics(SHANGHAI);
    private int next;

    @AfterAll
    static void close() {
        CLIENT.shutdown();
    }

    @Test
    void callsWaitingAndTheLongestWaitAreThoseOfTheWaitingLine() {
        QueueFigures figures = stats.figures(SUPPORT, new QueueDepth(SUPPORT, 2, Optional.of(T0)), T0.plusSeconds(45));

        assertThat(figures.waiting()).isEqualTo(2);
        assertThat(figures.longestWait()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void serviceLevelCountsAnswersWithinTheTargetOverAnsweredAndAbandoned() {
        answer(0, 10);   // within 20 s
        answer(0, 20);   // exactly 20 s counts as within
        answer(0, 21);   // late
        abandon(0, 60);  // a real abandon

        QueueFigures figures = snapshot(120);

        assertThat(figures.serviceLevelToday()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.serviceLevelRolling()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.abandonRate()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void shortAbandonsCountNeitherAgainstServiceLevelNorInTheAbandonRate() {
        answer(0, 10);
        abandon(0, 4);

        QueueFigures figures = snapshot(30);

        assertThat(figures.serviceLevelToday()).isEqualTo(1.0);
        assertThat(figures.serviceLevelRolling()).isEqualTo(1.0);
        assertThat(figures.abandonRate()).isZero();
        assertThat(figures.shortAbandonsToday()).isEqualTo(1);
        assertThat(figures.abandonedToday()).isZero();
    }

    @Test
    void asaIsTheMeanTimeToAnswerOfAnsweredCalls() {
        answer(0, 10);
        answer(0, 30);

        assertThat(snapshot(60).averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void ahtIsTheMeanHandleTimeOfCompletedCalls() {
        complete("alice", 0, Duration.ofSeconds(200));
        complete("bob", 0, Duration.ofSeconds(300));

        assertThat(snapshot(0).averageHandleTime()).isEqualTo(Duration.ofSeconds(250));
    }

    @Test
    void theRollingServiceLevelForgetsCallsOlderThanFifteenMinutes() {
        answer(0, 60);                          // late, at 10:01
        answer(15 * 60, 15 * 60 + 5);           // in time, at 10:15:05

        QueueFigures figures = snapshot(16 * 60 + 10);

        assertThat(figures.serviceLevelRolling()).isEqualTo(1.0);
        assertThat(figures.serviceLevelToday()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void todayStartsAgainAtMidnightInTheCentersZone() {
        answer(0, 10);
        complete("alice", 100, Duration.ofSeconds(100));
        Instant beforeMidnight = Instant.parse("2026-06-15T15:59:59Z"); // 23:59:59 in Shanghai
        Instant afterMidnight = Instant.parse("2026-06-15T16:00:30Z");  // 00:00:30 in Shanghai
        assertThat(stats.figures(SUPPORT, empty(), beforeMidnight).answeredToday()).isEqualTo(1);

        QueueFigures figures = stats.figures(SUPPORT, empty(), afterMidnight);

        assertThat(figures.answeredToday()).isZero();
        assertThat(figures.serviceLevelToday()).isNaN();
        assertThat(figures.averageHandleTime()).isZero();
        assertThat(stats.agentToday(AgentId.of("alice"), afterMidnight)).isEqualTo(AgentDay.NONE);
        stats.answered(SUPPORT, CallId.of("overnight"), afterMidnight, Duration.ofSeconds(90), TARGET);
        assertThat(stats.figures(SUPPORT, empty(), afterMidnight).answeredToday()).isEqualTo(1);
    }

    @Test
    void onTheDaySummerTimeEndsTodayStillRunsFromLocalMidnightToLocalMidnight() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        QueueStatistics center = statistics(berlin);
        // 25 October 2026 has 25 hours in Berlin: clocks go back from 03:00 to 02:00.
        Instant earlyMorning = LocalDateTime.parse("2026-10-25T00:30:00").atZone(berlin).toInstant();
        Instant lateEvening = LocalDateTime.parse("2026-10-25T23:50:00").atZone(berlin).toInstant();
        Instant nextDay = LocalDateTime.parse("2026-10-26T00:10:00").atZone(berlin).toInstant();
        center.answered(SUPPORT, CallId.of("early"), earlyMorning, Duration.ofSeconds(5), TARGET);
        center.answered(SUPPORT, CallId.of("late"), lateEvening, Duration.ofSeconds(5), TARGET);

        assertThat(center.figures(SUPPORT, empty(), lateEvening.plusSeconds(60)).answeredToday()).isEqualTo(2);
        assertThat(center.figures(SUPPORT, empty(), nextDay).answeredToday()).isZero();
    }

    @Test
    void aRepeatedOutcomeOfTheSameCallIsCountedOnce() {
        CallId call = CallId.of("twice");

        boolean first = stats.answered(SUPPORT, call, T0.plusSeconds(10), Duration.ofSeconds(10), TARGET);
        boolean again = stats.answered(SUPPORT, call, T0.plusSeconds(12), Duration.ofSeconds(12), TARGET);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        QueueFigures figures = snapshot(20);
        assertThat(figures.answeredToday()).isEqualTo(1);
        assertThat(figures.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(10));
        assertThat(figures.serviceLevelRolling()).isEqualTo(1.0);
    }

    @Test
    void twoRoutersOnOneRedisCountIntoAndReadTheSameFigures() {
        QueueStatistics other = statistics(SHANGHAI);
        stats.answered(SUPPORT, CallId.of("a"), T0.plusSeconds(10), Duration.ofSeconds(10), TARGET);
        other.answered(SUPPORT, CallId.of("b"), T0.plusSeconds(40), Duration.ofSeconds(40), TARGET);
        other.abandoned(SUPPORT, CallId.of("c"), T0.plusSeconds(50), Duration.ofSeconds(50), SHORT);
        stats.abandoned(SUPPORT, CallId.of("c"), T0.plusSeconds(50), Duration.ofSeconds(50), SHORT);
        stats.completed(SUPPORT, AgentId.of("alice"), CallId.of("a"), T0.plusSeconds(100), Duration.ofSeconds(90));
        other.completed(SUPPORT, AgentId.of("alice"), CallId.of("b"), T0.plusSeconds(200), Duration.ofSeconds(150));

        QueueFigures here = snapshot(300);
        QueueFigures there = other.figures(SUPPORT, empty(), T0.plusSeconds(300));

        assertThat(here).isEqualTo(there);
        assertThat(here.answeredToday()).isEqualTo(2);
        assertThat(here.abandonedToday()).isEqualTo(1);
        assertThat(here.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(25));
        assertThat(here.serviceLevelToday()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(here.averageHandleTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(other.agentToday(AgentId.of("alice"), T0.plusSeconds(300)))
                .isEqualTo(new AgentDay(2, Duration.ofSeconds(240)));
    }

    @Test
    void anAgentsDayCountsOnlyTheirOwnCompletedCalls() {
        complete("alice", 0, Duration.ofSeconds(100));
        complete("alice", 50, Duration.ofSeconds(200));
        complete("bob", 60, Duration.ofSeconds(999));

        AgentDay alice = stats.agentToday(AgentId.of("alice"), T0.plusSeconds(100));

        assertThat(alice.callsHandled()).isEqualTo(2);
        assertThat(alice.averageHandleTime()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aQuietQueueHasNoRatesYet() {
        QueueFigures figures = snapshot(0);

        assertThat(figures.serviceLevelToday()).isNaN();
        assertThat(figures.serviceLevelRolling()).isNaN();
        assertThat(figures.abandonRate()).isNaN();
        assertThat(figures.averageSpeedOfAnswer()).isZero();
        assertThat(figures.longestWait()).isZero();
    }

    @Test
    void theDayIsCountedByQuarterHourFromTheCentersMidnightUpToNow() {
        stats.answered(SUPPORT, CallId.of("yesterday"), T0.minus(Duration.ofDays(1)), Duration.ofSeconds(5), TARGET);
        answer(0, 10);                 // 10:00:10, slot 40, within target
        abandon(900, 960);             // 10:16, slot 41, abandoned after 60 s
        abandon(1198, 1200);           // 10:20, slot 41, a short abandon
        answer(1700, 1740);            // 10:29, slot 41, answered after 40 s: out of target

        List<DaySlot> day = stats.today(SUPPORT, T0.plus(Duration.ofSeconds(1790)));

        assertThat(day).hasSize(42); // 00:00 to the quarter hour holding 10:29:50
        assertThat(day.get(0).start()).isEqualTo(Instant.parse("2026-06-14T16:00:00Z")); // midnight in Shanghai
        assertThat(day.get(41).start()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(day.subList(0, 40)).allSatisfy(slot -> {
            assertThat(slot.offered()).isZero();
            assertThat(slot.serviceLevel()).isNaN();
        });
        DaySlot ten = day.get(40);
        assertThat(List.of(ten.offered(), ten.answered(), ten.abandoned())).containsExactly(1L, 1L, 0L);
        assertThat(ten.serviceLevel()).isEqualTo(1.0);
        DaySlot quarterPast = day.get(41);
        assertThat(List.of(quarterPast.offered(), quarterPast.answered(), quarterPast.abandoned()))
                .containsExactly(3L, 1L, 1L);
        assertThat(quarterPast.serviceLevel()).isEqualTo(0.0);
        // The whole day's figures are unchanged by the slots kept beside them.
        QueueFigures figures = stats.figures(SUPPORT, new QueueDepth(SUPPORT, 0, Optional.empty()), T0.plus(Duration.ofSeconds(1790)));
        assertThat(List.of(figures.answeredToday(), figures.abandonedToday(), figures.shortAbandonsToday()))
                .containsExactly(2, 1, 1);
    }

    private QueueStatistics statistics(ZoneId zone) {
        RedisCommands<String, String> redis = CLIENT.connect().sync();
        return new QueueStatistics(redis, keys, zone);
    }

    private void answer(int queuedAtSecond, int answeredAtSecond) {
        stats.answered(SUPPORT, CallId.of("call-" + next++), T0.plusSeconds(answeredAtSecond),
                Duration.ofSeconds(answeredAtSecond - queuedAtSecond), TARGET);
    }

    private void abandon(int queuedAtSecond, int endedAtSecond) {
        stats.abandoned(SUPPORT, CallId.of("call-" + next++), T0.plusSeconds(endedAtSecond),
                Duration.ofSeconds(endedAtSecond - queuedAtSecond), SHORT);
    }

    private void complete(String agent, int atSecond, Duration handled) {
        stats.completed(SUPPORT, AgentId.of(agent), CallId.of("call-" + next++), T0.plusSeconds(atSecond), handled);
    }

    private QueueFigures snapshot(int atSecond) {
        return stats.figures(SUPPORT, empty(), T0.plusSeconds(atSecond));
    }

    private static QueueDepth empty() {
        return new QueueDepth(SUPPORT, 0, Optional.empty());
    }
}
