package io.cti.bridge.events;

import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.PhoneDeviceState;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Tells the state of the agents' phones (the devices matching the settings' agent device pattern) when it changes:
 * a repeated DeviceStateChange with the same state is a duplicate. Not thread-safe: used only under the translator's
 * lock.
 */
final class AgentPhoneStates {

    private final Pattern agentDevices;
    private final Consumer<DomainEvent> sink;
    private final Map<String, PhoneDeviceState> deviceStates = new HashMap<>();

    AgentPhoneStates(Pattern agentDevices, Consumer<DomainEvent> sink) {
        this.agentDevices = agentDevices;
        this.sink = sink;
    }

    void changed(DeviceStateChangeEvent e, Instant at) {
        String device = e.getDevice();
        if (device == null || !agentDevices.matcher(device).matches()) {
            return;
        }
        PhoneDeviceState parsed = deviceStateOf(e.getState());
        if (deviceStates.put(device, parsed) != parsed) {
            sink.accept(new AgentPhoneState(MessageId.random(), at, device, parsed));
        }
    }

    private static PhoneDeviceState deviceStateOf(String state) {
        try {
            return state == null ? PhoneDeviceState.UNKNOWN : PhoneDeviceState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return PhoneDeviceState.UNKNOWN;
        }
    }
}
