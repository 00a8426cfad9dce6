package io.cti.pbxsim.calls;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Device states: which channels belong to which device ({@code Local/<exten>@<context>}, {@code PJSIP/2001}), and a
 * DeviceStateChange each time one changes, as Asterisk raises them. Local devices and devices no endpoint was ever
 * registered for are not cached, so every change is reported, even to the same state; a registered endpoint is
 * cached like a configured PJSIP endpoint: reported when its state really changes (NOT_INUSE once registered,
 * RINGING, INUSE, RINGINUSE, BUSY, UNAVAILABLE once unregistered). Confined to the clock thread.
 */
final class Devices {

    private final CallCore core;
    private final Map<String, Set<Channel>> channelsByDevice = new HashMap<>();
    /** The last state reported for each cached device. */
    private final Map<String, String> reported = new HashMap<>();

    Devices(CallCore core) {
        this.core = core;
    }

    void track(Channel channel) {
        channelsByDevice.computeIfAbsent(channel.device, key -> new LinkedHashSet<>()).add(channel);
    }

    void untrack(Channel channel) {
        Set<Channel> channels = channelsByDevice.get(channel.device);
        if (channels != null) {
            channels.remove(channel);
            if (channels.isEmpty()) {
                channelsByDevice.remove(channel.device);
            }
        }
    }

    /**
     * Reports the device's state after the current task: Asterisk works device states out on its own thread,
     * so what it reports reflects the whole change (both halves of a Local pair gone), not the first step.
     */
    void changed(String device) {
        // A registered endpoint's state is taken now, so that quick changes (registered, then unregistered) are
        // each reported; it is still published after the current task, as Asterisk's device state thread would.
        boolean cached = !device.startsWith("Local/") && core.endpoints.isConfigured(device);
        String stateNow = cached ? state(device) : null;
        try {
            core.clock.execute(() -> report(device, stateNow));
        } catch (RejectedExecutionException e) {
            // The clock is closing: the simulation is over and nobody is left to tell.
            return;
        }
    }

    private void report(String device, String cachedState) {
        if (cachedState != null && cachedState.equals(reported.put(device, cachedState))) {
            return;
        }
        core.events.deviceStateChange(device, cachedState != null ? cachedState : state(device));
    }

    /** The device's state as DeviceStateChange reports it. */
    String state(String device) {
        if (device.startsWith("Local/")) {
            return localState(device);
        }
        if (!core.endpoints.isConfigured(device)) {
            return "INVALID";
        }
        if (!core.endpoints.isKnown(device)) {
            return "UNAVAILABLE";
        }
        boolean inUse = false;
        boolean ringing = false;
        boolean busy = false;
        for (Channel channel : channelsByDevice.getOrDefault(device, Set.of())) {
            // Asterisk's ast_state_chan2dev: only Down is free, Ringing rings, Busy is busy, the rest is in use.
            switch (channel.state) {
                case DOWN -> { }
                case RINGING -> ringing = true;
                case BUSY -> busy = true;
                default -> inUse = true;
            }
        }
        if (busy) {
            return "BUSY";
        }
        if (inUse) {
            return ringing ? "RINGINUSE" : "INUSE";
        }
        return ringing ? "RINGING" : "NOT_INUSE";
    }

    private String localState(String device) {
        int at = device.indexOf('@');
        String exten = device.substring("Local/".length(), at);
        String context = device.substring(at + 1);
        if (!core.dialplan.exists(context, exten)) {
            return "INVALID";
        }
        boolean ringing = false;
        for (Channel channel : channelsByDevice.getOrDefault(device, Set.of())) {
            if (channel.state != ChannelState.DOWN) {
                return "INUSE";
            }
            ringing |= channel.state == ChannelState.RINGING;
        }
        return ringing ? "RINGING" : "NOT_INUSE";
    }
}
