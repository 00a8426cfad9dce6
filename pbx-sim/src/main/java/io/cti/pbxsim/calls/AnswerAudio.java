package io.cti.pbxsim.calls;

import java.time.Duration;

/**
 * What the far end of an answered call sounds like in its first seconds, which is all answering-machine detection
 * (the AMD application) listens to: a pause, then voice for a while, then silence. pbx-sim moves no media; an
 * endpoint says which of these it is when it answers. Immutable.
 */
public enum AnswerAudio {

    /** A person: a short pause, "Hello?" (0.7 s), then silence while they wait for someone to speak. */
    PERSON(Duration.ofMillis(400), Duration.ofMillis(700)),

    /** An answering machine: a short pause, then a greeting that goes on for many seconds. */
    MACHINE(Duration.ofMillis(300), Duration.ofSeconds(15)),

    /** Nothing at all: a dead line, or someone who answers and says nothing. */
    SILENCE(Duration.ZERO, Duration.ZERO);

    private final Duration pauseBeforeVoice;
    private final Duration voice;

    AnswerAudio(Duration pauseBeforeVoice, Duration voice) {
        this.pauseBeforeVoice = pauseBeforeVoice;
        this.voice = voice;
    }

    /** Silence from the answer until the voice starts. */
    public Duration pauseBeforeVoice() {
        return pauseBeforeVoice;
    }

    /** How long the voice lasts (a greeting). */
    public Duration voice() {
        return voice;
    }

    /** When, after the answer, the far end stops talking and starts waiting. */
    public Duration greetingEnd() {
        return pauseBeforeVoice.plus(voice);
    }

    /** True when the far end is talking {@code elapsed} after the answer. */
    boolean voiceAt(Duration elapsed) {
        return elapsed.compareTo(pauseBeforeVoice) >= 0 && elapsed.compareTo(greetingEnd()) < 0;
    }
}
