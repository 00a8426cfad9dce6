package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.SimClock;

/** What a simulated PBX runs on: its clock, its dialplan and its timings. Immutable. */
public record PbxConfig(SimClock clock, Dialplan dialplan, PbxTiming timing) {

    public PbxConfig {
        if (clock == null || dialplan == null) {
            throw new IllegalArgumentException("a PBX needs a clock and a dialplan");
        }
        timing = timing == null ? PbxTiming.asterisk() : timing;
    }

    public static PbxConfig of(SimClock clock, Dialplan dialplan) {
        return new PbxConfig(clock, dialplan, null);
    }
}
