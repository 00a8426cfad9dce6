package io.cti.bridge.events;

import io.cti.core.ids.CallId;

import java.util.Optional;

/**
 * What the bridge knows about the live calls' channels, for executing commands that name a call. Implementations
 * are thread-safe.
 */
public interface CallDirectory {

    /** The live channel of the call's customer (the caller, or the callee of an outbound call). */
    Optional<String> customerChannel(CallId callId);

    /** The live channel of the agent's phone leg of the call, once it was dialled. */
    Optional<String> agentChannel(CallId callId);

    /** Records that the platform itself is hanging the call up, so its CallEnded names the platform. */
    void hangupRequestedByPlatform(CallId callId);

    /**
     * Records that the platform is placing callback {@code callId} by ringing {@code agentEndpoint} (a device such as
     * {@code PJSIP/2001}) with an Originate whose ActionID is {@code actionRef}, so that the call's events are read
     * as a callback: the Originate's dial is the agent's leg, the dial from there the customer's.
     */
    void callbackPlaced(CallId callId, String agentEndpoint, String actionRef);

    /**
     * Records that the platform is holding the call from the agent's desktop with these two channels in the hold
     * context, so that a party hanging up during the hold does not leave the other waiting there.
     */
    void holdPlaced(CallId callId, String callerChannel, String agentChannel);
}
