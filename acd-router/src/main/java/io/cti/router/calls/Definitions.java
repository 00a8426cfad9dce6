package io.cti.router.calls;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.cti.router.board.Staffing;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.StoredQueue;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.StoredAgent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active queue definitions and agent profiles from PostgreSQL, cached for a few seconds: routing reads them on
 * every round and they change rarely (a supervisor's edit reaches routing within {@code maxAge} and one reading;
 * a reading that finds the repositories' change mark as before reads nothing more).
 * Once the cache is older than {@code maxAge}, it is read again on a thread of its own while the old definitions
 * keep serving, so no event waits for the database (thousands of agent profiles take a while to read); only the
 * first reading, one after {@link #forget()}, and every reading with a {@code maxAge} of zero are made on the
 * caller's thread. Thread-safe.
 */
final class Definitions implements Staffing {

    private static final Logger LOG = LoggerFactory.getLogger(Definitions.class);

    /**
     * How often the definitions are read in full although their change mark stayed the same: an edit made straight in
     * the database, not through the repositories, raises no version and is seen then.
     */
    static final Duration FULL_READING = Duration.ofMinutes(1);

    /** What was read at {@code at}: in full at {@code readInFullAt}, with the repositories' change mark then. */
    private record Cached(Instant at, Instant readInFullAt, String mark, Map<QueueName, QueueDefinition> queues,
                          Map<AgentId, AgentProfile> agents) {

        boolean freshFor(String markNow, Instant now) {
            return mark.equals(markNow) && !now.isBefore(readInFullAt)
                    && now.isBefore(readInFullAt.plus(FULL_READING));
        }
    }

    private final QueueRepository queues;
    private final AgentRepository agents;
    private final Clock clock;
    private final Duration maxAge;
    /** Null until read, and after {@link #forget()}. */
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    /** Counts the readings that brought different definitions, so that whoever built on them can tell. */
    private final AtomicLong version = new AtomicLong();
    private final AtomicBoolean reading = new AtomicBoolean();

    Definitions(QueueRepository queues, AgentRepository agents, Clock clock, Duration maxAge) {
        this.queues = queues;
        this.agents = agents;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    List<QueueDefinition> queues() {
        return List.copyOf(current().queues().values());
    }

    Optional<QueueDefinition> queue(QueueName name) {
        return Optional.ofNullable(current().queues().get(name));
    }

    @Override
    public Optional<AgentProfile> profileOf(AgentId agent) {
        return Optional.ofNullable(current().agents().get(agent));
    }

    List<AgentProfile> agents() {
        return List.copyOf(current().agents().values());
    }

    /**
     * A number that changes whenever the definitions read differ from the ones read before (a queue or an agent
     * added, changed or retired), reading them first if the cache is due.
     */
    long version() {
        current();
        return version.get();
    }

    /** Reads the definitions again at the next use. */
    void forget() {
        cached.set(null);
    }

    private Cached current() {
        Cached now = cached.get();
        Instant at = clock.instant();
        if (now == null || maxAge.isZero()) {
            return read(now);
        }
        if ((Duration.between(now.at(), at).compareTo(maxAge) > 0 || at.isBefore(now.at()))
                && reading.compareAndSet(false, true)) {
            Cached before = now;
            Thread reader = new Thread(() -> {
                try {
                    read(before);
                } catch (RuntimeException e) {
                    // The definitions in hand keep serving; the next use past maxAge tries again.
                    LOG.warn("reading the queue and agent definitions failed; keeping those read before: {}",
                            e.toString());
                } finally {
                    reading.set(false);
                }
            }, "router-definitions");
            reader.setDaemon(true);
            reader.start();
        }
        return now;
    }

    /**
     * Reads the definitions and counts a new version if they differ from {@code before}. First the repositories'
     * change mark (a count and a sum of versions): if it is as at the last full reading, less than
     * {@link #FULL_READING} ago, nothing changed and nothing more is read (thousands of agent profiles every few
     * seconds otherwise). The mark is read before the definitions, so a change made while they are read shows in the
     * next mark.
     */
    private Cached read(Cached before) {
        Instant at = clock.instant();
        String mark = queues.changeMark() + "/" + agents.changeMark();
        if (before != null && before.freshFor(mark, at)) {
            return settle(before, new Cached(at, before.readInFullAt(), mark, before.queues(), before.agents()), false);
        }
        Cached now = new Cached(at, at, mark,
                queues.list(false).stream().map(StoredQueue::definition)
                        .collect(Collectors.toMap(QueueDefinition::name, Function.identity(), (a, b) -> a,
                                java.util.LinkedHashMap::new)),
                agents.list(false).stream().map(StoredAgent::profile)
                        .collect(Collectors.toMap(AgentProfile::id, Function.identity())));
        if (before != null && before.queues().equals(now.queues()) && before.agents().equals(now.agents())) {
            // Unchanged: keep the objects held since, so that those just read die young instead of being copied by
            // every young collection until the next full reading.
            return settle(before, new Cached(at, at, mark, before.queues(), before.agents()), false);
        }
        return settle(before, now, true);
    }

    /**
     * Puts {@code next} in the place of {@code before}, counting a new version if {@code changed}, unless another
     * reading or {@link #forget()} came first (a reading on its own thread may end after a newer one): then what is
     * in place serves, and {@code next} is dropped.
     */
    private Cached settle(Cached before, Cached next, boolean changed) {
        if (cached.compareAndSet(before, next)) {
            if (changed) {
                // After the definitions: whoever sees the new version must find them.
                version.incrementAndGet();
            }
            return next;
        }
        Cached current = cached.get();
        return current != null ? current : next;
    }
}
