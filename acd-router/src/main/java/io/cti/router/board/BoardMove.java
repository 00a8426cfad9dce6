package io.cti.router.board;

import java.util.Objects;

/** What became of one requested move of an agent on the {@link AgentBoard}. Immutable values. */
public sealed interface BoardMove {

    /** The agent as they are after the attempt (moved or not). */
    BoardEntry current();

    /** The move was written: {@code before} and {@code after}. */
    record Moved(BoardEntry before, BoardEntry after) implements BoardMove {
        public Moved {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }

        @Override
        public BoardEntry current() {
            return after;
        }
    }

    /** The transition rules refuse the move; nothing changed. */
    record Refused(BoardEntry current, String reason) implements BoardMove {
    }

    /** Nothing to do: the agent already is where the move would take them (a redelivered event). */
    record Unchanged(BoardEntry current) implements BoardMove {
    }

    /**
     * Another router moved the agent since the entry the attempt started from was read; nothing written (only from a
     * single attempt). {@code current} is the agent as found on the board by the attempt.
     */
    record Stale(BoardEntry current) implements BoardMove {
    }

    default boolean moved() {
        return this instanceof Moved;
    }
}
