package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;

import java.util.List;

/**
 * Asterisk's Local channel: a pair of halves, ;1 (what the caller dials) and ;2 (what runs the dialplan at
 * {@code exten@context}), and how progress on ;2 (ringing, answer, busy) reaches ;1 and whoever dialed it.
 * Confined to the clock thread.
 */
final class LocalChannels {

    /** A parsed {@code exten@context[/n]}. */
    record Target(String exten, String context, boolean optimize) {

        static Target parse(String resource) {
            String text = resource;
            boolean optimize = true;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                optimize = !text.substring(slash + 1).contains("n");
                text = text.substring(0, slash);
            }
            int at = text.indexOf('@');
            if (at <= 0 || at == text.length() - 1) {
                throw PbxSimException.invalidDialString("Local/" + resource);
            }
            return new Target(text.substring(0, at), text.substring(at + 1), optimize);
        }

        String device() {
            return "Local/" + exten + "@" + context;
        }
    }

    private final CallCore core;

    LocalChannels(CallCore core) {
        this.core = core;
    }

    /**
     * Makes and announces a pair for {@code resource}. With a {@code linkedid} (a Dial from an existing call)
     * both halves join that call; without one, ;1 starts a new call.
     */
    Channel create(String resource, String linkedid) {
        Target target = Target.parse(resource);
        Channel[] pair = core.registry.createLocalPair(target.exten() + "@" + target.context(), target.device(),
                core.clock.now());
        for (Channel half : pair) {
            half.context = target.context();
            half.exten = target.exten();
            half.localOptimization = target.optimize();
            if (linkedid != null) {
                half.linkedid = linkedid;
            }
        }
        pair[1].state = ChannelState.RING;
        core.announce(pair[0]);
        core.announce(pair[1]);
        return pair[0];
    }

    /**
     * Calls the ;1 half: ;2 takes over its variables and swapped caller and connected line, then the
     * extension is checked. Returns false, with both halves gone, when the extension does not exist.
     */
    boolean call(Channel one) {
        Channel two = one.localPeer;
        for (Channel.Variable variable : List.copyOf(one.variables.values())) {
            core.setVariable(two, variable.rawName(), variable.value());
        }
        if (!one.connected.equals(two.caller) || !one.caller.equals(two.connected)) {
            two.caller = one.connected;
            two.connected = one.caller;
            core.events.newCallerid(two);
            core.events.newConnectedLine(two);
        }
        if (!core.dialplan.exists(two.context, two.exten)) {
            core.hangups.vanish(two, HangupCause.NOT_DEFINED);
            core.hangups.vanish(one, HangupCause.NOT_DEFINED);
            return false;
        }
        core.events.localBridge(one, two);
        return true;
    }

    /** Starts the ;2 half's dialplan. */
    void start(Channel one) {
        Channel two = one.localPeer;
        core.startDialplan(two, two.context, two.exten, 1);
    }

    void answered(Channel channel) {
        Channel one = dialedHalf(channel);
        if (one == null) {
            return;
        }
        if (one.state != ChannelState.UP) {
            core.setState(one, ChannelState.UP);
        }
        DialTracker tracker = one.dialTracker;
        if (tracker != null) {
            tracker.answered();
        }
    }

    void ringing(Channel channel) {
        Channel one = dialedHalf(channel);
        if (one == null || one.state == ChannelState.UP) {
            return;
        }
        core.setState(one, ChannelState.RINGING);
        if (one.dialTracker != null) {
            one.dialTracker.ringing();
        }
    }

    void busy(Channel channel) {
        Channel one = dialedHalf(channel);
        if (one != null && one.dialTracker != null) {
            one.dialTracker.busy();
        }
    }

    void congestion(Channel channel) {
        Channel one = dialedHalf(channel);
        if (one != null && one.dialTracker != null) {
            one.dialTracker.congestion();
        }
    }

    /** The live ;1 half for a ;2 half, or null for anything else. */
    private static Channel dialedHalf(Channel channel) {
        if (channel.localPeer == null || channel.localOne || !channel.localPeer.alive()) {
            return null;
        }
        return channel.localPeer;
    }
}
