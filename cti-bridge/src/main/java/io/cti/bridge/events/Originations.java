package io.cti.bridge.events;

import io.cti.core.ids.CallId;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AmdResult;
import io.cti.core.messages.AmdVerdict;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.OriginateResult;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.cti.bridge.events.ChannelNames.first;
import static io.cti.bridge.events.ChannelNames.orEmpty;

/**
 * Tells how the platform's Originates ended (OriginateResult, once per ActionID; for a failed callback also the
 * agent's unanswered leg) and what answering-machine detection found on a call (AmdResult, once per call, from the
 * AMDSTATUS and AMDCAUSE variables in either order). Not thread-safe: used only under the translator's lock.
 */
final class Originations {

    private final CallBook book;
    private final PlacedCallbacks callbacks;
    private final Consumer<DomainEvent> sink;
    /** The Originates already told, bounded like the ended calls. */
    private final Set<String> originateRefs;

    Originations(CallBook book, PlacedCallbacks callbacks, Consumer<DomainEvent> sink, int remembered) {
        this.book = book;
        this.callbacks = callbacks;
        this.sink = sink;
        this.originateRefs = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        });
    }

    void originated(OriginateResponseEvent e, Instant at) {
        String uniqueId = ChannelNames.value(e.getUniqueId());
        String ref = first(ChannelNames.value(e.getActionId()), "channel:" + e.getChannel() + ":" + uniqueId);
        if (!originateRefs.add(ref)) {
            return;
        }
        int reason = e.getReason() == null ? 0 : e.getReason();
        OriginateOutcome outcome = outcome(reason, "Success".equalsIgnoreCase(e.getResponse()));
        CallId callId = null;
        if (outcome == OriginateOutcome.ANSWERED && uniqueId != null) {
            // An originated channel starts its own call: its Uniqueid is the Linkedid, unless we learnt otherwise.
            String linkedId = first(book.linkedIdOf(uniqueId), uniqueId);
            callId = CallId.of(linkedId);
            ChannelState channel = book.channel(linkedId, uniqueId, ChannelNames.value(e.getChannel()), at);
            CallState call = channel == null ? null : book.callOf(channel);
            if (call != null) {
                call.relevant = true;
                call.originatedUniqueId = uniqueId;
            }
        }
        sink.accept(new OriginateResult(MessageId.random(), at, ref, callId, outcome, reason, describe(reason)));
        PlacedCallbacks.PendingCallback callback = callbacks.answered(ref);
        if (callback != null && outcome != OriginateOutcome.ANSWERED) {
            callbackAgentMissed(callback, outcome, at);
        }
    }

    /**
     * A callback's Originate failed: the agent's phone was not answered, was busy or could not be reached. The
     * agent leg's DialEnd may have said so already; if not (no channel was ever made, or the PBX ended the dial on
     * its timeout without one), this is the agent's unanswered leg.
     */
    private void callbackAgentMissed(PlacedCallbacks.PendingCallback callback, OriginateOutcome outcome, Instant at) {
        CallState call = book.find(callback.callId().value());
        String channel = "";
        if (call != null) {
            callbacks.isCallback(call);
            if (!call.unansweredLegs.isEmpty() || !call.connectedLegs.isEmpty()) {
                return;
            }
            channel = call.channels.values().stream().filter(c -> c.name != null && call.isAgentSide(c))
                    .map(c -> c.name).findFirst().orElse("");
            call.unansweredLegs.add("originate");
        }
        // With the call already ended and forgotten, whether its DialEnd told of this leg is unknown: the router
        // takes a second telling of one unanswered leg as the same RONA.
        String status = switch (outcome) {
            case BUSY -> "BUSY";
            case NO_ANSWER -> "NOANSWER";
            case CONGESTION -> "CONGESTION";
            default -> "CHANUNAVAIL";
        };
        sink.accept(new AgentLegUnanswered(MessageId.random(), at, callback.callId(), callback.agentEndpoint(), channel,
                status));
    }

    void variableSet(VarSetEvent e, Instant at) {
        String variable = e.getVariable();
        if (!"AMDSTATUS".equalsIgnoreCase(variable) && !"AMDCAUSE".equalsIgnoreCase(variable)) {
            return;
        }
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call == null || call.amdReported) {
            return;
        }
        if ("AMDSTATUS".equalsIgnoreCase(variable)) {
            call.amdStatus = orEmpty(e.getValue());
        } else {
            call.amdCause = orEmpty(e.getValue());
        }
        // AMD() sets both; whichever arrives second completes the result.
        if (call.amdStatus != null && call.amdCause != null) {
            call.amdReported = true;
            call.relevant = true;
            sink.accept(new AmdResult(MessageId.random(), at, call.callId, verdict(call.amdStatus), call.amdCause));
        }
    }

    private static OriginateOutcome outcome(int reason, boolean success) {
        // Asterisk's reasons are its control frame numbers: 4 answer, 5 busy, 3 ringing (no answer), 8 congestion.
        return switch (reason) {
            case 4 -> OriginateOutcome.ANSWERED;
            case 5 -> OriginateOutcome.BUSY;
            case 3 -> OriginateOutcome.NO_ANSWER;
            case 8 -> OriginateOutcome.CONGESTION;
            default -> success ? OriginateOutcome.ANSWERED : OriginateOutcome.FAILED;
        };
    }

    private static String describe(int reason) {
        return switch (reason) {
            case 0 -> "no such extension or number, or the channel could not be created";
            case 1 -> "hung up before answer";
            case 3 -> "no answer";
            case 4 -> "answered";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "reason " + reason;
        };
    }

    private static AmdVerdict verdict(String status) {
        if ("HUMAN".equalsIgnoreCase(status)) {
            return AmdVerdict.HUMAN;
        }
        return "MACHINE".equalsIgnoreCase(status) ? AmdVerdict.MACHINE : AmdVerdict.NOTSURE;
    }
}
