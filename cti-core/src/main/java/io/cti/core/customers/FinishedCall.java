package io.cti.core.customers;

import java.time.Instant;
import java.util.Objects;

/**
 * What the end of one call adds to the customer's history, written all or nothing and once per call (see
 * {@link CustomerHistory#recordFinishedCall}): the interaction, whose call id names the call; the satisfaction
 * score the caller gave (1-5, 0 for none); the callback the agent planned in wrap-up (null for none); and when the
 * wrap-up ended, the moment the score and the callback were given. Immutable.
 */
public record FinishedCall(Interaction interaction, int satisfaction, Instant callbackAt, Instant wrappedUpAt) {

    public FinishedCall {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(wrappedUpAt, "wrappedUpAt");
        if (interaction.callId() == null || interaction.callId().isBlank()) {
            throw new IllegalArgumentException("a finished call needs its call id, to be written once: " + interaction);
        }
        if (satisfaction < 0 || satisfaction > 5) {
            throw new IllegalArgumentException("a satisfaction score is 1-5, or 0 for none: " + satisfaction);
        }
    }

    /** The key that makes the call's interaction unique: a second write of the same call finds the first row. */
    String onceKey() {
        return "call:" + interaction.callId();
    }

    /**
     * The interaction as first written, and whether this write was the first: false when the call had been written
     * before (a redelivery), in which case nothing was written this time. Immutable.
     */
    public record Recorded(long interactionId, boolean first) {
    }
}
