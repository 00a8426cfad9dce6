package io.cti.router.calls;

import io.cti.core.customers.Channel;
import io.cti.core.customers.FinishedCall;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.phone.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Writes a finished call to its customer's history: an answered call once its wrap-up is done (timings, queue,
 * agent, disposition, notes, the caller's satisfaction score and a planned callback), a call that ended unanswered
 * as abandoned with its wait. Each write is one transaction with the refresh of the customer's figures and happens
 * once per call, however often it is asked for ({@link io.cti.core.customers.CustomerHistory#recordFinishedCall});
 * the first write is announced as {@link InteractionRecorded}. Unknown callers have no history (cti-core's history
 * belongs to a customer): their calls are logged only. Not thread-safe: the flow calls it under its lock.
 */
final class HistoryWriter {

    static final String ANSWERED = "answered";
    static final String ABANDONED = "abandoned";

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

    /** What the agent wrote in wrap-up; {@code callbackAt} null and {@code satisfaction} 0 for none. */
    record WrapUpNotes(String disposition, String notes, Instant callbackAt, int satisfaction, Instant doneAt) {
    }

    private final FlowParts parts;

    HistoryWriter(FlowParts parts) {
        this.parts = parts;
    }

    void answered(CallRecord call, AgentId agent, CallTimings timings, Instant endedAt, WrapUpNotes wrapUp) {
        String disposition = wrapUp.disposition() == null || wrapUp.disposition().isBlank() ? null
                : wrapUp.disposition();
        String notes = wrapUp.notes() == null || wrapUp.notes().isBlank() ? null : wrapUp.notes();
        Interaction interaction = interaction(call, agent.value(), ANSWERED, disposition, notes, endedAt, timings);
        write(call, new FinishedCall(interaction, wrapUp.satisfaction(), wrapUp.callbackAt(), wrapUp.doneAt()),
                "wrapped up by " + agent);
    }

    void abandoned(CallRecord call, CallTimings timings, Instant endedAt) {
        Interaction interaction = interaction(call, null, ABANDONED, null, null, endedAt, timings);
        write(call, new FinishedCall(interaction, 0, null, endedAt), "abandoned");
    }

    private void write(CallRecord call, FinishedCall finished, String how) {
        Interaction interaction = finished.interaction();
        String timings = "wait " + interaction.waitSeconds() + " s, ring " + interaction.ringSeconds() + " s, talk "
                + interaction.talkSeconds() + " s, hold " + interaction.holdSeconds() + " s, wrap-up "
                + interaction.wrapUpSeconds() + " s";
        Optional<CustomerId> customer = call.customer();
        if (customer.isEmpty()) {
            LOG.info("call {} from unknown caller {} {} ({}): no customer history to write", call.id(),
                    PhoneNumber.mask(call.callerNumber()), how, timings);
            return;
        }
        FinishedCall.Recorded recorded = parts.history().recordFinishedCall(customer.get(), finished);
        if (!recorded.first()) {
            LOG.info("call {} {}: already in the history of customer {} as interaction {}", call.id(), how,
                    customer.get(), recorded.interactionId());
            return;
        }
        parts.publisher().accept(InteractionRecorded.now(customer.get(), recorded.interactionId(),
                Channel.PHONE.name(), call.direction().name(), interaction.outcome()));
        LOG.info("call {} {}: interaction {} of customer {} ({})", call.id(), how, recorded.interactionId(),
                customer.get(), timings);
    }

    private static Interaction interaction(CallRecord call, String agent, String outcome, String disposition,
                                           String notes, Instant endedAt, CallTimings timings) {
        Instant arrived = call.arrivedAt();
        // A callback is the business calling the customer: outbound, though it was routed like a call.
        // A transfer is part of the call's story: said in the notes of both stretches' rows.
        String told = call.note().isEmpty() ? notes : notes == null ? call.note() : call.note() + "; " + notes;
        return new Interaction(0, Channel.PHONE, call.direction(), agent, call.segmentId().value(),
                call.routedQueue().value(), outcome, disposition, told, arrived,
                endedAt.isBefore(arrived) ? arrived : endedAt, timings.waitSeconds(), timings.ringSeconds(),
                timings.talkSeconds(), timings.holdSeconds(), timings.wrapUpSeconds());
    }
}
