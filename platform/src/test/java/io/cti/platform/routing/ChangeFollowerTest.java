package io.cti.platform.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ChangeFollowerTest {

    @Test
    void eachReadStartsTheDelayAfterTheLastOneEnded() throws InterruptedException {
        List<long[]> runs = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        try (ChangeFollower ignored = ChangeFollower.start(() -> {
            long start = System.nanoTime();
            sleep(150);
            runs.add(new long[] {start, System.nanoTime()});
            three.countDown();
        }, Duration.ofMillis(100))) {
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        }
        for (int i = 1; i < 3; i++) {
            assertThat(Duration.ofNanos(runs.get(i)[0] - runs.get(i - 1)[1])).isGreaterThanOrEqualTo(
                    Duration.ofMillis(100));
        }
    }

    @Test
    void aFailedReadDoesNotEndTheFollowing() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        try (ChangeFollower ignored = ChangeFollower.start(() -> {
            three.countDown();
            throw new IllegalStateException("Redis went away");
        }, Duration.ofMillis(10))) {
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anErrorDoesNotEndTheFollowingEither() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        try (ChangeFollower ignored = ChangeFollower.start(() -> {
            three.countDown();
            throw new AssertionError("a bug in a run");
        }, Duration.ofMillis(10))) {
            assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingLetsTheReadUnderWayFinish() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        ChangeFollower follower = ChangeFollower.start(() -> {
            started.countDown();
            try {
                Thread.sleep(300);
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, Duration.ofMillis(10));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        follower.close();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void aDelayUnderAMillisecondIsRefused() {
        assertThatThrownBy(() -> ChangeFollower.start(() -> { }, Duration.ofNanos(999_999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.000999999S");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
