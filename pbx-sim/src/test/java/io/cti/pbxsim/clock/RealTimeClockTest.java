package io.cti.pbxsim.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real-time clock: one thread, time order, optional speed-up. */
class RealTimeClockTest {

    @Test
    void scheduledTasksRunInTimeOrderOnTheClockThread() throws InterruptedException {
        try (RealTimeClock clock = RealTimeClock.create()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            // Far apart, so that a busy machine pausing this thread between two calls cannot swap the deadlines.
            clock.schedule(Duration.ofMillis(900), () -> record(clock, ran, "late", done));
            clock.schedule(Duration.ofMillis(300), () -> record(clock, ran, "early", done));
            clock.execute(() -> record(clock, ran, "now", done));

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).containsExactly("now@clock", "early@clock", "late@clock");
        }
    }

    @Test
    void anAcceleratedClockPassesSimulatedTimeFaster() throws InterruptedException {
        try (RealTimeClock clock = RealTimeClock.accelerated(100)) {
            Instant start = clock.now();
            CountDownLatch done = new CountDownLatch(1);
            long before = System.nanoTime();
            clock.schedule(Duration.ofSeconds(10), done::countDown);

            assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            assertThat(Duration.between(start, clock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void aCancelledTaskDoesNotRun() throws InterruptedException {
        try (RealTimeClock clock = RealTimeClock.create()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            clock.schedule(Duration.ofMillis(50), () -> ran.add("cancelled")).cancel();
            CountDownLatch later = new CountDownLatch(1);
            clock.schedule(Duration.ofMillis(100), later::countDown);

            assertThat(later.await(2, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isEmpty();
        }
    }

    @Test
    void aFailingTaskLeavesTheClockRunning() throws InterruptedException {
        try (RealTimeClock clock = RealTimeClock.create()) {
            clock.execute(() -> {
                throw new IllegalStateException("deliberately failing task");
            });
            CountDownLatch next = new CountDownLatch(1);
            clock.execute(next::countDown);

            assertThat(next.await(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSpeedBelowOneIsRefused() {
        assertThatThrownBy(() -> RealTimeClock.accelerated(0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void record(SimClock clock, List<String> ran, String name, CountDownLatch done) {
        ran.add(name + (clock.isClockThread() ? "@clock" : "@other"));
        done.countDown();
    }
}
