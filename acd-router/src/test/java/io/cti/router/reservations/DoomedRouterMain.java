package io.cti.router.reservations;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;

import java.time.Duration;

/**
 * The router that {@link KilledRouterTest} runs in a JVM of its own and kills mid-reservation: it reserves one
 * agent for one call, says so on standard output, and never confirms, releases or completes. Runs until killed.
 *
 * <p>Arguments: redis URI, key prefix, call id, agent id, reservation timeout in milliseconds.
 */
public final class DoomedRouterMain {

    static final String RESERVED = "RESERVED ";

    private DoomedRouterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RedisForTests.quietLogs();
        Reservations reservations = Reservations.on(RedisClient.create(args[0]).connect().sync(),
                RouterKeys.withPrefix(args[1]), RouterId.of("doomed"));
        ReservationAttempt attempt = reservations.reserve(CallId.of(args[2]), AgentId.of(args[3]),
                Duration.ofMillis(Long.parseLong(args[4])));
        System.out.println(attempt.reservation().map(r -> RESERVED + r.token().value()).orElse("REFUSED " + attempt));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
