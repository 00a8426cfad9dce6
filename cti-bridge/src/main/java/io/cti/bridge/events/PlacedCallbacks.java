package io.cti.bridge.events;

import io.cti.core.ids.CallId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The callbacks the platform is placing (CallBackCustomer), by call and by their Originate's ActionID, so that such
 * a call's dials are read the callback's way round (the agent's phone first, then the customer). Bounded like the
 * memory of ended calls. Not thread-safe: used only under the translator's lock.
 */
final class PlacedCallbacks {

    /** A callback the platform is placing: its call, the agent's phone, and the Originate's ActionID. */
    record PendingCallback(CallId callId, String agentEndpoint, String actionRef) {
    }

    private final Map<String, PendingCallback> byCall;
    private final Map<String, PendingCallback> byRef;

    PlacedCallbacks(int remembered) {
        this.byCall = bounded(remembered);
        this.byRef = bounded(remembered);
    }

    void placed(CallId callId, String agentEndpoint, String actionRef) {
        PendingCallback pending = new PendingCallback(callId, agentEndpoint, actionRef);
        byCall.put(callId.value(), pending);
        byRef.put(actionRef, pending);
    }

    /** Whether the platform placed this call as a callback; marks it so on first sight (and worth a CallEnded). */
    boolean isCallback(CallState call) {
        if (!call.callback && byCall.containsKey(call.linkedId)) {
            call.callback = true;
            call.relevant = true;
        }
        return call.callback;
    }

    /** The callback whose Originate had ActionID {@code ref}, no longer waiting for its answer; or null. */
    PendingCallback answered(String ref) {
        return byRef.remove(ref);
    }

    private static <V> Map<String, V> bounded(int limit) {
        return new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > limit;
            }
        };
    }
}
