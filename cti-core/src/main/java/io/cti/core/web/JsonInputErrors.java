package io.cti.core.web;

import io.cti.core.customers.FieldError;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Explains an unreadable request body in the {@link ApiError} shape: where malformed JSON broke (line and column),
 * which property is unknown, or which field holds the wrong JSON type; stateless, so thread-safe.
 */
public final class JsonInputErrors {

    /** What to ask for by the Java type that could not be read; records and other beans are objects. */
    private static final Map<Class<?>, String> EXPECTED = Map.of(
            String.class, "text",
            Boolean.class, "true or false",
            boolean.class, "true or false",
            Number.class, "a number",
            Collection.class, "an array",
            Map.class, "an object");

    private JsonInputErrors() {
    }

    /**
     * The error for a body Spring MVC could not read: {@code malformed-json}, {@code unknown-property},
     * {@code wrong-json-type}, {@code wrong-json-value}, {@code missing-body} or {@code unreadable-body}.
     */
    public static ApiError describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown);
        }
        if (cause instanceof StreamReadException malformed) {
            return malformed(malformed);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            return mismatch(mismatch);
        }
        if (cause instanceof JacksonException other) {
            // Jackson's own words here name Java classes; the client only needs to know which value to fix.
            return ApiError.onField("wrong-json-value", path(other), "wrong-json-value", "this value cannot be read");
        }
        if (cause == null) {
            return ApiError.of("missing-body", "a JSON request body is required");
        }
        return ApiError.of("unreadable-body", "the request body could not be read");
    }

    private static ApiError unknownProperty(UnrecognizedPropertyException e) {
        String field = path(e);
        return ApiError.onField("unknown-property", field, "unknown-property",
                "no such property; known ones are " + names(e.getKnownPropertyIds()));
    }

    private static ApiError malformed(StreamReadException e) {
        return new ApiError("malformed-json", "malformed JSON" + where(e) + ": " + e.getOriginalMessage(), List.of());
    }

    private static ApiError mismatch(MismatchedInputException e) {
        String field = path(e);
        // Content after a complete value has no path: the document, not a field, is wrong.
        if (field.isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
            return new ApiError("malformed-json", "malformed JSON" + where(e) + ": more content after the JSON value",
                    List.of());
        }
        String message = "wrong JSON type: expected " + expected(e.getTargetType());
        return new ApiError("wrong-json-type", (field.isEmpty() ? "body" : field) + ": " + message,
                List.of(new FieldError(field, "wrong-json-type", message)));
    }

    /** The JSON path of the failure as the validators write it: {@code phones[0].primary}; empty for the body. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String where(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        return EXPECTED.entrySet().stream().filter(e -> e.getKey().isAssignableFrom(type))
                .map(Map.Entry::getValue).findFirst().orElse("an object");
    }

    private static String names(Collection<Object> known) {
        return known == null ? "[]" : known.stream().map(String::valueOf).sorted().toList().toString();
    }
}
