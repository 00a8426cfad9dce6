package io.cti.platform.pbx;

import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.CallerNumbers;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Starts the embedded pbx-sim's demo calls once the application is ready, that is after the demo customers are
 * loaded, so callers ring in from numbers the customer database knows (plus a share of unknown ones); stops new
 * calls on shutdown. If the numbers cannot be read, every caller is unknown: the demo is a convenience, not a
 * duty. Thread-safe.
 */
final class DemoTraffic implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    /** Plenty for a demo; keeps the caller list's memory bounded on a production-sized database. */
    private static final int MAX_NUMBERS = 100_000;

    private final EmbeddedPbx pbx;
    private final PbxProperties.Traffic settings;
    private final JdbcTemplate jdbc;
    private final boolean autoRoute;
    private volatile Traffic traffic;

    /** @param autoRoute whether pbx-sim routes waiting callers itself (off while the platform's router runs) */
    DemoTraffic(EmbeddedPbx pbx, PbxProperties.Traffic settings, JdbcTemplate jdbc, boolean autoRoute) {
        this.pbx = pbx;
        this.settings = settings;
        this.jdbc = jdbc;
        this.autoRoute = autoRoute;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (traffic != null) {
            return;
        }
        List<String> numbers = customerNumbers();
        TrafficPlan plan = TrafficPlan.demo(settings.seed(), numbers, settings.callsPerHour())
                .withCallers(new CallerNumbers(numbers, settings.unknownShare()))
                .withAgents(AgentPhones.range(settings.firstAgent(), settings.lastAgent())
                        .withNoAnswer(settings.noAnswer()))
                .withAutoRoute(autoRoute);
        traffic = Traffic.start(pbx.simulator().pbx(), plan);
        log.info("Demo calls on the embedded pbx-sim: {} per hour to support and to sales, {} to the IVR (one in ten"
                        + " asks to be called back), callers from"
                        + " {} customer numbers and {}% unknown, agents PJSIP/{}-{}, pbx-sim routing {}"
                        + " (cti.platform.pbx.traffic)", settings.callsPerHour(), settings.callsPerHour() / 4,
                numbers.size(), Math.round(settings.unknownShare() * 100), settings.firstAgent(), settings.lastAgent(),
                autoRoute ? "on" : "off (the platform's ACD router routes)");
    }

    private List<String> customerNumbers() {
        try {
            // Ordered, so that the same seed and the same customers give the same callers.
            return jdbc.queryForList("select e164 from customer_phone order by e164 limit " + MAX_NUMBERS, String.class);
        } catch (RuntimeException e) {
            log.warn("Could not read the customers' phone numbers; every demo caller will be unknown: {}", e.toString());
            return List.of();
        }
    }

    /** Stops new calls; calls in progress end with the simulator. */
    @Override
    public synchronized void close() {
        Traffic running = traffic;
        if (running != null) {
            running.stop();
        }
    }
}
