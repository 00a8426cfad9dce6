package io.cti.core.ids;

/** Platform-wide identity of one call, the same across all its channels (Asterisk's Linkedid). Immutable. */
public record CallId(String value) {

    public CallId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("call id must not be blank");
        }
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("call id must be 1-128 printable ASCII characters without spaces: '" + value + "'");
        }
    }

    public static CallId of(String value) {
        return new CallId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
