package io.cti.bridge.events;

import io.cti.core.messages.CallEnded;
import io.cti.core.messages.HangupParty;
import io.cti.core.messages.MessageId;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how a finished call ended, from the set of facts gathered about its channels rather than from the order
 * they arrived in: the same events in any order give the same CallEnded. Stateless.
 */
final class CallEndings {

    private CallEndings() {
    }

    static CallEnded ended(CallState call, Instant at) {
        List<ChannelState> ordered = call.channels.values().stream().sorted(causeOrder(call)).toList();
        int cause = 0;
        String text = null;
        for (ChannelState channel : ordered) {
            if (channel.hungUp && channel.hangupCause != 0) {
                cause = channel.hangupCause;
                text = channel.hangupCauseText;
                break;
            }
        }
        if (cause == 0) {
            // Some channels hang up with cause 0 ("Unknown") although the request that ended them had one.
            cause = ordered.stream().mapToInt(channel -> channel.requestCause).filter(c -> c != 0).findFirst().orElse(0);
        }
        return new CallEnded(MessageId.random(), at, call.callId, cause, text != null ? text : HangupCauses.text(cause),
                party(call));
    }

    static CallEnded lost(CallState call, Instant at) {
        return new CallEnded(MessageId.random(), at, call.callId, 0, CallEnded.LOST_DURING_PBX_DISCONNECT,
                HangupParty.UNKNOWN);
    }

    /**
     * A HangupRequest on a real (non-Local) channel means the party at that channel's far end hung up: the
     * customer on a customer channel, the agent on the agent's leg. Local channel halves raise them for each
     * other, so they say nothing about who hung up; nor does anything for a call ended by its dialplan.
     */
    private static HangupParty party(CallState call) {
        if (call.hangupByPlatform) {
            return HangupParty.PLATFORM;
        }
        boolean customer = false;
        boolean agent = false;
        for (ChannelState channel : call.channels.values()) {
            if (channel.farEndHungUp && channel.name != null && !ChannelNames.isLocal(channel.name)) {
                if (call.isAgentSide(channel)) {
                    agent = true;
                } else {
                    customer = true;
                }
            }
        }
        if (customer) {
            return HangupParty.CUSTOMER;
        }
        return agent ? HangupParty.AGENT : HangupParty.PBX;
    }

    /** The call's first channel, then the customer's side, then by creation (Uniqueid order). */
    private static Comparator<ChannelState> causeOrder(CallState call) {
        return Comparator.<ChannelState, Boolean>comparing(channel -> !channel.uniqueId.equals(call.linkedId))
                .thenComparing(call::isAgentSide)
                .thenComparing(channel -> channel.uniqueId, CallEndings::compareUniqueIds);
    }

    /** Uniqueids are "epoch.sequence"; compare them as numbers, falling back to text for anything else. */
    static int compareUniqueIds(String a, String b) {
        String[] left = a.split("\\.", 2);
        String[] right = b.split("\\.", 2);
        try {
            int bySeconds = Long.compare(Long.parseLong(left[0]), Long.parseLong(right[0]));
            if (bySeconds != 0 || left.length < 2 || right.length < 2) {
                return bySeconds != 0 ? bySeconds : a.compareTo(b);
            }
            return Long.compare(Long.parseLong(left[1]), Long.parseLong(right[1]));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
