package io.cti.pbxsim.calls;

import java.time.Duration;

/**
 * Applications that take time on the channel without signalling: Wait, Playback, MusicOnHold and its
 * Start/Stop forms. Stateless.
 */
final class MediaApps {

    private MediaApps() {
    }

    static void register(Applications apps) {
        apps.register("Wait", MediaApps::waitApp);
        apps.register("Playback", MediaApps::playback);
        apps.register("MusicOnHold", MediaApps::musicOnHold);
        apps.register("StartMusicOnHold", (run, data) -> {
            run.core.events.musicOnHold(run.channel, true, mohClass(data));
            return AppOutcome.NEXT;
        });
        apps.register("StopMusicOnHold", (run, data) -> {
            run.core.events.musicOnHold(run.channel, false, null);
            return AppOutcome.NEXT;
        });
    }

    /** Seconds from an application argument such as {@code 2.5}; 0 when absent or unreadable. */
    static double seconds(String data) {
        String text = data == null ? "" : data.split(",")[0].trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            // Asterisk treats an unreadable duration as 0 too.
            return 0;
        }
    }

    private static AppOutcome waitApp(AppRun run, String data) {
        run.after(millis(seconds(data)), run::resume);
        return AppOutcome.WAIT;
    }

    private static AppOutcome playback(AppRun run, String data) {
        String options = data.contains(",") ? data.substring(data.indexOf(',') + 1) : "";
        if (run.channel.state != ChannelState.UP && !options.contains("noanswer")) {
            SignalApps.answerChannel(run.core, run.channel);
        }
        int files = data.split(",")[0].split("&").length;
        run.after(run.core.timing.playback().multipliedBy(files), () -> {
            run.core.setVariable(run.channel, "PLAYBACKSTATUS", "SUCCESS");
            run.resume();
        });
        return AppOutcome.WAIT;
    }

    private static AppOutcome musicOnHold(AppRun run, String data) {
        String[] args = data.split(",", -1);
        run.core.events.musicOnHold(run.channel, true, mohClass(args[0]));
        run.onInterrupt(() -> {
            if (run.channel.alive()) {
                run.core.events.musicOnHold(run.channel, false, null);
            }
        });
        double seconds = args.length > 1 ? seconds(args[1]) : 0;
        if (seconds > 0) {
            run.after(millis(seconds), () -> {
                run.core.events.musicOnHold(run.channel, false, null);
                run.resume();
            });
        }
        return AppOutcome.WAIT;
    }

    private static String mohClass(String data) {
        String value = data == null ? "" : data.split(",")[0].trim();
        return value.isEmpty() ? "default" : value;
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
