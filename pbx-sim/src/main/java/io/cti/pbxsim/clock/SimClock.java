package io.cti.pbxsim.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's time and its single "PBX core" thread: every task given to a clock runs on that one thread,
 * one at a time, in time order, so the call model needs no locks. Implementations are thread-safe: any thread
 * may read the time, execute or schedule tasks.
 *
 * <p>A real-time clock follows the wall clock; a virtual clock (for simulations faster than real time) jumps
 * from one scheduled task to the next. The call model only ever asks this interface for time, so both run the
 * same code paths.
 */
public interface SimClock extends AutoCloseable {

    /** The simulated wall-clock time (what Asterisk would read with {@code time()}/{@code gettimeofday()}). */
    Instant now();

    /**
     * Runs {@code task} on the clock thread as soon as possible, after tasks already due.
     *
     * @throws java.util.concurrent.RejectedExecutionException once the clock is closed
     */
    void execute(Runnable task);

    /** Runs {@code task} on the clock thread once {@code delay} of simulated time has passed. */
    Cancellable schedule(Duration delay, Runnable task);

    /** True when called from the clock thread (where the call model may be touched directly). */
    boolean isClockThread();

    /** Stops the clock thread; tasks not yet run are dropped. Idempotent. */
    @Override
    void close();
}
