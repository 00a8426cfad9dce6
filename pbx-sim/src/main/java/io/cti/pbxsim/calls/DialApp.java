package io.cti.pbxsim.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * The Dial application: {@code Dial(Tech/resource[&...][,timeout[,options]])}. Clears the DIAL* variables, makes
 * the outgoing leg and follows it with a {@link DialAttempt}. Only the first destination of a list is dialed.
 * Stateless apart from its core; runs on the clock thread.
 */
final class DialApp {

    static final List<String> RESET_VARIABLES = List.of("DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME",
            "ANSWEREDTIME", "ANSWEREDTIME_MS", "DIALEDTIME", "DIALEDTIME_MS", "RINGTIME", "RINGTIME_MS",
            "PROGRESSTIME", "PROGRESSTIME_MS");

    private static final Logger log = LoggerFactory.getLogger(DialApp.class);

    private final CallCore core;

    DialApp(CallCore core) {
        this.core = core;
    }

    AppOutcome run(AppRun run, String data) {
        String[] args = data.split(",", -1);
        String[] destinations = args[0].split("&");
        if (destinations.length > 1) {
            log.warn("Dial({}) on {}: only the first destination is simulated", args[0], run.channel.name);
        }
        Duration timeout = args.length > 1 && MediaApps.seconds(args[1]) > 0
                ? Duration.ofMillis(Math.round(MediaApps.seconds(args[1]) * 1000)) : null;
        for (String name : RESET_VARIABLES) {
            core.setVariable(run.channel, name, "");
        }
        String destination = destinations[0].trim();
        int slash = destination.indexOf('/');
        if (slash <= 0 || slash == destination.length() - 1) {
            log.warn("Dial({}) on {}: not a Tech/resource destination", destination, run.channel.name);
            core.setVariable(run.channel, "DIALSTATUS", "CHANUNAVAIL");
            return AppOutcome.NEXT;
        }
        return new DialAttempt(core, run, destination.substring(0, slash), destination.substring(slash + 1),
                timeout).start();
    }
}
