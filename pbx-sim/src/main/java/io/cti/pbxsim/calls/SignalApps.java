package io.cti.pbxsim.calls;

import java.time.Duration;

/**
 * Applications that signal call progress to whoever dialed the channel: Answer, Ringing, Progress, Busy,
 * Congestion. On a Local ;2 the signal reaches the ;1 half and its Originate or Dial. Stateless.
 */
final class SignalApps {

    private SignalApps() {
    }

    static void register(Applications apps) {
        apps.register("Answer", SignalApps::answer);
        apps.register("Ringing", (run, data) -> {
            run.core.locals.ringing(run.channel);
            return AppOutcome.NEXT;
        });
        apps.register("Progress", (run, data) -> AppOutcome.NEXT);
        apps.register("Busy", (run, data) -> refuse(run, data, HangupCause.USER_BUSY));
        apps.register("Congestion", (run, data) -> refuse(run, data, HangupCause.CONGESTION));
    }

    private static AppOutcome answer(AppRun run, String data) {
        if (run.channel.state == ChannelState.UP) {
            return AppOutcome.NEXT;
        }
        answerChannel(run.core, run.channel);
        if (!run.channel.alive()) {
            return AppOutcome.END;
        }
        // Asterisk waits up to 500 ms for media after answering a channel that was not up.
        run.after(run.core.timing.answerMediaWait(), run::resume);
        return AppOutcome.WAIT;
    }

    /** Puts the channel up and tells whoever dialed it. */
    static void answerChannel(CallCore core, Channel channel) {
        core.setState(channel, ChannelState.UP);
        core.locals.answered(channel);
    }

    private static AppOutcome refuse(AppRun run, String data, int cause) {
        Channel channel = run.channel;
        channel.hangupCause = cause;
        run.core.setState(channel, ChannelState.BUSY);
        if (cause == HangupCause.USER_BUSY) {
            run.core.locals.busy(channel);
        } else {
            run.core.locals.congestion(channel);
        }
        if (!channel.alive()) {
            return AppOutcome.END;
        }
        double seconds = MediaApps.seconds(data);
        if (seconds > 0) {
            run.after(Duration.ofMillis((long) (seconds * 1000)), () -> run.hangup(cause));
        }
        return AppOutcome.WAIT;
    }
}
