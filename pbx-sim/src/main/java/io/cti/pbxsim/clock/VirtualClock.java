package io.cti.pbxsim.clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link SimClock} whose time moves only from one scheduled task to the next, as fast as the CPU runs them: a
 * simulated hour of calls takes as long as its tasks take to compute. One daemon thread runs every task, in order
 * of due time and, for equal times, of scheduling, so a run is deterministic when everything it does is scheduled
 * on this clock (traffic models, the call model). Thread-safe.
 *
 * <p>Time only runs up to a horizon. {@link #runFor}/{@link #runUntil} move the horizon and wait until the clock
 * has got there with nothing left to do before it; {@link #runFree()} removes the horizon (the standalone load
 * generator). Tasks given to {@link #execute} are due "now" and run even while the clock waits at its horizon, so
 * the {@code Pbx}'s futures complete without moving time.
 */
public final class VirtualClock implements SimClock {

    /** Where virtual time starts unless told otherwise: a Monday morning, so that hour-of-week models start at 0. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-06T00:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(VirtualClock.class);

    /** One scheduled task; {@code sequence} breaks ties between tasks due at the same instant. */
    private static final class Task implements Comparable<Task> {
        final Instant due;
        final long sequence;
        final Runnable action;
        volatile boolean cancelled;

        Task(Instant due, long sequence, Runnable action) {
            this.due = due;
            this.sequence = sequence;
            this.action = action;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a task is added or the horizon moves: the clock thread may have work. */
    private final Condition work = lock.newCondition();
    /** Signalled when the clock runs out of work before its horizon: runUntil may be done. */
    private final Condition idle = lock.newCondition();
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Thread thread;
    private volatile Instant now;
    private Instant horizon;
    private long sequence;
    private boolean running;
    private boolean waitingForWork;
    private boolean closed;
    private long tasksRun;

    private VirtualClock(Instant start) {
        this.now = start;
        this.horizon = start;
        this.thread = new Thread(this::loop, "pbx-sim-core-virtual");
        thread.setDaemon(true);
        thread.start();
    }

    /** A clock standing at {@link #DEFAULT_START}, paused there until told to run. */
    public static VirtualClock create() {
        return new VirtualClock(DEFAULT_START);
    }

    /** A clock standing at {@code start}, paused there until told to run. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(start);
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        enqueue(Duration.ZERO, task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = enqueue(delay.isNegative() ? Duration.ZERO : delay, task);
        return () -> scheduled.cancelled = true;
    }

    @Override
    public boolean isClockThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Lets simulated time pass for {@code duration} from now and waits until it has: every task due by then has
     * run and the clock stands at the end. Must not be called from the clock thread.
     */
    public void runFor(Duration duration) throws InterruptedException {
        runUntil(now.plus(duration));
    }

    /** Lets simulated time run up to {@code end} and waits until it stands there with nothing left before it. */
    public void runUntil(Instant end) throws InterruptedException {
        if (isClockThread()) {
            throw new IllegalStateException("runUntil on the clock thread would wait for itself");
        }
        lock.lock();
        try {
            if (end.isAfter(horizon)) {
                horizon = end;
                work.signal();
            }
            while (!closed && !(now.compareTo(end) >= 0 && idleBefore(horizon))) {
                idle.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes the horizon: time runs from task to task as fast as they can be computed, until closed. */
    public void runFree() {
        lock.lock();
        try {
            horizon = Instant.MAX;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Tasks run so far (a measure of how much the simulation did). */
    public long tasksRun() {
        lock.lock();
        try {
            return tasksRun;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            queue.clear();
            work.signal();
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Task enqueue(Duration delay, Runnable action) {
        lock.lock();
        try {
            if (closed) {
                throw new RejectedExecutionException("the virtual clock is closed");
            }
            Task task = new Task(now.plus(delay), sequence++, action);
            queue.add(task);
            if (waitingForWork) {
                work.signal();
            }
            return task;
        } finally {
            lock.unlock();
        }
    }

    /** True when no task is running and none is due at or before {@code limit}. Caller holds the lock. */
    private boolean idleBefore(Instant limit) {
        dropCancelledHead();
        return !running && (queue.isEmpty() || queue.peek().due.isAfter(limit));
    }

    private void dropCancelledHead() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
    }

    private void loop() {
        while (true) {
            Task task;
            lock.lock();
            try {
                running = false;
                task = nextDue();
                if (task == null) {
                    return;
                }
                running = true;
                tasksRun++;
            } finally {
                lock.unlock();
            }
            try {
                task.action.run();
            } catch (RuntimeException | Error e) {
                // As on the real-time clock: one failing task must not stop the thread the whole model runs on.
                log.error("PBX task failed; the simulator keeps running", e);
            }
        }
    }

    /** Waits for the next task due within the horizon and moves time to it; null once closed. Holds the lock. */
    private Task nextDue() {
        while (!closed) {
            dropCancelledHead();
            Task head = queue.peek();
            if (head != null && !head.due.isAfter(horizon)) {
                queue.poll();
                if (head.due.isAfter(now)) {
                    now = head.due;
                }
                return head;
            }
            if (horizon != Instant.MAX && now.isBefore(horizon)) {
                // Nothing left before the horizon: time passes to it, as a real clock's would while idle.
                now = horizon;
            }
            idle.signalAll();
            waitingForWork = true;
            try {
                work.await();
            } catch (InterruptedException e) {
                // Only close() ends the clock; an interrupt of this private thread is not a request to stop.
                Thread.currentThread().interrupt();
                return null;
            } finally {
                waitingForWork = false;
            }
        }
        return null;
    }
}
