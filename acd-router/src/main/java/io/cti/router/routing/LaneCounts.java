package io.cti.router.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * The agents counted for the lanes of one round of wait reasons ("no agent: 3 busy, 1 on a break"), kept while the
 * round is filed in parts so that the calls of one lane share one counting even across parts. A count may be a part
 * or two behind the agents: it explains a wait, it decides nothing. Not thread-safe: used under the flow's lock.
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
