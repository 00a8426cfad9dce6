package io.cti.pbxsim.traffic;

import java.time.Duration;

/**
 * The standalone load generator's own dialer (the platform dials for itself): it originates to numbers of the
 * population at {@code perHour} calls per hour (Poisson), through the callee trunk, into {@code context},
 * extension {@code s}, giving up after {@code ringTimeout}. Immutable.
 */
public record OutboundDialing(double perHour, String context, Duration ringTimeout) {

    public OutboundDialing {
        if (!(perHour >= 0) || Double.isInfinite(perHour)) {
            throw new IllegalArgumentException("a dial rate must be a finite number of calls per hour >= 0, was "
                    + perHour);
        }
        context = context == null ? "cti-outbound" : context;
        ringTimeout = ringTimeout == null ? Duration.ofSeconds(30) : ringTimeout;
    }

    /** {@code perHour} dials into the platform dialplan's {@code cti-outbound}, ringing at most 30 s. */
    public static OutboundDialing perHour(double perHour) {
        return new OutboundDialing(perHour, null, null);
    }
}
