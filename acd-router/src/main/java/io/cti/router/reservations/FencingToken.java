package io.cti.router.reservations;

/**
 * The number that identifies one reservation and fences off commands from older ones: tokens come from one
 * counter in Redis and only ever grow, so a command carrying a token that is no longer current (its reservation
 * expired, was released or completed) is recognisably late. Immutable.
 */
public record FencingToken(long value) implements Comparable<FencingToken> {

    public FencingToken {
        if (value < 1) {
            throw new IllegalArgumentException("a fencing token is positive: " + value);
        }
    }

    public static FencingToken of(long value) {
        return new FencingToken(value);
    }

    @Override
    public int compareTo(FencingToken other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
