package io.cti.router.waiting;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.skills.SkillRequirement;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A waiting call as the fields of its Redis hash and back. Optional parts are left out rather than stored empty,
 * so a hash holds only what is known. Stateless.
 */
final class CallCodec {

    private static final String ID = "id";
    private static final String QUEUE = "queue";
    private static final String ENQUEUED_AT = "enqueuedAt";
    private static final String ORDER_KEY = "orderKey";
    private static final String CUSTOMER = "customer";
    private static final String LAST_AGENT = "lastAgent";
    private static final String SKILLS = "skills";
    private static final String IVR = "ivr";
    /** Attributes live in fields of their own under this prefix, so no attribute name can clash with a field. */
    private static final String ATTRIBUTE = "attr:";

    private CallCodec() {
    }

    /** The context's fields as name, value, name, value... (the place fields travel separately). */
    static List<String> contextFields(CallContext context) {
        List<String> fields = new ArrayList<>();
        context.customer().ifPresent(c -> add(fields, CUSTOMER, c.toString()));
        context.lastAgent().ifPresent(a -> add(fields, LAST_AGENT, a.value()));
        if (!context.skills().isEmpty()) {
            add(fields, SKILLS, String.join(",", context.skills().stream()
                    .map(s -> s.skill().name() + ":" + s.minimum().level()).toList()));
        }
        if (!context.ivrChoices().isEmpty()) {
            // Percent-encoding keeps the separator out of the choices, whatever the dialplan sends.
            add(fields, IVR, String.join(",", context.ivrChoices().stream()
                    .map(c -> URLEncoder.encode(c, StandardCharsets.UTF_8)).toList()));
        }
        context.attributes().forEach((name, value) -> add(fields, ATTRIBUTE + name, value));
        return fields;
    }

    /** Reads a flat HGETALL reply (name, value, ...). */
    static QueuedCall fromFlat(List<?> flat) {
        Map<String, String> hash = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            hash.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fromHash(hash);
    }

    static QueuedCall fromHash(Map<String, String> hash) {
        String id = hash.getOrDefault(ID, "?");
        CallContext context = new CallContext(
                optional(hash, id, CUSTOMER, v -> CustomerId.of(Long.parseLong(v))),
                optional(hash, id, LAST_AGENT, AgentId::of),
                optional(hash, id, SKILLS, CallCodec::skills).orElse(List.of()),
                optional(hash, id, IVR, CallCodec::ivrChoices).orElse(List.of()),
                attributes(hash));
        return new QueuedCall(required(hash, id, ID, CallId::of), required(hash, id, QUEUE, QueueName::of),
                required(hash, id, ENQUEUED_AT, v -> Instant.ofEpochMilli(Long.parseLong(v))),
                required(hash, id, ORDER_KEY, Double::parseDouble), context);
    }

    private static Map<String, String> attributes(Map<String, String> hash) {
        Map<String, String> attributes = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), value);
            }
        });
        return attributes;
    }

    private static List<SkillRequirement> skills(String value) {
        return Arrays.stream(value.split(",")).map(pair -> {
            int colon = pair.lastIndexOf(':');
            return SkillRequirement.of(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
        }).toList();
    }

    private static List<String> ivrChoices(String value) {
        return Arrays.stream(value.split(",", -1)).map(c -> URLDecoder.decode(c, StandardCharsets.UTF_8)).toList();
    }

    private static <T> T required(Map<String, String> hash, String id, String field, Function<String, T> parse) {
        return optional(hash, id, field, parse).orElseThrow(() -> RouterException.waitingCallUnreadable(id, field));
    }

    private static <T> Optional<T> optional(Map<String, String> hash, String id, String field,
                                            Function<String, T> parse) {
        String value = hash.get(field);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (RuntimeException e) {
            throw RouterException.waitingCallUnreadable(id, field);
        }
    }

    private static void add(List<String> fields, String name, String value) {
        fields.add(name);
        fields.add(value);
    }
}
