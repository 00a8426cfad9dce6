package io.cti.core.messages;

import java.util.UUID;

/** Identity of one domain message; handlers are idempotent by it. Immutable. */
public record MessageId(UUID value) {

    public MessageId {
        if (value == null) {
            throw new IllegalArgumentException("message id must not be null");
        }
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    public static MessageId parse(String text) {
        return new MessageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
