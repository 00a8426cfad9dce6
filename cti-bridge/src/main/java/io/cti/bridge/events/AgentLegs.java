package io.cti.bridge.events;

import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

import static io.cti.bridge.events.ChannelNames.first;
import static io.cti.bridge.events.ChannelNames.orEmpty;

/**
 * Follows the dials from a call's channels: the agent's leg ringing, connected or unanswered (RONA, also from the
 * dialplan's AcdRona notice), and in a callback the customer's leg (CallbackDialed). Each fact once per leg,
 * whichever of DialBegin, DialEnd and AcdRona comes first. Not thread-safe: used only under the translator's lock.
 */
final class AgentLegs {

    /** The dialplan's agent-connect context dials {@code PJSIP/<Agent>} (config/asterisk/extensions_cti.conf). */
    private static final String AGENT_TECHNOLOGY = "PJSIP/";

    private final CallBook book;
    private final PlacedCallbacks callbacks;
    private final Consumer<DomainEvent> sink;

    AgentLegs(CallBook book, PlacedCallbacks callbacks, Consumer<DomainEvent> sink) {
        this.book = book;
        this.callbacks = callbacks;
        this.sink = sink;
    }

    void dialBegan(DialBeginEvent e, Instant at) {
        dialled(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getDestLinkedId(), e.getDestUniqueId(),
                e.getDestChannel(), null, at);
    }

    void dialEnded(DialEndEvent e, Instant at) {
        dialled(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getDestLinkedId(), e.getDestUniqueId(),
                e.getDestChannel(), orEmpty(e.getDialStatus()).toUpperCase(Locale.ROOT), at);
    }

    /** The dialplan's word that the agent's phone did not answer; the only one when it could not be reached. */
    void notAnswered(AcdRonaEvent e, Instant at) {
        String agent = ChannelNames.value(e.getAgent());
        CallState call = book.find(first(ChannelNames.value(e.getLinkedId()), ChannelNames.value(e.getCallId())));
        if (agent == null || call == null) {
            return;
        }
        String status = ChannelNames.value(e.getDialStatus());
        RonaNotices.notice(call, AGENT_TECHNOLOGY + agent, status == null ? "CHANUNAVAIL" : status, at, sink);
    }

    /**
     * A dial from a call's channel to another: the agent's leg ringing, and once the dial ended ({@code dialStatus}
     * of DialEnd; null for DialBegin) either connected (ANSWER) or unanswered (NOANSWER, BUSY, CHANUNAVAIL,
     * CONGESTION, CANCEL...: RONA). In a callback the Originate's own dial is the agent's leg and the dial from the
     * agent's channel the customer's.
     */
    private void dialled(String linkedId, String uniqueId, String channelName, String destLinkedId,
                         String destUniqueId, String destName, String dialStatus, Instant at) {
        String destination = ChannelNames.value(destName);
        String callerName = ChannelNames.value(channelName);
        if (destination == null) {
            return;
        }
        ChannelState dest = book.channel(first(destLinkedId, linkedId), destUniqueId, destination, at);
        if (dest == null) {
            return;
        }
        if (callerName == null) {
            // An originate dials without a calling channel: that dial is the call itself, not an agent's leg,
            // except in a callback, which rings the agent first.
            CallState originated = book.callOf(dest);
            if (originated != null && callbacks.isCallback(originated)) {
                agentLeg(originated, dest, destination, dialStatus, at);
            }
            return;
        }
        ChannelState caller = book.channel(linkedId, uniqueId, callerName, at);
        CallState call = caller == null ? null : book.callOf(caller);
        if (call == null) {
            return;
        }
        if (callbacks.isCallback(call)) {
            customerLeg(call, dest, destination, dialStatus, at);
        } else {
            agentLeg(call, dest, destination, dialStatus, at);
        }
    }

    private void agentLeg(CallState call, ChannelState dest, String destination, String dialStatus, Instant at) {
        call.agentPairs.add(ChannelNames.pairName(destination));
        String endpoint = ChannelNames.endpoint(destination);
        if (call.ringingLegs.add(dest.uniqueId)) {
            RonaNotices.legDialled(call, dest.uniqueId, endpoint);
            sink.accept(new AgentLegRinging(MessageId.random(), at, call.callId, endpoint, destination));
        }
        if (dialStatus == null || dialStatus.isEmpty()) {
            return;
        }
        if ("ANSWER".equals(dialStatus)) {
            if (call.connectedLegs.add(dest.uniqueId)) {
                call.connectedUniqueId = dest.uniqueId;
                sink.accept(new CallConnected(MessageId.random(), at, call.callId, endpoint, destination));
            }
        } else if (call.unansweredLegs.add(dest.uniqueId)) {
            sink.accept(new AgentLegUnanswered(MessageId.random(), at, call.callId, endpoint, destination, dialStatus));
        }
    }

    /** A callback's dial of the customer ended: told once; answered, that channel is the customer's from now on. */
    private void customerLeg(CallState call, ChannelState dest, String destination, String dialStatus, Instant at) {
        if (dialStatus == null || dialStatus.isEmpty() || call.customerLegReported) {
            return;
        }
        call.customerLegReported = true;
        if ("ANSWER".equals(dialStatus)) {
            call.arrivedUniqueId = dest.uniqueId;
        }
        sink.accept(new CallbackDialed(MessageId.random(), at, call.callId, destination, dialOutcome(dialStatus),
                dialStatus));
    }

    /** A callback's customer leg, by Asterisk's DIALSTATUS. */
    private static OriginateOutcome dialOutcome(String dialStatus) {
        return switch (dialStatus) {
            case "ANSWER" -> OriginateOutcome.ANSWERED;
            case "BUSY" -> OriginateOutcome.BUSY;
            case "NOANSWER" -> OriginateOutcome.NO_ANSWER;
            case "CONGESTION" -> OriginateOutcome.CONGESTION;
            default -> OriginateOutcome.FAILED;
        };
    }
}
