package io.cti.router.stats;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.queues.ServiceLevelTarget;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class QueueStatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-06-15T02:00:00Z");

    private final QueueStatistics stats = new QueueStatistics(QueueName.of("support"),
            new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), SHANGHAI);
    private int next;

    @Test
    void countsWaitingCallsAndTheLongestWait() {
        queue(0);
        queue(30);

        QueueFigures figures = stats.snapshot(T0.plusSeconds(45));

        assertThat(figures.waiting()).isEqualTo(2);
        assertThat(figures.longestWait()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aCallMovedInByOverflowBringsItsEarlierStartToTheLongestWait() {
        queue(60);
        stats.queued(CallId.of("moved"), T0);

        assertThat(stats.snapshot(T0.plusSeconds(90)).longestWait()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void serviceLevelCountsAnswersWithinTheTargetOverAnsweredAndAbandoned() {
        answer(queue(0), 10);   // within 20 s
        answer(queue(0), 20);   // exactly 20 s counts as within
        answer(queue(0), 21);   // late
        abandon(queue(0), 60);  // a real abandon

        QueueFigures figures = stats.snapshot(T0.plusSeconds(120));

        assertThat(figures.serviceLevelToday()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.serviceLevelRolling()).isCloseTo(0.5, within(1e-9));
        assertThat(figures.abandonRate()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void shortAbandonsCountNeitherAgainstServiceLevelNorInTheAbandonRate() {
        answer(queue(0), 10);
        abandon(queue(0), 4);

        QueueFigures figures = stats.snapshot(T0.plusSeconds(30));

        assertThat(figures.serviceLevelToday()).isEqualTo(1.0);
        assertThat(figures.abandonRate()).isZero();
        assertThat(figures.shortAbandonsToday()).isEqualTo(1);
        assertThat(figures.waiting()).isZero();
    }

    @Test
    void asaIsTheMeanWaitOfAnsweredCalls() {
        answer(queue(0), 10);
        answer(queue(0), 30);

        assertThat(stats.snapshot(T0.plusSeconds(60)).averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void ahtIsTheMeanHandleTimeOfCompletedCalls() {
        stats.completed(T0, Duration.ofSeconds(200));
        stats.completed(T0, Duration.ofSeconds(300));

        assertThat(stats.snapshot(T0).averageHandleTime()).isEqualTo(Duration.ofSeconds(250));
    }

    @Test
    void theRollingServiceLevelForgetsCallsOlderThanFifteenMinutes() {
        answer(queue(0), 60);                          // late, at 10:01
        answer(queue(15 * 60), 15 * 60 + 5);           // in time, at 10:15:05

        QueueFigures figures = stats.snapshot(T0.plusSeconds(16 * 60 + 10));

        assertThat(figures.serviceLevelRolling()).isEqualTo(1.0);
        assertThat(figures.serviceLevelToday()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void todayStartsAgainAtMidnightInTheCentersZoneButWaitingCallsStay() {
        answer(queue(0), 10);
        CallId overnight = queue(60);
        Instant afterMidnight = Instant.parse("2026-06-15T16:00:30Z"); // 00:00:30 in Shanghai

        QueueFigures figures = stats.snapshot(afterMidnight);

        assertThat(figures.answeredToday()).isZero();
        assertThat(figures.serviceLevelToday()).isNaN();
        assertThat(figures.waiting()).isEqualTo(1);
        stats.answered(overnight, afterMidnight);
        assertThat(stats.snapshot(afterMidnight).answeredToday()).isEqualTo(1);
    }

    @Test
    void aRepeatedFactAboutTheSameCallIsCountedOnce() {
        CallId call = queue(0);
        stats.queued(call, T0.plusSeconds(10));
        answer(call, 10);
        answer(call, 12);

        QueueFigures figures = stats.snapshot(T0.plusSeconds(20));

        assertThat(figures.answeredToday()).isEqualTo(1);
        assertThat(figures.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aCallThatLeftForAnotherQueueIsNoOutcomeHere() {
        CallId call = queue(0);
        stats.left(call, T0.plusSeconds(30));

        QueueFigures figures = stats.snapshot(T0.plusSeconds(40));

        assertThat(figures.waiting()).isZero();
        assertThat(figures.answeredToday() + figures.abandonedToday()).isZero();
    }

    @Test
    void aQuietQueueHasNoRatesYet() {
        QueueFigures figures = stats.snapshot(T0);

        assertThat(figures.serviceLevelToday()).isNaN();
        assertThat(figures.abandonRate()).isNaN();
        assertThat(figures.averageSpeedOfAnswer()).isZero();
        assertThat(figures.longestWait()).isZero();
    }

    private CallId queue(int atSecond) {
        CallId call = CallId.of("call-" + next++);
        stats.queued(call, T0.plusSeconds(atSecond));
        return call;
    }

    private void answer(CallId call, int atSecond) {
        stats.answered(call, T0.plusSeconds(atSecond));
    }

    private void abandon(CallId call, int atSecond) {
        stats.abandoned(call, T0.plusSeconds(atSecond));
    }
}
