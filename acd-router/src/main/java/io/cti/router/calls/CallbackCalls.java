package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.Command;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.callbacks.CallbackId;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.reservations.FencingToken;

import java.time.Duration;
import java.util.Optional;

/**
 * Connects what the dispatcher routed: a callback's call becomes {@link CallBackCustomer} (the agent's phone rings
 * first, then the customer is dialed, showing the configured number or else the one the customer called), any
 * other call {@link ConnectToAgent}. Only calls named like a callback's are looked up, so a caller's routing costs
 * nothing more. Thread-safe (the ledger is).
 */
final class CallbackCalls implements CallConnector {

    private final CallLedger ledger;
    private final CallbackSettings settings;

    CallbackCalls(CallLedger ledger, CallbackSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public Command connect(CallId call, AgentId agent, String extension, Duration ringTimeout, FencingToken token) {
        Optional<CallRecord> callback = CallbackId.mayBeCallback(call)
                ? ledger.find(call).filter(CallRecord::isCallback) : Optional.empty();
        if (callback.isEmpty()) {
            return ConnectToAgent.now(call, agent, extension, ringTimeout, token.value());
        }
        CallRecord record = callback.get();
        return CallBackCustomer.now(call, agent, extension, record.callerNumber(), callerId(record),
                record.routedQueue(), ringTimeout, settings.dialTimeout()).fencedBy(token.value());
    }

    private String callerId(CallRecord record) {
        if (!settings.callerId().isEmpty()) {
            return settings.callerId();
        }
        // The number the customer called is one they know; anything else the PBX decides.
        return record.dnis().matches("\\+?[0-9]{2,20}") ? record.dnis() : "";
    }
}
