package io.cti.router.board;

import io.cti.core.ids.AgentId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last entry an {@link AgentBoard} read or wrote of each agent, newest revision kept, and when the whole board
 * was last read. Entries may be behind what other routers did since; every move checks the revision in Redis.
 * Entries are of one day (in the center's zone): their counts of calls and talk are that day's, so a new day
 * starts with nothing remembered. Thread-safe.
 */
final class BoardMemory {

    private final ConcurrentHashMap<AgentId, BoardEntry> entries = new ConcurrentHashMap<>();
    private final long allMaxAgeNanos;
    private volatile long allReadAt;
    private volatile boolean allRead;
    private volatile LocalDate day;

    BoardMemory(Duration allMaxAge) {
        if (allMaxAge.isNegative()) {
            throw new IllegalArgumentException("the board's age cannot be negative: " + allMaxAge);
        }
        this.allMaxAgeNanos = allMaxAge.toNanos();
    }

    /** Forgets every entry if {@code today} is not the day they were remembered on. */
    void dayIs(LocalDate today) {
        if (today.equals(day)) {
            return;
        }
        synchronized (this) {
            if (!today.equals(day)) {
                entries.clear();
                allRead = false;
                day = today;
            }
        }
    }

    /** Keeps {@code entry} unless a newer revision of the agent is known; returns the entry given. */
    BoardEntry remember(BoardEntry entry) {
        entries.merge(entry.agent().id(), entry, (known, given) -> given.revision() >= known.revision() ? given : known);
        return entry;
    }

    Optional<BoardEntry> get(AgentId agent) {
        return Optional.ofNullable(entries.get(agent));
    }

    /** Forgets the agent's entry if it is still the one at {@code revision} (it turned out to be behind). */
    void forget(AgentId agent, long revision) {
        entries.computeIfPresent(agent, (id, known) -> known.revision() == revision ? null : known);
    }

    /** The agents that were ever on the board (revision above 0), as last seen. */
    Collection<BoardEntry> onBoard() {
        return entries.values().stream().filter(e -> e.revision() > 0).toList();
    }

    void readAllAt(long nanos) {
        allReadAt = nanos;
        allRead = true;
    }

    /** Whether {@link AgentBoard#all()} must read Redis: never read, or read longer ago than allowed. */
    boolean allIsStale() {
        return !allRead || allMaxAgeNanos == 0 || System.nanoTime() - allReadAt > allMaxAgeNanos;
    }
}
