package io.cti.router.reservations;

/**
 * Identity of one router process, recorded on the reservations it makes so an operator can tell whose they are.
 * Immutable.
 */
public record RouterId(String value) {

    public RouterId {
        if (value == null || value.isBlank() || value.length() > 128
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a router id is 1-128 printable ASCII characters without spaces: '"
                    + value + "'");
        }
    }

    public static RouterId of(String value) {
        return new RouterId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
