package io.cti.bridge.actions;

import io.cti.bridge.events.CallDirectory;
import io.cti.core.ids.CallId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A call directory with fixed channels. Thread-safe. */
final class FixedCalls implements CallDirectory {

    private final Map<CallId, String> customers;
    private final Map<CallId, String> agents;
    final Set<CallId> hungUpByPlatform = ConcurrentHashMap.newKeySet();
    final Map<CallId, String> callbacksPlaced = new ConcurrentHashMap<>();
    final Map<CallId, String> holds = new ConcurrentHashMap<>();

    FixedCalls(Map<CallId, String> customers, Map<CallId, String> agents) {
        this.customers = customers;
        this.agents = agents;
    }

    @Override
    public Optional<String> customerChannel(CallId callId) {
        return Optional.ofNullable(customers.get(callId));
    }

    @Override
    public Optional<String> agentChannel(CallId callId) {
        return Optional.ofNullable(agents.get(callId));
    }

    @Override
    public void hangupRequestedByPlatform(CallId callId) {
        hungUpByPlatform.add(callId);
    }

    @Override
    public void callbackPlaced(CallId callId, String agentEndpoint, String actionRef) {
        callbacksPlaced.put(callId, agentEndpoint);
    }

    @Override
    public void holdPlaced(CallId callId, String callerChannel, String agentChannel) {
        holds.put(callId, callerChannel + "+" + agentChannel);
    }
}
