package io.cti.core.demo;

/** Turns seeds and indexes into well-spread 64-bit seeds (the SplitMix64 finalizer). Stateless. */
final class Seeds {

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private Seeds() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of item {@code index} of stream {@code stream} under {@code seed}. */
    static long of(long seed, long stream, long index) {
        return mix(mix(seed + GOLDEN * stream) + GOLDEN * (index + 1));
    }
}
