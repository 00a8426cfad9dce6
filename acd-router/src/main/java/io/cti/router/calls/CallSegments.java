package io.cti.router.calls;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stretches of a call its agent transferred. The stretch with the transferring agent is closed at the transfer
 * and kept under a ledger id of its own ({@code <callId>~<n>}), ended then, so that agent's wrap-up writes it to the
 * history and counts it as that agent's, like any call; the call's own record starts a new stretch, waiting from
 * the transfer in the target queue (its service level counts from there), with no agent, ring or answer yet and an
 * empty hold log. Each stretch is counted and written to history under its segment id: the call's id for the
 * first, {@code <callId>~t<n>} after the n-th transfer, so every stretch is one history row and one answer of its
 * queue. Both rows' notes tell of the transfer.
 *
 * <p>A callback's or a click-to-dial's call, once its customer is on the line, is a live call like any other: the
 * next stretch drops the marks that made it one ({@code callback}, {@code callbackNote}, {@code clickToDial},
 * {@code dialOutcome}) and every {@code once:*} marker, in the same write that starts it, so the next agent is rung
 * with a plain connect (the customer is not dialed again), their ring is confirmed and popped as any routed call's,
 * and the stretch is written to history as inbound; the closed stretch keeps them and stays the outbound contact it
 * was. Not thread-safe: the flow calls it under its lock.
 */
final class CallSegments {

    private static final List<String> PER_STRETCH = List.of(CallLedger.AGENT, CallLedger.TOKEN, CallLedger.REASON,
            CallLedger.WAIT_REASON, CallLedger.DECIDED_AT, CallLedger.RINGING_AT, CallLedger.ANSWERED_AT,
            CallLedger.CALLBACK, CallLedger.CALLBACK_NOTE, CallLedger.CLICK_TO_DIAL, CallLedger.DIAL_OUTCOME);

    private final CallLedger ledger;

    CallSegments(CallLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Closes the stretch of {@code live} with its agent at {@code at} and starts the next one, waiting in
     * {@code queue}; returns the closed stretch's ledger id (the transferring agent's wrap-up names it).
     *
     * @param closedNote what the closed stretch's row says, such as "transferred to queue sales"
     * @param nextNote   what the next stretch's row says, such as "transferred by alice from support"
     */
    CallId transfer(CallRecord live, QueueName queue, Instant at, String closedNote, String nextNote) {
        int n = live.transfers() + 1;
        CallId closed = CallId.of(live.id().value() + "~" + n);
        Map<String, String> kept = new LinkedHashMap<>();
        live.fields().forEach((field, value) -> {
            if (!field.startsWith(CallLedger.ONCE)) {
                kept.put(field, value);
            }
        });
        kept.put(CallLedger.SEGMENT, live.segmentId().value());
        kept.put(CallLedger.ENDED_AT, CallLedger.millis(at));
        kept.put(CallLedger.NOTE, joined(live.note(), closedNote));
        ledger.write(closed, kept);

        Map<String, String> next = new LinkedHashMap<>();
        PER_STRETCH.forEach(field -> next.put(field, ""));
        live.fields().keySet().stream()
                .filter(field -> field.startsWith(CallLedger.HOLD) || field.startsWith(CallLedger.ONCE))
                .forEach(field -> next.put(field, ""));
        next.put(CallLedger.ARRIVED_AT, CallLedger.millis(at));
        next.put(CallLedger.QUEUE, queue.value());
        next.put(CallLedger.ROUTED_QUEUE, queue.value());
        next.put(CallLedger.SEGMENT, live.id().value() + "~t" + n);
        next.put(CallLedger.NOTE, nextNote);
        next.put(CallLedger.TRANSFERS, Integer.toString(n));
        ledger.write(live.id(), next);
        return closed;
    }

    private static String joined(String earlier, String now) {
        return earlier.isEmpty() ? now : earlier + "; " + now;
    }
}
