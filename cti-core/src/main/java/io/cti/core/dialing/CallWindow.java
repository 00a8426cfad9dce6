package io.cti.core.dialing;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;

/**
 * The hours of the callee's own day in which they may be called, such as 08:00 to 21:00 local time: a call may be
 * placed when the local time is at or after {@code opens} and before {@code closes} in every time zone the callee
 * may be in (a number whose region spans several zones is called only when it is permitted in all of them, since
 * dialing law counts the callee's time, not the caller's). No zone known: no call. Immutable and thread-safe.
 */
public record CallWindow(LocalTime opens, LocalTime closes) {

    /** Eight in the morning to nine in the evening, the common legal window (e.g. the US TCPA's). */
    public static final CallWindow USUAL = new CallWindow(LocalTime.of(8, 0), LocalTime.of(21, 0));

    public CallWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a calling window must open before it closes: " + opens + "-" + closes);
        }
    }

    /** Whether a callee in {@code zones} may be called at {@code now}. */
    public boolean allows(Instant now, Collection<ZoneId> zones) {
        Objects.requireNonNull(now, "now");
        if (zones.isEmpty()) {
            return false;
        }
        for (ZoneId zone : zones) {
            LocalTime local = now.atZone(zone).toLocalTime();
            if (local.isBefore(opens) || !local.isBefore(closes)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return opens + "-" + closes;
    }
}
