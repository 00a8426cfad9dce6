package io.cti.pbxsim.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SimClock} that follows the wall clock, optionally sped up by a constant factor (a 10x clock lets a
 * 20-second {@code Wait(20)} pass in 2 real seconds, which keeps tests short without a virtual clock). One daemon
 * thread runs all tasks. Thread-safe.
 */
public final class RealTimeClock implements SimClock {

    private static final Logger log = LoggerFactory.getLogger(RealTimeClock.class);

    private final double speed;
    private final Instant origin;
    private final long originNanos;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread clockThread;

    private RealTimeClock(double speed) {
        if (!(speed >= 1.0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite factor >= 1, was " + speed);
        }
        this.speed = speed;
        this.origin = Instant.now();
        this.originNanos = System.nanoTime();
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pbx-sim-core");
            thread.setDaemon(true);
            clockThread = thread;
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** A clock at the wall clock's pace. */
    public static RealTimeClock create() {
        return new RealTimeClock(1.0);
    }

    /** A clock that runs {@code speed} times faster than the wall clock (speed >= 1). */
    public static RealTimeClock accelerated(double speed) {
        return new RealTimeClock(speed);
    }

    @Override
    public Instant now() {
        if (speed == 1.0) {
            return Instant.now();
        }
        long elapsed = System.nanoTime() - originNanos;
        return origin.plusNanos((long) (elapsed * speed));
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long realNanos = (long) (Math.max(0, delay.toNanos()) / speed);
        ScheduledFuture<?> future = executor.schedule(guarded(task), realNanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public boolean isClockThread() {
        return Thread.currentThread() == clockThread;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * A failing task must not go unnoticed: the executor would keep the exception in a future nobody reads.
     * Logging it and carrying on keeps the one thread the whole call model runs on alive.
     */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                log.error("PBX task failed; the simulator keeps running", e);
            }
        };
    }
}
