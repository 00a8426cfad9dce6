package io.cti.pbxsim.calls;

import java.time.Duration;

/**
 * How long the simulated PBX's time-consuming steps take. {@code answerMediaWait} is Asterisk's 500 ms wait for
 * media after {@code Answer()} on a channel that was not up; {@code playback} is the length assumed for every
 * sound file {@code Playback()} plays. Immutable.
 */
public record PbxTiming(Duration answerMediaWait, Duration playback) {

    /** The timings of the reference recordings. */
    public static PbxTiming asterisk() {
        return new PbxTiming(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
