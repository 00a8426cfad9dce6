package io.cti.bridge.events;

import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;

import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Matches the dialplan's AcdRona notices with the agent legs the call dialed, so that an agent phone that could not
 * be reached at all (no channel, hence no DialBegin or DialEnd) is still told as an unanswered leg, and one that
 * rang out is told once, not twice. A notice names an endpoint, not a leg: it claims the oldest leg to that endpoint
 * no notice claimed yet; with no such leg it waits, because its DialBegin may still be on the way (the translation
 * must not depend on event order), and is told as a leg that never rang once the call's settle time has passed.
 * Stateless; the state lives in the {@link CallState}, guarded by the translator's lock.
 */
final class RonaNotices {

    private RonaNotices() {
    }

    /** A notice that {@code endpoint} did not answer {@code call}, with Dial's status. */
    static void notice(CallState call, String endpoint, String dialStatus, Instant at, Consumer<DomainEvent> sink) {
        for (String leg : call.ringingLegs) {
            ChannelState channel = call.channels.get(leg);
            if (channel != null && channel.name != null && !call.ronaClaimedLegs.contains(leg)
                    && endpoint.equals(ChannelNames.endpoint(channel.name))) {
                call.ronaClaimedLegs.add(leg);
                if (!call.connectedLegs.contains(leg) && call.unansweredLegs.add(leg)) {
                    sink.accept(new AgentLegUnanswered(MessageId.random(), at, call.callId, endpoint, channel.name,
                            dialStatus));
                }
                return;
            }
        }
        call.pendingRonas.add(new CallState.PendingRona(endpoint, dialStatus, at));
    }

    /** A new leg to {@code endpoint} rang: a notice that came before its DialBegin belongs to it. */
    static void legDialled(CallState call, String leg, String endpoint) {
        Iterator<CallState.PendingRona> pending = call.pendingRonas.iterator();
        while (pending.hasNext()) {
            if (pending.next().endpoint().equals(endpoint)) {
                pending.remove();
                call.ronaClaimedLegs.add(leg);
                return;
            }
        }
    }

    /** Tells the notices no leg claimed by {@code settledBefore}: phones that were never reached. */
    static void settle(CallState call, Instant settledBefore, Consumer<DomainEvent> sink) {
        Iterator<CallState.PendingRona> pending = call.pendingRonas.iterator();
        while (pending.hasNext()) {
            CallState.PendingRona notice = pending.next();
            if (!notice.at().isAfter(settledBefore)) {
                pending.remove();
                // No channel was ever created: the endpoint stands in for the leg's channel name.
                sink.accept(new AgentLegUnanswered(MessageId.random(), notice.at(), call.callId, notice.endpoint(),
                        notice.endpoint(), notice.dialStatus()));
            }
        }
    }
}
