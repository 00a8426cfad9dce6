package io.cti.router.calls;

import io.cti.core.customers.Channel;
import io.cti.core.customers.CustomerCard;
import io.cti.core.customers.Direction;
import io.cti.core.customers.FinishedCall;
import io.cti.core.customers.Interaction;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.messages.InteractionRecorded;
import io.cti.core.messages.OriginateOutcome;
import io.cti.router.callbacks.Callback;
import io.cti.router.callbacks.CallbackAttempt;
import io.cti.router.callbacks.CallbackId;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What becomes of a callback whose customer was not reached: the attempt is recorded; with attempts left it is due
 * again after the retry delay, otherwise it is given up (for a caller's virtual hold, an abandoned contact in the
 * queue's figures) and the customer's history gets an outbound row saying so, with every attempt, written once with
 * the refresh of the customer's figures ({@link io.cti.core.customers.CustomerHistory#recordFinishedCall}).
 * Not thread-safe: the flow calls it under its lock.
 */
final class CallbackEndings {

    static final String GAVE_UP = "callback not reached";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackEndings.class);

    private final FlowParts parts;
    private final CallbackRepository callbacks;
    private final CallbackSettings settings;
    private final CallbackOutcomes outcomes;

    CallbackEndings(FlowParts parts, CallbackRepository callbacks, CallbackSettings settings,
                    CallbackOutcomes outcomes) {
        this.parts = parts;
        this.callbacks = callbacks;
        this.settings = settings;
        this.outcomes = outcomes;
    }

    void notReached(CallbackId id, CallId call, AgentId agent, OriginateOutcome outcome, String dialStatus,
                    Instant at) {
        Optional<Callback> recorded = callbacks.recordMiss(id, call, agent, outcome, dialStatus, at);
        if (recorded.isEmpty()) {
            return;
        }
        Callback callback = recorded.get();
        if (callback.mayTryAgain()) {
            Instant next = at.plus(settings.retryAfter());
            callbacks.pendAgain(id, next);
            LOG.info("callback {}: customer not reached ({}), attempt {} of {}; tried again at {}", id, dialStatus,
                    callback.attempts(), callback.maxAttempts(), next);
        } else {
            giveUp(callback, at);
        }
    }

    private void giveUp(Callback callback, Instant at) {
        List<CallbackAttempt> attempts = callbacks.attempts(callback.id());
        String tried = attempts.stream().map(a -> a.outcome() + " (" + a.dialStatus() + ") at " + a.at())
                .collect(Collectors.joining(", "));
        if (callbacks.giveUp(callback.id(), "not reached after " + attempts.size() + " attempts")) {
            outcomes.abandoned(callback, at);
        }
        Optional<CustomerId> customer = callback.customerId()
                .or(() -> parts.cards().byNumber(callback.number()).map(CustomerCard::id));
        if (customer.isEmpty()) {
            LOG.info("callback {} given up after {} attempts to {} ({}); the number is no customer's: no history row",
                    callback.id(), attempts.size(), callback.number(), tried);
            return;
        }
        CallbackAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        Instant started = callback.enteredAt().isAfter(at) ? at : callback.enteredAt();
        // The row is the last attempt's call (each attempt has a call of its own), written once however often asked.
        String call = last == null ? callback.id() + "-given-up" : last.call().value();
        Interaction row = new Interaction(0, Channel.PHONE, Direction.OUTBOUND,
                last == null || last.agent() == null ? null : last.agent().value(), call, callback.queue().value(),
                GAVE_UP, null, "callback " + callback.id() + " given up: the customer was not reached in "
                        + attempts.size() + " attempts: " + tried, started, at, null, null, 0, null, null);
        FinishedCall.Recorded recorded = parts.history().recordFinishedCall(customer.get(),
                new FinishedCall(row, 0, null, at));
        if (!recorded.first()) {
            LOG.info("callback {} given up: already interaction {} of customer {}", callback.id(),
                    recorded.interactionId(), customer.get());
            return;
        }
        parts.publisher().accept(InteractionRecorded.now(customer.get(), recorded.interactionId(),
                Channel.PHONE.name(), Direction.OUTBOUND.name(), GAVE_UP));
        LOG.info("callback {} given up after {} attempts: interaction {} of customer {}", callback.id(),
                attempts.size(), recorded.interactionId(), customer.get());
    }
}
