package io.cti.router.agents;

import io.cti.core.ids.CallId;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an agent is in the life of a call, as the console and the router see it. Which state may follow which is
 * decided in one place, {@link AgentTransitions}. Every state is an immutable value.
 */
public sealed interface AgentState {

    /** The agent is not at the console; the router never considers them. */
    record LoggedOut() implements AgentState {
        @Override
        public String toString() {
            return "LoggedOut";
        }
    }

    /** The agent waits for a call; the only state the router gives calls to. */
    record Ready() implements AgentState {
        @Override
        public String toString() {
            return "Ready";
        }
    }

    /** A router has set the agent aside for {@code call}; their phone does not ring yet. */
    record Reserved(CallId call) implements AgentState {
        public Reserved {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public String toString() {
            return "Reserved(" + call + ")";
        }
    }

    /** The agent's phone rings with {@code call}; the screen-pop is on their console. */
    record Ringing(CallId call) implements AgentState {
        public Ringing {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public String toString() {
            return "Ringing(" + call + ")";
        }
    }

    /** The agent talks with the caller of {@code call}. */
    record OnCall(CallId call) implements AgentState {
        public OnCall {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public String toString() {
            return "OnCall(" + call + ")";
        }
    }

    /** After the call the agent writes the disposition and notes, until {@code endsAt} (per-queue wrap-up time). */
    record WrapUp(Instant endsAt) implements AgentState {
        public WrapUp {
            Objects.requireNonNull(endsAt, "endsAt");
        }

        /** Whether the wrap-up time is over at {@code now}, so the agent is due back to Ready. */
        public boolean isOverAt(Instant now) {
            return !now.isBefore(endsAt);
        }

        @Override
        public String toString() {
            return "WrapUp(until " + endsAt + ")";
        }
    }

    /** The agent is logged in but takes no calls, for {@code reason} (a reason code such as "lunch" or "no-answer"). */
    record NotReady(String reason) implements AgentState {

        /** The reason given when an agent let a call ring out (RONA). */
        /** RONA's reason: the code stored as a system reason code (set by the platform, never chosen by an agent). */
        public static final String NO_ANSWER = "no-answer";

        public NotReady {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a Not ready state needs a reason code");
            }
        }

        @Override
        public String toString() {
            return "NotReady(" + reason + ")";
        }
    }

    LoggedOut LOGGED_OUT = new LoggedOut();
    Ready READY = new Ready();
}
