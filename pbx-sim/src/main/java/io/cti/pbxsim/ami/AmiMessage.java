package io.cti.pbxsim.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AMI message as received or sent: its header lines in order. A received line without a colon is kept (with
 * a null value) because Asterisk keeps it too, it just never matches a header name. Immutable.
 */
record AmiMessage(List<Header> headers) {

    /** One {@code Name: value} line. */
    record Header(String name, String value) {
    }

    AmiMessage {
        headers = List.copyOf(headers);
    }

    /** Parses one received line the way {@code astman_get_header} reads it: blanks after the colon skipped. */
    static Header parseLine(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return new Header(line, null);
        }
        return new Header(line.substring(0, colon), line.substring(colon + 1).stripLeading());
    }

    /** The first header called {@code name} (case-insensitive), or "" when absent. */
    String get(String name) {
        for (Header header : headers) {
            if (header.value() != null && header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return "";
    }

    /** The first non-empty header called {@code name}, as Asterisk reads {@code Action}. */
    String firstNonEmpty(String name) {
        for (Header header : headers) {
            if (header.value() != null && header.name().equalsIgnoreCase(name) && !header.value().isEmpty()) {
                return header.value();
            }
        }
        return "";
    }

    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.value() != null && header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** Originate's {@code Variable:} headers, each {@code a=b} or a comma-separated list of them. */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String value : all("Variable")) {
            for (String assignment : value.split(",")) {
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    variables.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
                }
            }
        }
        return variables;
    }

    /** Builds a message header by header; not thread-safe. */
    static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        Builder add(String name, Object value) {
            headers.add(new Header(name, value == null ? "" : String.valueOf(value)));
            return this;
        }

        /** Adds the header only when the value is not empty (how Asterisk treats ActionID). */
        Builder addIfPresent(String name, String value) {
            if (value != null && !value.isEmpty()) {
                add(name, value);
            }
            return this;
        }

        AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
