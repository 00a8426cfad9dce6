package io.cti.router.stats;

import java.time.Duration;

/**
 * One agent's calls today in the center's zone: how many they completed (wrap-up done) and their total handle
 * time (talk + hold + wrap-up). Immutable.
 */
public record AgentDay(int callsHandled, Duration handleTime) {

    public static final AgentDay NONE = new AgentDay(0, Duration.ZERO);

    /** Mean handle time per call (AHT); zero before the first call. */
    public Duration averageHandleTime() {
        return callsHandled == 0 ? Duration.ZERO : handleTime.dividedBy(callsHandled);
    }
}
