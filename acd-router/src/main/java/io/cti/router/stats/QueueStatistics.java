package io.cti.router.stats;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.RouterException;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.waiting.QueueDepth;
import io.cti.router.waiting.RedisScript;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The queues' and agents' call outcomes (answered, abandoned, completed), kept in Redis so that every router
 * process counts into the same figures and reads them whole: with several routers on one Redis each call is
 * counted once, by whichever router handles its event first, and every router's snapshot is the same. A call's
 * outcome is counted with a marker of that call in one script, so a redelivered event or two routers reporting it
 * change nothing. "Today" is the calendar day of the center's zone in which the outcome happened, so the day's
 * counts start afresh at local midnight, on 23- and 25-hour days too; the rolling window holds the last 15
 * minutes' outcomes. Calls waiting and the longest wait come from the waiting calls themselves. Thread-safe (the
 * Lettuce connection is).
 *
 * <pre>
 * R:stats:call:&lt;callId&gt;                 hash  answered, abandoned, completed: counted markers (2 days)
 * R:stats:day:&lt;date&gt;:queue:&lt;queue&gt;      hash  answered, answeredInTarget, answerWaitMs, abandoned, shortAbandoned,
 *                                             completed, handleMs, and per quarter hour n of the day
 *                                             slot:&lt;n&gt;:answered, :answeredInTarget, :abandoned, :shortAbandoned
 *                                             (3 days)
 * R:stats:day:&lt;date&gt;:agent:&lt;agentId&gt;    hash  completed, handleMs (3 days)
 * R:stats:window:&lt;queue&gt;                 zset  answered 'a:&lt;in target 0|1&gt;:&lt;ms to answer&gt;:&lt;callId&gt;' and
 *                                             abandoned 'x:&lt;callId&gt;' by the time they happened (ms)
 * </pre>
 */
public final class QueueStatistics {

    /** The span of the rolling service level. */
    public static final Duration ROLLING = Duration.ofMinutes(15);
    /** The span of one slot of the day's charts. */
    public static final Duration SLOT = Duration.ofMinutes(15);
    private static final String SLOT_PREFIX = "slot:";

    private static final RedisScript COUNT = RedisScript.load("/io/cti/router/stats/count.lua");
    private static final RedisScript WINDOW = RedisScript.load("/io/cti/router/stats/window.lua");
    /** Today's and yesterday's counts stay readable whatever the offset of the center's zone. */
    private static final Duration DAY_KEPT = Duration.ofDays(3);
    private static final Duration MARKER_KEPT = Duration.ofDays(2);
    /** An outcome reported late still falls in the window while it matters; older ones leave it. */
    private static final Duration WINDOW_KEPT = ROLLING.plusHours(1);

    private final RedisCommands<String, String> redis;
    private final RouterKeys keys;
    private final ZoneId zone;

    public QueueStatistics(RedisCommands<String, String> redis, RouterKeys keys, ZoneId zone) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** An agent answered the call at {@code at} after it waited {@code waited}; true if counted now. */
    public boolean answered(QueueName queue, CallId call, Instant at, Duration waited, ServiceLevelTarget target) {
        boolean inTarget = target.met(waited);
        long millis = Math.max(0, waited.toMillis());
        String slot = slotPrefix(at);
        return count(call, "answered", queue, at, "a:" + (inTarget ? 1 : 0) + ":" + millis + ":" + call.value(),
                List.of(Tally.ANSWERED, "1", Tally.ANSWERED_IN_TARGET, inTarget ? "1" : "0",
                        Tally.ANSWER_WAIT_MS, Long.toString(millis),
                        slot + Tally.ANSWERED, "1", slot + Tally.ANSWERED_IN_TARGET, inTarget ? "1" : "0"), null, List.of());
    }

    /**
     * The caller hung up at {@code at} after waiting {@code waited}, unanswered; shorter than {@code shortAbandon},
     * it is a short abandon, counted apart and left out of the rates. True if counted now.
     */
    public boolean abandoned(QueueName queue, CallId call, Instant at, Duration waited, Duration shortAbandon) {
        if (waited.compareTo(shortAbandon) < 0) {
            return count(call, "abandoned", queue, at, "", List.of(Tally.SHORT_ABANDONED, "1",
                    slotPrefix(at) + Tally.SHORT_ABANDONED, "1"), null, List.of());
        }
        return count(call, "abandoned", queue, at, "x:" + call.value(), List.of(Tally.ABANDONED, "1",
                slotPrefix(at) + Tally.ABANDONED, "1"), null, List.of());
    }

    /** The agent finished the call's wrap-up at {@code at}: {@code handled} is talk + hold + wrap-up. */
    public boolean completed(QueueName queue, AgentId agent, CallId call, Instant at, Duration handled) {
        String millis = Long.toString(Math.max(0, handled.toMillis()));
        return count(call, "completed", queue, at, "", List.of(Tally.COMPLETED, "1", Tally.HANDLE_MS, millis),
                agent, List.of(Tally.COMPLETED, "1", Tally.HANDLE_MS, millis));
    }

    /** The queue's figures at {@code now}, with the calls waiting as {@code depth} says. */
    public QueueFigures figures(QueueName queue, QueueDepth depth, Instant now) {
        // The day's totals only: the hash also holds every quarter hour of the day so far.
        Tally today = Tally.of(read(() -> totalsOf(dayKey(dayOf(now), queue)), queue));
        List<Long> window = WINDOW.run(redis, ScriptOutputType.MULTI, new String[] {windowKey(queue)},
                Long.toString(now.minus(ROLLING).toEpochMilli()));
        Tally rolling = new Tally(window.get(0), window.get(1), window.get(2), window.get(3), 0, 0, 0);
        return new QueueFigures(queue, now, (int) depth.waiting(), depth.longestWait(now), rolling.serviceLevel(),
                today.serviceLevel(), today.averageSpeedOfAnswer(), today.averageHandleTime(), today.abandonRate(),
                (int) today.answered(), (int) today.abandoned(), (int) today.shortAbandoned());
    }

    /** The agent's calls completed today, in the center's zone, as of {@code now}. */
    public AgentDay agentToday(AgentId agent, Instant now) {
        Map<String, String> hash = read(() -> redis.hgetall(agentKey(dayOf(now), agent)), agent);
        Tally tally = Tally.of(hash);
        return tally.completed() == 0 ? AgentDay.NONE
                : new AgentDay((int) tally.completed(), Duration.ofMillis(tally.handleMillis()));
    }

    /**
     * The queue's day so far in the center's zone, quarter hour by quarter hour from local midnight up to the one
     * holding {@code now}, empty ones included.
     */
    public List<DaySlot> today(QueueName queue, Instant now) {
        LocalDate day = dayOf(now);
        Map<String, String> hash = read(() -> redis.hgetall(dayKey(day, queue)), queue);
        Map<Long, Map<String, String>> bySlot = new HashMap<>();
        hash.forEach((field, value) -> {
            if (field.startsWith(SLOT_PREFIX)) {
                int colon = field.indexOf(':', SLOT_PREFIX.length());
                long slot = Long.parseLong(field.substring(SLOT_PREFIX.length(), colon));
                bySlot.computeIfAbsent(slot, n -> new HashMap<>()).put(field.substring(colon + 1), value);
            }
        });
        Instant midnight = day.atStartOfDay(zone).toInstant();
        long current = slotOf(now);
        List<DaySlot> slots = new ArrayList<>((int) current + 1);
        for (long n = 0; n <= current; n++) {
            slots.add(DaySlot.of(midnight.plus(SLOT.multipliedBy(n)), Tally.of(bySlot.getOrDefault(n, Map.of()))));
        }
        return slots;
    }

    /** The quarter hour of the center's day that {@code at} falls in, counted from local midnight (0-99). */
    long slotOf(Instant at) {
        Instant midnight = dayOf(at).atStartOfDay(zone).toInstant();
        return Duration.between(midnight, at).toMinutes() / SLOT.toMinutes();
    }

    private String slotPrefix(Instant at) {
        return SLOT_PREFIX + slotOf(at) + ":";
    }

    /** The center's calendar day of {@code at}. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private boolean count(CallId call, String outcome, QueueName queue, Instant at, String windowMember,
                          List<String> queuePairs, AgentId agent, List<String> agentPairs) {
        LocalDate day = dayOf(at);
        List<String> args = new ArrayList<>(List.of(outcome, Long.toString(DAY_KEPT.toSeconds()),
                Long.toString(MARKER_KEPT.toSeconds()), windowMember, Long.toString(at.toEpochMilli()),
                Long.toString(at.minus(WINDOW_KEPT).toEpochMilli()), Integer.toString(queuePairs.size() / 2)));
        args.addAll(queuePairs);
        args.addAll(agentPairs);
        String agentKey = agent == null ? dayKey(day, queue) : agentKey(day, agent);
        Long counted = COUNT.run(redis, ScriptOutputType.INTEGER,
                new String[] {callKey(call), dayKey(day, queue), windowKey(queue), agentKey},
                args.toArray(String[]::new));
        return counted == 1;
    }

    private String callKey(CallId call) {
        return keys.root() + "stats:call:" + call.value();
    }

    private String dayKey(LocalDate day, QueueName queue) {
        return keys.root() + "stats:day:" + day + ":queue:" + queue.value();
    }

    private String agentKey(LocalDate day, AgentId agent) {
        return keys.root() + "stats:day:" + day + ":agent:" + agent.value();
    }

    private String windowKey(QueueName queue) {
        return keys.root() + "stats:window:" + queue.value();
    }

    private Map<String, String> totalsOf(String dayKey) {
        Map<String, String> totals = new HashMap<>();
        for (KeyValue<String, String> field : redis.hmget(dayKey, Tally.FIELDS)) {
            field.ifHasValue(value -> totals.put(field.getKey(), value));
        }
        return totals;
    }

    private static <T> T read(Supplier<T> command, Object of) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable("reading the statistics of " + of, e);
        }
    }
}
