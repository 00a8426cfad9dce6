package io.cti.router.calls;

import io.cti.core.dialing.CallWindow;
import io.cti.core.dialing.CalleeZones;

import java.util.Objects;

/**
 * The dialing law click-to-dial follows: the numbers never to call, the callee's local calling window and the
 * zones each number's region spans. Immutable.
 */
public record DialingRules(DoNotCallList doNotCall, CallWindow window, CalleeZones zones) {

    public DialingRules {
        Objects.requireNonNull(doNotCall, "doNotCall");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(zones, "zones");
    }

    /** No Do-Not-Call list (the database has none yet), 08:00-21:00 local, the built-in zones. */
    public static DialingRules defaults() {
        return new DialingRules(DoNotCallList.NONE, CallWindow.USUAL, CalleeZones.builtIn());
    }
}
