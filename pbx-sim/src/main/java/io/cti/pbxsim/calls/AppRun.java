package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of one application on one channel: its timers and its clean-up, so that a redirect or hang-up can stop
 * it cleanly and a late timer can never act for a run that is over. Confined to the clock thread.
 */
final class AppRun {

    final CallCore core;
    final Channel channel;
    private final PbxExecution execution;
    private final List<Cancellable> timers = new ArrayList<>();
    private Runnable onInterrupt;
    private boolean over;

    AppRun(CallCore core, Channel channel, PbxExecution execution) {
        this.core = core;
        this.channel = channel;
        this.execution = execution;
    }

    /** Runs {@code task} after {@code delay} unless the run is over by then. */
    void after(Duration delay, Runnable task) {
        timers.add(core.clock.schedule(delay, () -> {
            if (!over && channel.alive()) {
                task.run();
            }
        }));
    }

    /** What to do if the run is stopped from outside (redirect, hang-up). */
    void onInterrupt(Runnable cleanup) {
        this.onInterrupt = cleanup;
    }

    /** The application is done: continue with the next priority. */
    void resume() {
        if (end()) {
            execution.resumeAfter(this);
        }
    }

    /** The application moves the channel to another dialplan position (Goto); the caller returns JUMP. */
    void goTo(String context, String exten, int priority) {
        if (end()) {
            execution.jump(context, exten, priority);
        }
    }

    /** The execution this run belongs to (for applications that need the current position). */
    PbxExecution execution() {
        return execution;
    }

    /** The application ends by hanging the channel up. */
    void hangup(int cause) {
        if (end()) {
            core.hangups.hangupNow(channel, cause);
        }
    }

    void interrupted() {
        if (end() && onInterrupt != null) {
            onInterrupt.run();
        }
    }

    private boolean end() {
        if (over) {
            return false;
        }
        over = true;
        timers.forEach(Cancellable::cancel);
        timers.clear();
        return true;
    }
}
