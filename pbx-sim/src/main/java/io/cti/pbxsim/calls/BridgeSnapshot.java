package io.cti.pbxsim.calls;

import java.util.List;

/** A bridge as BridgeList shows it: its unique id and the channels in it. Immutable. */
public record BridgeSnapshot(String id, List<String> channels) {

    public BridgeSnapshot {
        channels = List.copyOf(channels);
    }
}
