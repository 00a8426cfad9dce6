package io.cti.router.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * The agents counted for the lanes whose wait reasons are being filed ("no agent: 3 busy, 1 on a break"), kept for
 * a few seconds across the tick's parts and ticks, so that the calls of one lane share one counting. A count may be
 * that old: it explains a wait, it decides nothing. Not thread-safe: used under the flow's lock.
 */
public final class LaneCounts {

    final Map<Lane, WaitReason> byLane = new HashMap<>();

    private LaneCounts() {
    }

    /** Nothing counted yet: the start of a round. */
    public static LaneCounts fresh() {
        return new LaneCounts();
    }
}
