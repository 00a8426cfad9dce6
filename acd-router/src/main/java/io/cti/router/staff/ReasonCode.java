package io.cti.router.staff;

import java.util.Objects;

/**
 * Why an agent is Not ready ({@code lunch}, {@code training}, {@code no-answer} after a ring timeout), with the
 * label the console shows and whether the time counts as productive in agent statistics. Immutable.
 */
public record ReasonCode(String code, String label, boolean productive) {

    /** Set by the router itself when an agent does not answer a call within the ring timeout (RONA). */
    public static final String NO_ANSWER = "no-answer";

    public ReasonCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
