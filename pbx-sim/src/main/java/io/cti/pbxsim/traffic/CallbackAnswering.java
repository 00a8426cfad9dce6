package io.cti.pbxsim.traffic;

import java.util.Objects;

/**
 * How callers who asked to be called back (the platform dialplan's {@code AcdCallback}) take the callback when the
 * platform dials them through the trunk: with probability {@code answer} they pick up after {@code ringDelay}
 * (otherwise the phone rings until the platform gives up), are busy with probability {@code busy}, and talk for
 * {@code talk} once connected to the agent. Immutable.
 */
public record CallbackAnswering(double answer, double busy, Delay ringDelay, Delay talk) {

    public CallbackAnswering {
        if (!(answer >= 0 && answer <= 1) || !(busy >= 0 && busy <= 1) || answer + busy > 1) {
            throw new IllegalArgumentException("callback answer (" + answer + ") and busy (" + busy
                    + ") probabilities must be in [0,1] and add up to at most 1");
        }
        ringDelay = ringDelay == null ? Delay.uniform(3, 10) : ringDelay;
        talk = talk == null ? InboundQueue.DEFAULT_TALK : talk;
    }

    /** Four callers in five pick up after 3-10 s, one in twenty is busy; they talk as inbound callers do. */
    public static CallbackAnswering usual() {
        return new CallbackAnswering(0.8, 0.05, null, null);
    }

    public CallbackAnswering withTalk(Delay newTalk) {
        return new CallbackAnswering(answer, busy, ringDelay, Objects.requireNonNull(newTalk, "talk"));
    }

    public CallbackAnswering withRingDelay(Delay newRingDelay) {
        return new CallbackAnswering(answer, busy, Objects.requireNonNull(newRingDelay, "ringDelay"), talk);
    }
}
