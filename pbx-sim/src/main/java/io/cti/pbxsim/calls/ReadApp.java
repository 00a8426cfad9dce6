package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.Cancellable;

import java.time.Duration;

/**
 * The Read application (app_read), as IVR menus use it:
 * {@code Read(variable[,prompt[&prompt2]][,maxdigits[,options[,attempts[,timeout]]]]])}. It answers the channel
 * unless told not to ({@code n}; {@code s} skips a channel that is not up), plays the prompt and collects digits
 * until {@code maxdigits}, {@code #} or the timeout, raising DTMFBegin/DTMFEnd for each; then it sets the variable
 * and READSTATUS (OK, TIMEOUT, SKIPPED), in that order. Digits come from what the caller was set to key
 * ({@link InboundCall#dtmf()}), pressed one second into the prompt, 300 ms apart, or from {@link Pbx#sendDtmf}
 * while Read waits. One instance per run; confined to the clock thread.
 */
final class ReadApp {

    private static final Duration REACTION = Duration.ofSeconds(1);
    private static final Duration BETWEEN_DIGITS = Duration.ofMillis(300);
    private static final int DIGIT_MS = 100;
    /** A dialplan's default response timeout (pbx rtimeoutms), used when Read gives none. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final AppRun run;
    private final String variable;
    private final int maxDigits;
    private final Duration timeout;
    private final StringBuilder digits = new StringBuilder();
    private Cancellable timer = Cancellable.NONE;
    private boolean done;

    private ReadApp(AppRun run, String variable, int maxDigits, Duration timeout) {
        this.run = run;
        this.variable = variable;
        this.maxDigits = maxDigits;
        this.timeout = timeout;
    }

    static void register(Applications apps) {
        apps.register("Read", ReadApp::run);
    }

    private static AppOutcome run(AppRun run, String data) {
        String[] args = data.split(",", -1);
        String variable = args[0].trim();
        String prompt = args.length > 1 ? args[1].trim() : "";
        int maxDigits = args.length > 2 && !args[2].isBlank() ? parseInt(args[2], 0) : 0;
        String options = args.length > 3 ? args[3] : "";
        double seconds = args.length > 5 ? MediaApps.seconds(args[5]) : 0;
        Duration timeout = seconds > 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : DEFAULT_TIMEOUT;
        if (run.channel.state != ChannelState.UP) {
            if (options.contains("s")) {
                run.core.setVariable(run.channel, variable, "");
                run.core.setVariable(run.channel, "READSTATUS", "SKIPPED");
                return AppOutcome.NEXT;
            }
            if (!options.contains("n")) {
                SignalApps.answerChannel(run.core, run.channel);
            }
        }
        Duration promptLength = prompt.isEmpty() ? Duration.ZERO
                : run.core.timing.playback().multipliedBy(prompt.split("&").length);
        new ReadApp(run, variable, maxDigits <= 0 ? 255 : maxDigits, timeout).start(promptLength);
        return AppOutcome.WAIT;
    }

    private void start(Duration promptLength) {
        Channel channel = run.channel;
        channel.dtmfReader = this::received;
        run.onInterrupt(() -> {
            done = true;
            timer.cancel();
            channel.dtmfReader = null;
        });
        Duration at = REACTION;
        int keyed = 0;
        for (Character digit : channel.pendingDtmf) {
            char pressed = digit;
            run.after(at, () -> received(pressed));
            at = at.plus(BETWEEN_DIGITS);
            if (++keyed >= maxDigits || pressed == '#') {
                break;
            }
        }
        for (int i = 0; i < keyed; i++) {
            channel.pendingDtmf.poll();
        }
        restartTimer(promptLength.plus(timeout));
    }

    /** One digit from the far end: reported, then collected (or, for {@code #}, ends the input). */
    private void received(char digit) {
        if (done || !run.channel.alive()) {
            return;
        }
        run.core.events.dtmf(run.channel, digit, null);
        run.core.events.dtmf(run.channel, digit, DIGIT_MS);
        if (digit == '#') {
            finish("OK");
            return;
        }
        digits.append(digit);
        if (digits.length() >= maxDigits) {
            finish("OK");
        } else {
            restartTimer(timeout);
        }
    }

    private void restartTimer(Duration delay) {
        timer.cancel();
        timer = run.core.clock.schedule(delay, () -> finish("TIMEOUT"));
    }

    private void finish(String status) {
        if (done || !run.channel.alive()) {
            return;
        }
        done = true;
        timer.cancel();
        run.channel.dtmfReader = null;
        run.core.setVariable(run.channel, variable, digits.toString());
        run.core.setVariable(run.channel, "READSTATUS", status);
        run.resume();
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            // Asterisk's atoi reads an unreadable count as 0, which means "no limit".
            return fallback;
        }
    }
}
