package io.cti.router.callbacks;

import io.cti.core.ids.CallId;

/**
 * Identity of one callback (its row in {@code router_callback}). Each time the callback is put in a queue it gets
 * a call id of its own, {@code cb-<id>-<offer>}: the PBX names the callback's call by it, and a callback that rang
 * out or was not reached comes back under a new one. Immutable.
 */
public record CallbackId(long value) {

    private static final String PREFIX = "cb-";

    public CallbackId {
        if (value < 1) {
            throw new IllegalArgumentException("a callback id is positive: " + value);
        }
    }

    public static CallbackId of(long value) {
        return new CallbackId(value);
    }

    /** The call id of the {@code offer}-th time this callback is put in a queue (1 the first time). */
    public CallId call(int offer) {
        if (offer < 1) {
            throw new IllegalArgumentException("offers are counted from 1: " + offer);
        }
        return CallId.of(PREFIX + value + "-" + offer);
    }

    /** Whether {@code call} may be the call of a callback (a cheap test before looking it up). */
    public static boolean mayBeCallback(CallId call) {
        return call.value().startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
