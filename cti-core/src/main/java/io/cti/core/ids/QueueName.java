package io.cti.core.ids;

/** Name of an ACD queue. Immutable. */
public record QueueName(String value) {

    public QueueName {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        if (value.length() > 128 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("queue name must be 1-128 printable ASCII characters without spaces: '" + value + "'");
        }
    }

    public static QueueName of(String value) {
        return new QueueName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
