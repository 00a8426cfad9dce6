package io.cti.pbxsim.ami;

import io.cti.pbxsim.calls.Pbx;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

import static io.cti.pbxsim.ami.ActionDispatcher.done;

/**
 * CoreSettings, CoreStatus and Command. The simulator reports the configured Asterisk version (asterisk-java
 * reads it from CoreSettings) but says it is pbx-sim where that cannot mislead a client: CDRs are off (it
 * writes none) and {@code core show version} names pbx-sim as the builder. Thread-safe (stateless).
 */
final class SystemActions {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Pbx pbx;
    private final AmiServerConfig config;

    SystemActions(Pbx pbx, AmiServerConfig config) {
        this.pbx = pbx;
        this.config = config;
    }

    CompletableFuture<Reply> coreSettings(AmiSession session, AmiMessage action) {
        return done(Reply.of(Responses.success(action)
                .add("AMIversion", "9.0.0")
                .add("AsteriskVersion", config.asteriskVersion())
                .add("SystemName", "")
                .add("CoreMaxCalls", 0)
                .add("CoreMaxLoadAvg", "0.000000")
                .add("CoreRunUser", "")
                .add("CoreRunGroup", "")
                .add("CoreMaxFilehandles", 0)
                .add("CoreRealTimeEnabled", "No")
                .add("CoreCDRenabled", "No")
                .add("CoreHTTPenabled", "No")
                .add("SoundsSearchCustomDir", "No")
                .build()));
    }

    CompletableFuture<Reply> coreStatus(AmiSession session, AmiMessage action) {
        return pbx.counts().thenApply(counts -> Reply.of(Responses.success(action)
                .add("CoreStartupDate", DATE.format(pbx.startedAt()))
                .add("CoreStartupTime", TIME.format(pbx.startedAt()))
                .add("CoreReloadDate", DATE.format(pbx.startedAt()))
                .add("CoreReloadTime", TIME.format(pbx.startedAt()))
                .add("CoreCurrentCalls", counts.active())
                .add("CoreProcessedCalls", counts.processed())
                .build()));
    }

    /** Only {@code core show version} is simulated; other CLI commands answer as unknown ones do. */
    CompletableFuture<Reply> command(AmiSession session, AmiMessage action) {
        String command = action.get("Command").trim();
        if ("core show version".equalsIgnoreCase(command)) {
            String output = "Asterisk " + config.asteriskVersion() + " built by pbx-sim @ pbx-sim on a "
                    + System.getProperty("os.arch") + " running " + System.getProperty("os.name") + " on "
                    + DATE.format(pbx.startedAt()) + " " + TIME.format(pbx.startedAt()) + " UTC";
            return done(Reply.of(Responses.success(action)
                    .add("Message", "Command output follows")
                    .add("Output", output)
                    .build()));
        }
        return done(Reply.of(new AmiMessage.Builder()
                .add("Response", "Error")
                .addIfPresent("ActionID", action.get("ActionID"))
                .add("Message", "Command output follows")
                .add("Output", "No such command '" + command + "' (type 'core show help " + command
                        + "' for other possible commands)")
                .build()));
    }
}
