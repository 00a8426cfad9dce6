package io.cti.router.staff;

import java.util.Objects;
import java.util.Set;

/**
 * Why an agent is Not ready ({@code lunch}, {@code training}, {@code no-answer} after a ring timeout), with the
 * label the console shows, whether the time counts as productive in agent statistics, and whether agents are still
 * offered it (a retired code stays for the history that names it). Immutable.
 */
public record ReasonCode(String code, String label, boolean productive, boolean active) {

    /** Set by the router itself when an agent does not answer a call within the ring timeout (RONA). */
    public static final String NO_ANSWER = "no-answer";

    /** Codes only the platform sets: an agent is never offered them, and they cannot be retired. */
    static final Set<String> SYSTEM = Set.of(NO_ANSWER);

    public ReasonCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    /** A code as it is added: active. */
    public ReasonCode(String code, String label, boolean productive) {
        this(code, label, productive, true);
    }

    /** Whether the platform sets this code itself, so that an agent cannot choose it. */
    public boolean system() {
        return SYSTEM.contains(code);
    }

    /** Whether an agent going Not ready may pick this code. */
    public boolean offeredToAgents() {
        return active && !system();
    }
}
