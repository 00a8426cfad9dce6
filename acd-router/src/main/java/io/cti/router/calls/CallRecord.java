package io.cti.router.calls;

import io.cti.core.customers.Direction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the flow remembers of one call between its events, as read from the {@link CallLedger}: the caller, the
 * queue, the customer, the agent and reservation it is routed to, the routing reason and the moments of its life
 * (arrived, rang, answered, ended, wrap-up done) with its holds, the caller's IVR choices, and for the call of
 * a callback which callback it is. Immutable.
 */
record CallRecord(CallId id, Map<String, String> fields) {

    CallRecord {
        fields = Map.copyOf(fields);
    }

    String callerNumber() {
        return fields.getOrDefault(CallLedger.NUMBER, "");
    }

    QueueName queue() {
        return QueueName.of(fields.get(CallLedger.QUEUE));
    }

    /** The queue the call was finally routed in (after redirect and overflow), else the queue it was dialed into. */
    QueueName routedQueue() {
        String routed = fields.get(CallLedger.ROUTED_QUEUE);
        return routed == null ? queue() : QueueName.of(routed);
    }

    Optional<CustomerId> customer() {
        return text(CallLedger.CUSTOMER).map(v -> CustomerId.of(Long.parseLong(v)));
    }

    Optional<AgentId> agent() {
        return text(CallLedger.AGENT).map(AgentId::of);
    }

    Optional<String> reason() {
        return text(CallLedger.REASON);
    }

    Optional<String> waitReason() {
        return text(CallLedger.WAIT_REASON);
    }

    Instant arrivedAt() {
        return instant(CallLedger.ARRIVED_AT).orElseThrow();
    }

    Optional<Instant> decidedAt() {
        return instant(CallLedger.DECIDED_AT);
    }

    Optional<Instant> ringingAt() {
        return instant(CallLedger.RINGING_AT);
    }

    Optional<Instant> answeredAt() {
        return instant(CallLedger.ANSWERED_AT);
    }

    Optional<Instant> endedAt() {
        return instant(CallLedger.ENDED_AT);
    }

    /** The call's holds and resumes as logged, in no particular order. */
    HoldLog holds() {
        List<HoldLog.Entry> entries = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(CallLedger.HOLD)) {
                String[] parts = value.split(":", 3);
                entries.add(new HoldLog.Entry(Instant.ofEpochMilli(Long.parseLong(parts[1])),
                        parts.length > 2 ? parts[2] : "", parts[0].equals("H")));
            }
        });
        return new HoldLog(entries);
    }

    /**
     * The id this stretch of the call is counted and written to history under: the call's own id until its agent
     * transfers it, a new one for each stretch after (see {@link CallSegments}).
     */
    CallId segmentId() {
        return text(CallLedger.SEGMENT).map(CallId::of).orElse(id);
    }

    /** What the history row's notes say of the call's way here (a transfer), or empty. */
    String note() {
        return fields.getOrDefault(CallLedger.NOTE, "");
    }

    int transfers() {
        return text(CallLedger.TRANSFERS).map(Integer::parseInt).orElse(0);
    }

    boolean answered() {
        return fields.containsKey(CallLedger.ANSWERED_AT);
    }

    /** What the caller chose in the IVR, in order. */
    List<String> ivrChoices() {
        return text(CallLedger.IVR).map(v -> List.of(v.split("\n"))).orElse(List.of());
    }

    String dnis() {
        return fields.getOrDefault(CallLedger.DNIS, "");
    }

    /** The callback this call is made for; empty for a call a customer made. */
    Optional<io.cti.router.callbacks.CallbackId> callback() {
        return text(CallLedger.CALLBACK).map(v -> io.cti.router.callbacks.CallbackId.of(Long.parseLong(v)));
    }

    boolean isCallback() {
        return fields.containsKey(CallLedger.CALLBACK);
    }

    /** How the callback's dial of the customer went (an OriginateOutcome name); empty before it ended. */
    Optional<String> dialOutcome() {
        return text(CallLedger.DIAL_OUTCOME);
    }

    /** Whether an agent placed this call from the customer card. */
    boolean isClickToDial() {
        return fields.containsKey(CallLedger.CLICK_TO_DIAL);
    }

    /** Who started the contact: the customer, or the business calling back or calling out. */
    Direction direction() {
        return isCallback() || isClickToDial() ? Direction.OUTBOUND : Direction.INBOUND;
    }

    /** Why the call came to this agent, as the screen-pop says it: for a callback, what the callback is first. */
    String popReason() {
        String reason = reason().orElse("");
        return text(CallLedger.CALLBACK_NOTE).map(note -> reason.isEmpty() ? note : note + "; " + reason)
                .orElse(reason);
    }

    private Optional<String> text(String field) {
        String value = fields.get(field);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private Optional<Instant> instant(String field) {
        return text(field).map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
    }
}
