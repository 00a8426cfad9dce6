package io.cti.pbxsim.calls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call arriving at the PBX from outside, as a channel driver would create it: {@code technology/peer}
 * (such as {@code PJSIP}/{@code trunk} or {@code SIP}/{@code 127.0.0.1}) with the caller's id, entering the
 * dialplan at {@code context,exten,1}. {@code variables} are what the driver sets on the channel. Immutable.
 */
public record InboundCall(String technology, String peer, Party caller, String context, String exten,
                          Map<String, String> variables) {

    public InboundCall {
        caller = caller == null ? Party.UNKNOWN : caller;
        variables = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(variables == null ? Map.of() : variables));
    }

    public static InboundCall of(String technology, String peer, Party caller, String context, String exten) {
        return new InboundCall(technology, peer, caller, context, exten, Map.of());
    }
}
