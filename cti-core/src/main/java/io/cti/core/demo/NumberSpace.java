package io.cti.core.demo;

import java.util.List;

/**
 * A block of valid phone numbers (e.g. Chinese mobiles +86 13x..., or every number of one US city's area
 * codes), and a seeded one-to-one map from a slot number to a number in the block. Distinct slots always get
 * distinct numbers, so the demo customers' numbers are unique without remembering any of them; blocks never
 * overlap because they differ in country code or in their prefixes. Immutable and thread-safe.
 *
 * <p>A number is {@code prefix + head + tail}: one of {@code prefixes}, one of {@code heads} written with
 * {@code headWidth} digits, and {@code tailDigits} free digits.
 */
final class NumberSpace {

    private final List<String> prefixes;
    private final int[] heads;
    private final int headWidth;
    private final int tailDigits;
    private final long tailSize;
    private final long size;
    private final long multiplier;
    private final long offset;

    NumberSpace(List<String> prefixes, int[] heads, int headWidth, int tailDigits, long seed) {
        this.prefixes = List.copyOf(prefixes);
        this.heads = heads.clone();
        this.headWidth = headWidth;
        this.tailDigits = tailDigits;
        long tail = 1;
        for (int i = 0; i < tailDigits; i++) {
            tail *= 10;
        }
        this.tailSize = tail;
        this.size = prefixes.size() * (long) heads.length * tail;
        // an affine map k -> (a*k + b) mod size is one-to-one when a and size are coprime; a near size/phi
        // scatters neighbouring slots over the whole block
        long a = (long) (size * 0.6180339887498949) | 1;
        while (gcd(a, size) != 1) {
            a += 2;
        }
        this.multiplier = a;
        this.offset = Math.floorMod(Seeds.mix(seed), size);
    }

    /** How many distinct numbers the block holds: slots must stay below it. */
    long size() {
        return size;
    }

    /** The E.164 number of {@code slot} (0 &le; slot &lt; {@link #size()}). */
    String number(long slot) {
        if (slot < 0 || slot >= size) {
            throw new IllegalArgumentException("slot " + slot + " outside a block of " + size + " numbers");
        }
        // a * slot stays below 2^63: a < size < 2^32 and slot < size
        long index = Math.floorMod(Math.multiplyExact(multiplier, slot) + offset, size);
        long tail = index % tailSize;
        long rest = index / tailSize;
        int head = heads[(int) (rest % heads.length)];
        String prefix = prefixes.get((int) (rest / heads.length));
        StringBuilder out = new StringBuilder(16).append(prefix);
        appendPadded(out, head, headWidth);
        appendPadded(out, tail, tailDigits);
        return out.toString();
    }

    private static void appendPadded(StringBuilder out, long value, int width) {
        if (width == 0) {
            return;
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Digits {@code from..to} as heads. */
    static int[] range(int from, int to) {
        int[] values = new int[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /**
     * US exchanges (the three digits after the area code) that are real, dialable central office codes: 200-999
     * without the N11 service codes, 555 (whose 01xx lines are reserved for fiction), and 950, 958, 959, 976.
     */
    static int[] usExchanges() {
        return java.util.stream.IntStream.rangeClosed(200, 999)
                .filter(e -> e % 100 != 11 && e != 555 && e != 950 && e != 958 && e != 959 && e != 976)
                .toArray();
    }
}
