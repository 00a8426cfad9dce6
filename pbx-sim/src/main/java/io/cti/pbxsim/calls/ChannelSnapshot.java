package io.cti.pbxsim.calls;

import java.time.Instant;
import java.util.Map;

/**
 * A channel as it was at one moment: what CoreShowChannels and Status list, and what Java callers of
 * {@link Pbx#channels()} see. Variable names carry no inheritance underscores. Immutable.
 */
public record ChannelSnapshot(
        String name,
        String technology,
        String uniqueid,
        String linkedid,
        ChannelState state,
        Party caller,
        Party connected,
        String language,
        String accountCode,
        String context,
        String exten,
        int priority,
        String application,
        String applicationData,
        Instant created,
        String bridgeId,
        Map<String, String> variables) {

    public ChannelSnapshot {
        variables = Map.copyOf(variables);
    }
}
