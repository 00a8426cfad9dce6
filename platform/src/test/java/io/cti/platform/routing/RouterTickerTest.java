package io.cti.platform.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RouterTickerTest {

    private static final Duration PERIOD = Duration.ofMillis(400);

    @Test
    void aSlowTickIsFollowedOnePeriodAfterItStartedNotAPeriodAfterItEnded() throws InterruptedException {
        List<Long> starts = new CopyOnWriteArrayList<>();
        CountDownLatch four = new CountDownLatch(4);
        try (RouterTicker ignored = RouterTicker.start(() -> {
            starts.add(System.nanoTime());
            four.countDown();
            sleep(300);
        }, PERIOD)) {
            assertThat(four.await(10, TimeUnit.SECONDS)).isTrue();
        }
        // A delay after each tick would start them 700 ms apart (2.1 s for three), the rate 400 ms (1.2 s): the span
        // of three, halfway between, leaves a loaded machine's jitter room on either side.
        assertThat(Duration.ofNanos(starts.get(3) - starts.get(0))).isLessThan(Duration.ofMillis(1650));
    }

    @Test
    void ticksNeverOverlapEvenWhenOneOverruns() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch three = new CountDownLatch(3);
        try (RouterTicker ignored = RouterTicker.start(() -> {
            overlapped.compareAndSet(false, running.incrementAndGet() > 1);
            sleep(600);
            running.decrementAndGet();
            three.countDown();
        }, PERIOD)) {
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlapped).isFalse();
    }

    @Test
    void closingLetsTheTickUnderWayFinish() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        RouterTicker ticker = RouterTicker.start(() -> {
            started.countDown();
            try {
                Thread.sleep(500);
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, PERIOD);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        ticker.close();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void aFailedTickDoesNotEndTheSchedule() throws InterruptedException {
        CountDownLatch two = new CountDownLatch(2);
        try (RouterTicker ignored = RouterTicker.start(() -> {
            two.countDown();
            throw new IllegalStateException("Redis went away");
        }, Duration.ofMillis(100))) {
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTickThatFailsWithAnErrorDoesNotEndTheScheduleEither() throws InterruptedException {
        CountDownLatch two = new CountDownLatch(2);
        try (RouterTicker ignored = RouterTicker.start(() -> {
            two.countDown();
            throw new AssertionError("a bug in the tick");
        }, Duration.ofMillis(100))) {
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
