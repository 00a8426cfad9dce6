package io.cti.router.queues;

import io.cti.core.customers.FieldError;
import io.cti.router.RouterException;

import java.util.List;
import java.util.Objects;

/**
 * Reads the version a client last saw from an {@code If-Match: "<version>"} header or a {@code version} query
 * parameter, for the optimistic check of a full replace, as the customer API does. Stateless.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** The expected version, or null when neither is given (or If-Match is {@code *}): overwrite whatever is stored. */
    public static Integer from(String ifMatch, String versionParameter) {
        Integer fromHeader = ifMatch == null ? null : fromIfMatch(ifMatch);
        Integer fromParameter = versionParameter == null ? null : parse("version", versionParameter.strip());
        if (fromHeader != null && fromParameter != null && !Objects.equals(fromHeader, fromParameter)) {
            throw RouterException.invalidInput("request", List.of(new FieldError("version", "conflicting-versions",
                    "If-Match says version " + fromHeader + " but the version parameter says " + fromParameter)));
        }
        return fromHeader != null ? fromHeader : fromParameter;
    }

    /** The entity tag of a stored version, as ETag answers it and If-Match expects it back. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    private static Integer fromIfMatch(String header) {
        String value = header.strip();
        if (value.equals("*")) {
            return null;
        }
        // Strong entity tags only: If-Match compares strongly, so a weak tag (W/"3") is refused as malformed.
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return parse("If-Match", quoted ? value.substring(1, value.length() - 1) : value);
    }

    private static int parse(String field, String text) {
        // Nine digits at most: every such number fits an int, so parsing cannot fail after this check.
        if (!text.matches("[0-9]{1,9}")) {
            throw RouterException.invalidRequest(field, "invalid-version", "expected a version such as \"3\" (the version field)");
        }
        return Integer.parseInt(text);
    }
}
