package io.cti.core.ids;

/** Identity of an agent (their login). Immutable. */
public record AgentId(String value) {

    public AgentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("agent id must not be blank");
        }
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("agent id must be 1-128 printable ASCII characters without spaces: '" + value + "'");
        }
    }

    public static AgentId of(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
