package io.cti.bridge.events;

import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Hold from the agent's desktop as the platform dialplan does it (config/asterisk, [cti-held]): the caller's music
 * on hold starting in the hold context is the hold ({@link CallHeld}), the caller's channel entering a bridge from
 * there is the resume ({@link CallResumed}), each told once per hold. While the platform holds a call, a party that
 * hangs up leaves the other stranded in the hold context: it is named to the stranded-channel handler, which hangs
 * it up. Stateless; the state lives in {@link CallState}, guarded by the translator's lock.
 */
public final class DeskHolds {

    /** The dialplan context both parties wait in, and its extensions for each. */
    public static final String CONTEXT = "cti-held";
    public static final String CALLER_EXTEN = "caller";
    public static final String AGENT_EXTEN = "agent";

    private DeskHolds() {
    }

    /** The platform is holding the call: its caller's and agent's channels, as named in the Redirect. */
    static void placed(CallState call, String callerChannel, String agentChannel) {
        call.holdCaller = callerChannel;
        call.holdAgent = agentChannel;
        call.holdActive = true;
    }

    /** MusicOnHoldStart: in the hold context, on a channel not yet told held, it is the hold. */
    static boolean musicStarted(CallState call, ChannelState channel, String context, Instant at,
                                Consumer<DomainEvent> sink) {
        if (!CONTEXT.equals(context)) {
            return false;
        }
        if (!channel.deskHeld) {
            channel.deskHeld = true;
            sink.accept(new CallHeld(MessageId.random(), at, call.callId, channel.name));
        }
        return true;
    }

    /** BridgeEnter: a held channel entering a bridge from the hold context is taken off hold. */
    static boolean bridged(CallState call, ChannelState channel, String context, Instant at,
                           Consumer<DomainEvent> sink) {
        if (!CONTEXT.equals(context)) {
            return false;
        }
        call.holdActive = false;
        if (channel.deskHeld) {
            channel.deskHeld = false;
            sink.accept(new CallResumed(MessageId.random(), at, call.callId, channel.name));
        }
        return true;
    }

    /** A channel hung up: during a hold, the other party is stranded; its name, or null. */
    static String strandedBy(CallState call, ChannelState gone) {
        if (!call.holdActive || gone.name == null) {
            return null;
        }
        String other = gone.name.equals(call.holdCaller) ? call.holdAgent
                : gone.name.equals(call.holdAgent) ? call.holdCaller : null;
        if (other == null) {
            return null;
        }
        call.holdActive = false;
        boolean live = call.channels.values().stream().anyMatch(c -> other.equals(c.name) && !c.hungUp);
        return live ? other : null;
    }
}
