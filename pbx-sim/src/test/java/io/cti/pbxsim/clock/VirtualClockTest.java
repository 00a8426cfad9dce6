package io.cti.pbxsim.clock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The virtual clock: time moves from task to task, only as far as the test lets it. */
class VirtualClockTest {

    private static final Instant START = VirtualClock.DEFAULT_START;

    @Test
    void aTaskSeesTheTimeItWasScheduledFor() throws InterruptedException {
        try (VirtualClock clock = VirtualClock.create()) {
            List<Instant> seen = new CopyOnWriteArrayList<>();
            clock.schedule(Duration.ofHours(3), () -> seen.add(clock.now()));
            clock.runFor(Duration.ofHours(4));

            assertThat(seen).containsExactly(START.plus(Duration.ofHours(3)));
        }
    }

    @Test
    void hoursOfSimulatedTimePassInAFractionOfASecond() throws InterruptedException {
        try (VirtualClock clock = VirtualClock.create()) {
            long before = System.nanoTime();
            Runnable[] tick = new Runnable[1];
            tick[0] = () -> clock.schedule(Duration.ofSeconds(1), tick[0]);
            clock.execute(tick[0]);
            clock.runFor(Duration.ofHours(10));

            assertThat(clock.now()).isEqualTo(START.plus(Duration.ofHours(10)));
            assertThat(clock.tasksRun()).isGreaterThanOrEqualTo(36_000);
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void tasksRunInTimeOrderAndTiesInTheOrderTheyWereScheduled() throws InterruptedException {
        try (VirtualClock clock = VirtualClock.create()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            clock.schedule(Duration.ofSeconds(5), () -> ran.add("late"));
            clock.schedule(Duration.ofSeconds(2), () -> ran.add("tie-1"));
            clock.schedule(Duration.ofSeconds(2), () -> ran.add("tie-2"));
            clock.execute(() -> ran.add("now"));
            clock.runFor(Duration.ofSeconds(10));

            assertThat(ran).containsExactly("now", "tie-1", "tie-2", "late");
        }
    }

    @Test
    void timeStopsAtTheHorizonWithLaterTasksStillWaiting() throws InterruptedException {
        try (VirtualClock clock = VirtualClock.create()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            clock.schedule(Duration.ofMinutes(30), () -> ran.add("later"));
            clock.runFor(Duration.ofMinutes(10));

            assertThat(clock.now()).isEqualTo(START.plus(Duration.ofMinutes(10)));
            assertThat(ran).isEmpty();
        }
    }

    @Test
    void workHandedInFromAnotherThreadRunsWithoutMovingTime() throws Exception {
        try (VirtualClock clock = VirtualClock.create()) {
            CompletableFuture<Instant> seen = new CompletableFuture<>();
            clock.execute(() -> seen.complete(clock.now()));

            assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(START);
        }
    }

    @Test
    void aCancelledTaskDoesNotRun() throws InterruptedException {
        try (VirtualClock clock = VirtualClock.create()) {
            List<String> ran = new CopyOnWriteArrayList<>();
            clock.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled")).cancel();
            clock.runFor(Duration.ofSeconds(2));

            assertThat(ran).isEmpty();
        }
    }

    @Test
    void theSameScheduleGivesTheSameRunEveryTime() throws InterruptedException {
        assertThat(randomWalk()).isEqualTo(randomWalk());
    }

    @Test
    void runningTimeFromTheClockThreadIsRefused() throws Exception {
        try (VirtualClock clock = VirtualClock.create()) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            clock.execute(() -> {
                try {
                    clock.runFor(Duration.ofSeconds(1));
                    refused.complete(null);
                } catch (InterruptedException | RuntimeException e) {
                    refused.complete(e);
                }
            });

            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aClosedClockRefusesWork() {
        VirtualClock clock = VirtualClock.create();
        clock.close();

        assertThatThrownBy(() -> clock.execute(() -> { }))
                .isInstanceOf(RejectedExecutionException.class);
    }

    private static List<String> randomWalk() throws InterruptedException {
        List<String> log = new ArrayList<>();
        try (VirtualClock clock = VirtualClock.create()) {
            Random random = new Random(7);
            Runnable[] step = new Runnable[1];
            step[0] = () -> {
                log.add(clock.now().toString());
                clock.schedule(Duration.ofMillis(random.nextInt(5_000)), step[0]);
                clock.schedule(Duration.ofMillis(random.nextInt(5_000)), () -> log.add("side@" + clock.now()));
            };
            clock.execute(step[0]);
            clock.runFor(Duration.ofMinutes(10));
        }
        return log;
    }
}
