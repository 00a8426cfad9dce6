package io.cti.pbxsim.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dialplan applications the simulator knows, by name (case-insensitive, as in Asterisk). Confined to the
 * clock thread.
 */
final class Applications {

    /** One application: runs on a channel with its expanded arguments. */
    @FunctionalInterface
    interface App {
        AppOutcome run(AppRun run, String data);
    }

    private static final Logger log = LoggerFactory.getLogger(Applications.class);

    private final Map<String, App> apps = new HashMap<>();

    Applications(CallCore core) {
        FlowApps.register(this);
        SignalApps.register(this);
        MediaApps.register(this);
        AmdApp.register(this);
        ChanSpyApp.register(this);
        ReadApp.register(this);
        register("Dial", new DialApp(core)::run);
    }

    void register(String name, App app) {
        apps.put(name.toLowerCase(Locale.ROOT), app);
    }

    boolean exists(String name) {
        return apps.containsKey(name.toLowerCase(Locale.ROOT));
    }

    AppOutcome run(String name, AppRun run, String data) {
        App app = apps.get(name.toLowerCase(Locale.ROOT));
        if (app == null) {
            log.warn("Application '{}' is not simulated; {} ends it at once", name, run.channel.name);
            return AppOutcome.NEXT;
        }
        return app.run(run, data);
    }

    void logMissing(String application, String context, String exten, int priority) {
        log.warn("No application '{}' for extension ({}, {}, {}): not simulated, the channel hangs up",
                application, context, exten, priority);
    }
}
