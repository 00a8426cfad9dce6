package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.DomainMessage;

import java.util.Objects;

/**
 * What became of one message of {@link MessageBus#publishAll}: either the stream entry id it was appended as, or
 * the failure that {@link MessageBus#publish} would have thrown for it. Immutable.
 *
 * @param message the message, as handed in
 * @param entryId the stream entry id; {@code null} when it failed
 * @param failure why it was not appended; {@code null} when it was
 */
public record PublishResult(DomainMessage message, String entryId, RuntimeException failure) {

    public PublishResult {
        Objects.requireNonNull(message, "message");
        if ((entryId == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of entryId and failure must be set");
        }
    }

    public static PublishResult appended(DomainMessage message, String entryId) {
        return new PublishResult(message, entryId, null);
    }

    public static PublishResult failed(DomainMessage message, RuntimeException failure) {
        return new PublishResult(message, null, failure);
    }

    /** True when the message was appended to its stream. */
    public boolean ok() {
        return failure == null;
    }

    /** The failure as a {@link CoreException} when it is one (bus failures are), else {@code null}. */
    public CoreException busFailure() {
        return failure instanceof CoreException core ? core : null;
    }
}
