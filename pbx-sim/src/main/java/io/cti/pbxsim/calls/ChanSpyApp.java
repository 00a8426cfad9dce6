package io.cti.pbxsim.calls;

import java.time.Duration;
import java.util.Locale;

/**
 * The ChanSpy application (app_chanspy) for supervisors: {@code ChanSpy([chanprefix[,options]])} answers the
 * spying channel, looks every 100 ms for a live channel whose name starts with the prefix (not itself, not another
 * spy; only bridged ones with {@code b}) and spies on it: ChanSpyStart (Spyer and Spyee fields), then ChanSpyStop
 * (Spyer fields only, as app_chanspy publishes it) when the spied-on channel hangs up or the spy leaves. With
 * {@code E} the application returns when the spied-on channel hangs up, with {@code S} when there is nobody to spy
 * on; otherwise it looks for the next channel. Whisper ({@code w}) and barge ({@code B}) change only the audio,
 * which pbx-sim does not carry: their events are the same. One instance per run; confined to the clock thread.
 */
final class ChanSpyApp {

    private static final Duration SCAN_INTERVAL = Duration.ofMillis(100);

    private final AppRun run;
    private final String prefix;
    private final boolean bridgedOnly;
    private final boolean exitOnHangup;
    private final boolean stopWhenNone;
    private Channel spyee;
    private ChannelWatcher spyeeWatcher;

    private ChanSpyApp(AppRun run, String prefix, String options) {
        this.run = run;
        this.prefix = prefix.toLowerCase(Locale.ROOT);
        this.bridgedOnly = options.contains("b");
        this.exitOnHangup = options.contains("E");
        this.stopWhenNone = options.contains("S");
    }

    static void register(Applications apps) {
        apps.register("ChanSpy", ChanSpyApp::run);
    }

    private static AppOutcome run(AppRun run, String data) {
        String[] args = data.split(",", 2);
        ChanSpyApp spy = new ChanSpyApp(run, args[0].trim(), args.length > 1 ? args[1] : "");
        if (run.channel.state != ChannelState.UP) {
            SignalApps.answerChannel(run.core, run.channel);
        }
        run.channel.spying = true;
        run.onInterrupt(spy::spyLeaves);
        // common_exec waits 100 ms for a digit before it looks for channels.
        run.after(SCAN_INTERVAL, spy::scan);
        return AppOutcome.WAIT;
    }

    private void scan() {
        Channel target = null;
        for (Channel candidate : run.core.registry.listed()) {
            if (candidate != run.channel && candidate.alive() && !candidate.spying
                    && candidate.name.toLowerCase(Locale.ROOT).startsWith(prefix)
                    && (!bridgedOnly || candidate.bridge != null)) {
                target = candidate;
                break;
            }
        }
        if (target == null) {
            if (stopWhenNone) {
                finish();
            } else {
                run.after(SCAN_INTERVAL, this::scan);
            }
            return;
        }
        spyOn(target);
    }

    private void spyOn(Channel target) {
        spyee = target;
        run.core.events.chanSpy("ChanSpyStart", run.channel, target);
        spyeeWatcher = new ChannelWatcher() {
            @Override
            public void hungUp(int cause) {
                spyeeGone(target);
            }
        };
        target.watchers.add(spyeeWatcher);
    }

    /** The spied-on channel hung up (reported after its Hangup, as the spy's own thread notices it later). */
    private void spyeeGone(Channel target) {
        if (spyee != target || !run.channel.alive()) {
            return;
        }
        stopSpying();
        if (exitOnHangup) {
            finish();
        } else {
            run.after(SCAN_INTERVAL, this::scan);
        }
    }

    /** The spy hangs up or is sent elsewhere: it stops spying before its own hang-up is reported. */
    private void spyLeaves() {
        if (spyee != null) {
            stopSpying();
        }
        run.channel.spying = false;
    }

    private void stopSpying() {
        spyee.watchers.remove(spyeeWatcher);
        spyee = null;
        run.core.events.chanSpy("ChanSpyStop", run.channel, null);
    }

    private void finish() {
        run.channel.spying = false;
        run.resume();
    }
}
