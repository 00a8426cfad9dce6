package io.cti.pbxsim.calls;

/**
 * How channels end, in the order Asterisk 20 reports it: a soft hang-up asked for by AMI, a hang-up queued by
 * the other half of a Local pair or by the far end, and the hang-up itself (leaving the bridge, telling the
 * Local peer, Hangup with its cause, the device's new state). Confined to the clock thread.
 */
final class Hangups {

    private final CallCore core;

    Hangups(CallCore core) {
        this.core = core;
    }

    /**
     * A soft hang-up from outside (the AMI Hangup action): the running application stops first (a Dial ends its
     * bridge), then SoftHangupRequest, then the hang-up.
     */
    void requestHangup(Channel channel, int cause) {
        if (!channel.alive()) {
            return;
        }
        if (cause > 0) {
            channel.hangupCause = cause;
        }
        interrupt(channel);
        if (!channel.alive()) {
            return;
        }
        core.events.softHangupRequest(channel);
        hangupNow(channel, channel.hangupCause != null ? channel.hangupCause : HangupCause.NOT_DEFINED);
    }

    /**
     * The far end hung up (a caller, a callee, an agent's phone): the channel's driver queues a hang-up, with
     * a cause when the far end gave one (a SIP BYE gives none: cause 0, no Cause field).
     */
    void farEndHangup(Channel channel, int cause) {
        if (!channel.alive()) {
            return;
        }
        core.events.hangupRequest(channel, cause > 0 ? cause : null);
        reactToQueuedHangup(channel, cause);
    }

    /**
     * The channel goes away now: it leaves its bridge, its Local peer gets a queued hang-up (and
     * CHANLOCALSTATUS when this ;2 half ran a Dial), Hangup is raised, and the bridge's other party and the
     * Local peer react afterwards.
     */
    void hangupNow(Channel channel, int cause) {
        if (!channel.alive()) {
            return;
        }
        channel.gone = true;
        Bridges.Ending ending = core.bridges.breakUp(channel);
        Channel peer = channel.localPeer;
        boolean propagate = peer != null && peer.alive();
        if (propagate) {
            String dialStatus = channel.localOne ? null : channel.variable("DIALSTATUS");
            if (dialStatus != null) {
                core.setVariable(peer, "CHANLOCALSTATUS", dialStatus);
            }
            core.events.hangupRequest(peer, cause);
        }
        finish(channel, cause);
        ending.finish();
        if (propagate) {
            reactToQueuedHangup(peer, cause);
        }
    }

    /** The channel disappears without any request (a Local pair whose extension does not exist). */
    void vanish(Channel channel, int cause) {
        if (channel.alive()) {
            channel.gone = true;
            finish(channel, cause);
        }
    }

    /**
     * A queued hang-up reaches the channel: a channel running dialplan notices it as a soft hang-up, one running
     * a single application or sitting in a bridge just hangs up.
     */
    private void reactToQueuedHangup(Channel channel, int cause) {
        if (!channel.alive()) {
            return;
        }
        boolean dialplan = channel.execution != null && channel.execution.isDialplan();
        interrupt(channel);
        if (!channel.alive()) {
            return;
        }
        if (dialplan) {
            core.events.softHangupRequest(channel);
        }
        int effective = channel.hangupCause != null ? channel.hangupCause : cause;
        // The bridge core hangs a bridged channel up with normal clearing when the queued hang-up had no cause.
        if (effective == HangupCause.NOT_DEFINED && channel.bridge != null) {
            effective = HangupCause.NORMAL_CLEARING;
        }
        hangupNow(channel, effective);
    }

    private void interrupt(Channel channel) {
        Execution execution = channel.execution;
        if (execution != null) {
            execution.interrupt();
        }
    }

    private void finish(Channel channel, int cause) {
        channel.execution = null;
        channel.finalCause = cause;
        core.events.hangup(channel, cause);
        core.notifyWatchers(channel, watcher -> watcher.hungUp(cause));
        core.registry.remove(channel);
        core.devices.untrack(channel);
        core.devices.changed(channel.device);
        DialTracker tracker = channel.dialTracker;
        channel.dialTracker = null;
        if (tracker != null) {
            tracker.failed(cause);
        }
    }
}
