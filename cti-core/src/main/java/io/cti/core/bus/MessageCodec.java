package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.DomainMessage;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a domain message into the fields of a stream entry ({@code id}, {@code type}, {@code occurredAt},
 * {@code payload}) and back. Immutable and thread-safe.
 */
final class MessageCodec {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String OCCURRED_AT = "occurredAt";
    static final String PAYLOAD = "payload";

    private final MessageTypes types;
    private final JsonMapper json;

    MessageCodec(MessageTypes types) {
        this.types = types;
        this.json = JsonMapper.builder()
                // A newer publisher may add a field before every consumer is upgraded; old readers ignore it.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    MessageTypes types() {
        return types;
    }

    Map<String, String> encode(DomainMessage message) {
        String type = MessageTypes.nameOf(message.getClass());
        // Resolving the name here refuses a message the readers could never decode (e.g. an anonymous type).
        types.forName(type);
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (RuntimeException e) {
            throw CoreException.busFailure("encoding " + type + " " + message.id(), e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(ID, message.id().toString());
        fields.put(TYPE, type);
        fields.put(OCCURRED_AT, message.occurredAt().toString());
        fields.put(PAYLOAD, payload);
        return fields;
    }

    /**
     * Decodes the fields of entry {@code entryId}.
     *
     * @throws CoreException {@code unknown-message-type} or {@code undecodable-message}
     */
    DomainMessage decode(String entryId, Map<String, String> fields) {
        Class<? extends DomainMessage> type = types.forName(required(entryId, fields, TYPE));
        String payload = required(entryId, fields, PAYLOAD);
        DomainMessage message;
        try {
            message = json.readValue(payload, type);
        } catch (RuntimeException e) {
            throw CoreException.undecodableMessage(entryId, e);
        }
        if (message == null) {
            throw CoreException.undecodableMessage(entryId, new IllegalArgumentException("payload is JSON null"));
        }
        // The envelope fields are what consumers filter and log by, so they must agree with the payload.
        String id = fields.get(ID);
        if (id != null && !id.equals(message.id().toString())) {
            throw CoreException.undecodableMessage(entryId, new IllegalArgumentException(
                    "field id " + id + " differs from the payload's id " + message.id()));
        }
        String occurredAt = fields.get(OCCURRED_AT);
        if (occurredAt != null && !parseInstant(entryId, occurredAt).equals(message.occurredAt())) {
            throw CoreException.undecodableMessage(entryId, new IllegalArgumentException(
                    "field occurredAt " + occurredAt + " differs from the payload's " + message.occurredAt()));
        }
        return message;
    }

    private static Instant parseInstant(String entryId, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw CoreException.undecodableMessage(entryId, e);
        }
    }

    private static String required(String entryId, Map<String, String> fields, String name) {
        String value = fields == null ? null : fields.get(name);
        if (value == null) {
            throw CoreException.undecodableMessage(entryId,
                    new IllegalArgumentException("the entry has no '" + name + "' field"));
        }
        return value;
    }
}
