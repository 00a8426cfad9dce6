package io.cti.pbxsim.calls;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

/**
 * Device states: which channels belong to which device ({@code Local/<exten>@<context>}, {@code PJSIP/2001}),
 * and a DeviceStateChange each time one of them changes state or hangs up, as Asterisk raises them (Local and
 * unconfigured devices are not cached, so every change is reported, even to the same state). Confined to the
 * clock thread.
 */
final class Devices {

    private final CallCore core;
    private final Map<String, Set<Channel>> channelsByDevice = new HashMap<>();

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
        try {
            core.clock.execute(() -> core.events.deviceStateChange(device, state(device)));
        } catch (RejectedExecutionException e) {
            // The clock is closing: the simulation is over and nobody is left to tell.
            return;
        }
    }

    /** The device's state as DeviceStateChange reports it. */
    String state(String device) {
        if (device.startsWith("Local/")) {
            int at = device.indexOf('@');
            String exten = device.substring("Local/".length(), at);
            String context = device.substring(at + 1);
            if (!core.dialplan.exists(context, exten)) {
                return "INVALID";
            }
        } else if (!core.endpoints.isKnown(device)) {
            return "INVALID";
        }
        Set<Channel> channels = channelsByDevice.getOrDefault(device, Set.of());
        boolean ringing = false;
        for (Channel channel : channels) {
            if (channel.state == ChannelState.UP || channel.state == ChannelState.BUSY
                    || (device.startsWith("Local/") && channel.state != ChannelState.DOWN)) {
                return "INUSE";
            }
            ringing |= channel.state == ChannelState.RINGING;
        }
        return ringing ? "RINGING" : "NOT_INUSE";
    }
}
