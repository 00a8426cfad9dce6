package io.cti.pbxsim.calls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call arriving at the PBX from outside, as a channel driver would create it: {@code technology/peer}
 * (such as {@code PJSIP}/{@code trunk} or {@code SIP}/{@code 127.0.0.1}) with the caller's id, entering the
 * dialplan at {@code context,exten,1}. {@code variables} are what the driver sets on the channel; {@code dtmf} are
 * the digits the caller will key when the dialplan first reads some (an IVR choice), empty for none. Immutable.
 */
public record InboundCall(String technology, String peer, Party caller, String context, String exten,
                          Map<String, String> variables, String dtmf) {

    public InboundCall {
        caller = caller == null ? Party.UNKNOWN : caller;
        variables = java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(variables == null ? Map.of() : variables));
        dtmf = dtmf == null ? "" : dtmf;
    }

    public InboundCall(String technology, String peer, Party caller, String context, String exten,
                       Map<String, String> variables) {
        this(technology, peer, caller, context, exten, variables, "");
    }

    public static InboundCall of(String technology, String peer, Party caller, String context, String exten) {
        return new InboundCall(technology, peer, caller, context, exten, Map.of(), "");
    }

    /** The same call, the caller keying {@code digits} at the first prompt that reads digits. */
    public InboundCall withDtmf(String digits) {
        return new InboundCall(technology, peer, caller, context, exten, variables, digits);
    }
}
