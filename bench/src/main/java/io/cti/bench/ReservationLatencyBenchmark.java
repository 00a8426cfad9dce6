package io.cti.bench;

import io.cti.core.bus.BusOptions;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.calls.FlowPublishing;
import io.cti.router.calls.FlowSettings;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.staff.AgentProfile;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end through the router's real call flow, with reservations through a real (embedded) Redis: from the state
 * change that frees an agent ({@code ChangeAgentState} Ready, handled by {@link InboundCallFlow}'s bus handler) to
 * the {@link ConnectToAgent} command on the real {@link RedisStreamsBus} (its XADD acknowledged by Redis). On that
 * path the flow moves the agent on the board and its dispatcher's routing board decides, the reservation is made on
 * the board (one script: the agent Ready, the reservation, the agent Reserved, the call's record), sent without the
 * handling waiting for its answer, which the next handlings or the settle take in (publishing the connect command
 * then), and the handling's messages go to the bus as one pipelined batch that the handling does not wait for; as the
 * bus's worker does, the loop settles (takes every answer in and waits for what it published) after a read batch of
 * at most 100 messages or when no message is due.
 * The centre is {@link RouterScenario}'s (5,000 agents, 50 queues, 20 skills, 10,000 calls waiting), with the queue
 * and agent definitions in an embedded PostgreSQL as the flow reads them.
 *
 * <p>Around the measured router, as in production: another router process ({@link OtherRouter}, a child JVM)
 * answers each connected call, completing the
 * reservation and putting the agent Not ready on the same Redis, after which the agent may be freed again, and
 * queues new calls at the decision rate (another router's arrivals: the measured router learns them from the change
 * feed); a ticker runs the flow's tick every second and, as in the platform, a follower reads the change feed
 * {@code --follow-ms} (20) after each read ({@code 0}: only the ticks do). Every agent starts Not ready.
 *
 * <p>Paced and coordinated-omission-aware: agents are freed at {@code --decisions-per-second}, each latency recorded
 * from the event's intended start, so a stall counts against every event due behind it; the service time (from the
 * actual start) is recorded too. Baselines in the same run, at the same rate, recorded the same way: a bare PING
 * and an EVALSHA of a script that returns 1.
 *
 * <pre>java -cp "$CP" io.cti.bench.ReservationLatencyBenchmark --decisions-per-second=1000 --warmup-seconds=20 --seconds=60</pre>
 */
public final class ReservationLatencyBenchmark {

    /** Entries one read of the bus takes at most (the bus's default read batch): settled together. */
    private static final int READ_BATCH = 100;
    private final InboundCallFlow flow;
    private final Random events;
    /** Agents the answering side has put Not ready: the ones the loop may free. */
    private final List<AgentId> resting = new ArrayList<>();
    /** When Redis acknowledged the latest ConnectToAgent of each agent (nanoTime). */
    private final Map<AgentId, Long> connected = new ConcurrentHashMap<>();
    private final Histogram ticks = BenchSupport.histogram();
    /** How often the change feed is followed between ticks (nanoseconds; 0: only by the ticks). */
    private volatile long followEvery;
    /** CPU time the follower of the change feed took (nanoseconds). */
    private final LongAdder followCpu = new LongAdder();
    /** Reads of the change feed by the follower that failed (each logged). */
    private final AtomicLong followFailures = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time the ticks took (nanoseconds), apart from their waits for the flow's lock and for Redis. */
    private final LongAdder tickCpu = new LongAdder();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong fed = new AtomicLong();
    private volatile boolean running = true;
    /**
     * While true, the ticker skips its ticks and the follower its reads (to count the commands of the handling alone).
     */
    private volatile boolean paused;
    /** The other router's process: the rest of the centre. */
    private volatile OtherRouter.Link other;

    private ReservationLatencyBenchmark(InboundCallFlow flow, long seed) {
        this.flow = flow;
        this.events = new Random(seed * 17 + 3);
    }

    /** Latencies of one paced phase, in microseconds. */
    private static final class Phase {
        final Histogram freed = BenchSupport.histogram();
        final Histogram freedService = BenchSupport.histogram();
        final Histogram freedNoCall = BenchSupport.histogram();
        long events;
        long late;
        long starved;
        double seconds;
        String loadBefore;
        String loadAfter;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        long seed = BenchSupport.longArgument(a, "seed", 42);
        int agentCount = (int) BenchSupport.longArgument(a, "agents", 5000);
        int queueCount = (int) BenchSupport.longArgument(a, "queues", 50);
        int callCount = (int) BenchSupport.longArgument(a, "calls", 10_000);
        long rate = BenchSupport.longArgument(a, "decisions-per-second", 1000);
        long warmupSeconds = BenchSupport.longArgument(a, "warmup-seconds", 20);
        long seconds = BenchSupport.longArgument(a, "seconds", 60);
        long baselineSeconds = BenchSupport.longArgument(a, "baseline-seconds", 30);
        Path dir = Path.of(a.getOrDefault("dir", "bench/target/reservation-bench"));
        RouterSite.quietRouter();
        System.out.println("machine: " + BenchSupport.machine());
        RouterScenario scenario = new RouterScenario(seed, agentCount, queueCount);
        System.out.println("centre: " + scenario.describe());

        try (RouterSite site = RouterSite.start(dir.resolve("postgres"), "reservation_bench");
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0, false)) {
            long t = System.nanoTime();
            site.storeQueues(scenario.queues);
            site.storeAgents(scenario.agents);
            System.out.printf(Locale.ROOT, "definitions stored in PostgreSQL in %.1f s%n", (System.nanoTime() - t) / 1e9);
            RedisClient client = RedisClient.create(redis.uri());
            StatefulRedisConnection<String, String> routerConnection = client.connect();
            StatefulRedisConnection<String, String> otherConnection = client.connect();
            StatefulRedisConnection<String, String> feederConnection = client.connect();
            StatefulRedisConnection<String, String> baselineConnection = client.connect();
            String keyPrefix = "bench:router:";
            RouterKeys keys = RouterKeys.withPrefix(keyPrefix);
            Map<AgentId, AgentProfile> profiles = new HashMap<>();
            scenario.agents.forEach(agent -> profiles.put(agent.id(), RouterSite.profile(agent)));
            AgentBoard otherBoard = new AgentBoard(otherConnection.sync(), keys, ReadyAgents.on(otherConnection.sync(), keys),
                    id -> Optional.ofNullable(profiles.get(id)), message -> { }, Clock.systemUTC());
            t = System.nanoTime();
            for (Agent agent : scenario.agents) {
                otherBoard.moveTo(agent.id(), new AgentState.NotReady("bench"));
            }
            WaitingCalls feederCalls = WaitingCalls.on(feederConnection.sync(), keys);
            Random spread = new Random(seed);
            for (int i = 0; i < callCount; i++) {
                feederCalls.enqueue(RouterSite.queued(scenario.newCall(Instant.now().minusMillis(spread.nextInt(600_000)))));
            }
            System.out.printf(Locale.ROOT, "%d agents Not ready on the board and %d calls waiting in Redis in %.1f s%n",
                    agentCount, callCount, (System.nanoTime() - t) / 1e9);
            try (RedisStreamsBus bus = RedisStreamsBus.connect(redis.uri(),
                    BusOptions.builder().streamPrefix("bench:").build(), new SimpleMeterRegistry())) {
                ReservationLatencyBenchmark[] self = new ReservationLatencyBenchmark[1];
                StampedBus stamped = new StampedBus(bus, (message, nanos) -> self[0].acknowledged(message, nanos));
                CountedRedis counted = new CountedRedis();
                InboundCallFlow flow = site.flow(counted.wrap(routerConnection.sync()), keys, "bench-router",
                        FlowPublishing.onBus(stamped), FlowSettings.defaults().withRandomSeed(seed));
                ReservationLatencyBenchmark bench = new ReservationLatencyBenchmark(flow, seed);
                self[0] = bench;
                bench.followEvery = BenchSupport.longArgument(a, "follow-ms", 20) * 1_000_000L;
                scenario.agents.forEach(agent -> bench.resting.add(agent.id()));
                t = System.nanoTime();
                flow.tick();
                System.out.printf(Locale.ROOT, "router's first tick (reads its routing board) in %.1f s%n",
                        (System.nanoTime() - t) / 1e9);
                bench.other = OtherRouter.Link.start(redis.uri(), keyPrefix, seed, agentCount, queueCount, callCount,
                        rate, bench::rest, bench.fed);
                List<Thread> helpers = List.of(daemon("router-tick", bench::tick),
                        daemon("router-follower", bench::follow));
                helpers.forEach(Thread::start);
                Phase w = bench.paced(rate, warmupSeconds);
                report("warm-up, agent freed → ConnectToAgent published", w, rate);
                RedisCommands<String, String> base = baselineConnection.sync();
                Phase ping = pacedBaseline(rate, baselineSeconds, base::ping);
                reportBaseline("baseline: PING", ping);
                String sha = base.scriptLoad("return 1");
                Phase eval = pacedBaseline(rate, baselineSeconds,
                        () -> base.evalsha(sha, ScriptOutputType.INTEGER, new String[0]));
                reportBaseline("baseline: EVALSHA of 'return 1'", eval);
                bench.paused = true;
                counted.reset();
                long publishingBefore = stamped.publishingNanos();
                Phase alone = bench.paced(rate, Math.min(seconds, 5));
                double publishing = (stamped.publishingNanos() - publishingBefore) / 1e6 / alone.events;
                System.out.printf(Locale.ROOT, "Redis commands of the router per agent freed (%d freed at %d/s, no"
                        + " tick): %.2f, waited for %.3f ms: %s; publishing to the bus %.3f ms; the handling's mean"
                        + " from actual start %.3f ms%n", alone.events, rate, counted.total() / (double) alone.events,
                        counted.millisPerOperation(alone.events), counted.perOperation(alone.events), publishing,
                        alone.freedService.getMean() / 1000);
                bench.paused = false;
                // The ticks skipped meanwhile left the change feed behind: caught up before the measured phase, which
                // is the steady state.
                Phase resumed = bench.paced(rate, 5);
                System.out.printf(Locale.ROOT, "ticks resumed for 5 s before measuring: p99 %.3f ms, max %.3f ms%n",
                        resumed.freed.getValueAtPercentile(99) / 1000.0, resumed.freed.getMaxValue() / 1000.0);
                bench.ticks.reset();
                bench.tickCpu.reset();
                bench.followCpu.reset();
                base.configResetstat();
                long feedBefore = Long.parseLong(Optional.ofNullable(base.get(keys.changes() + ":count")).orElse("0"));
                String redisCpuBefore = base.info("cpu");
                double ownCpuBefore = BenchSupport.processCpuSeconds();
                double postgresCpuBefore = BenchSupport.postgresCpuSeconds(site.postgres.server().dataDirectory());
                long publishedBefore = bench.published.get();
                long fedBefore = bench.fed.get();
                double otherCpuBefore = bench.other.cpuSeconds();
                Map<String, Long> threadsBefore = threadCpu();
                long handlingCpuBefore = THREADS.getCurrentThreadCpuTime();
                long staleBefore = flow.board().staleMoves();
                Phase m = bench.paced(rate, seconds);
                long stale = flow.board().staleMoves() - staleBefore;
                double handlingCpu = (THREADS.getCurrentThreadCpuTime() - handlingCpuBefore) / 1e9;
                report("measured, agent freed → ConnectToAgent published", m, rate);
                System.out.printf(Locale.ROOT, "measured phase: %d ConnectToAgent published in all (%.0f/s), %d calls"
                                + " queued by the feeder; ticks:%n", bench.published.get() - publishedBefore,
                        (bench.published.get() - publishedBefore) / m.seconds, bench.fed.get() - fedBefore);
                System.out.println(BenchSupport.PERCENTILE_HEADER);
                System.out.println(BenchSupport.percentiles("router tick (its parts each under the lock)", bench.ticks));
                System.out.printf(Locale.ROOT, "CPU of the router's handling thread %.1f s (%.3f ms per agent freed,"
                                + " the pacing's spinning included), of its ticks %.1f s, in %.1f s%n", handlingCpu,
                        handlingCpu * 1000 / m.events, bench.tickCpu.sum() / 1e9, m.seconds);
                System.out.printf(Locale.ROOT, "change feed followed %d ms after each read between the ticks: %.1f s"
                                + " of CPU, %d failed reads; moves refused as stale and made again: %d (%.3f per agent"
                                + " freed)%n", bench.followEvery / 1_000_000, bench.followCpu.sum() / 1e9,
                        bench.followFailures.get(), stale, stale / (double) m.events);
                long feedAfter = Long.parseLong(Optional.ofNullable(base.get(keys.changes() + ":count")).orElse("0"));
                System.out.printf(Locale.ROOT, "change feed: %d entries in the measured phase (%.1f per agent freed)%n",
                        feedAfter - feedBefore, (feedAfter - feedBefore) / (double) m.events);
                System.out.println("CPU by thread in the measured phase: " + busiest(threadsBefore, threadCpu(), 8));
                double own = BenchSupport.processCpuSeconds() - ownCpuBefore;
                double other = bench.other.cpuSeconds() - otherCpuBefore;
                System.out.printf(Locale.ROOT, "CPU of the other router's process in the measured phase: %.1f s%n",
                        other);
                double postgres = BenchSupport.postgresCpuSeconds(site.postgres.server().dataDirectory())
                        - postgresCpuBefore;
                String redisCpuAfter = base.info("cpu");
                double redisCpu = RedisWork.cpuSeconds(redisCpuAfter) - RedisWork.cpuSeconds(redisCpuBefore);
                double capacity = m.seconds * Runtime.getRuntime().availableProcessors();
                double centre = own + other + postgres + redisCpu;
                System.out.printf(Locale.ROOT, "CPU of the centre in the measured phase: %.1f of %.1f core-seconds"
                                + " (%.0f%%): this JVM %.1f s, the other router's process %.1f s, PostgreSQL %.1f s,"
                                + " Redis %.1f s%n", centre, capacity, 100 * centre / capacity, own, other, postgres,
                        redisCpu);
                System.out.println(RedisWork.used(redisCpu, m.seconds) + "; by command: "
                        + RedisWork.topCommands(base.info("commandstats"), m.events, 8));
                double p50 = m.freed.getValueAtPercentile(50);
                double p99 = m.freed.getValueAtPercentile(99);
                System.out.printf(Locale.ROOT, "ratio to a bare PING at the same rate: p50 %.1fx, p99 %.1fx; to EVALSHA:"
                                + " p50 %.1fx, p99 %.1fx%n", p50 / ping.freed.getValueAtPercentile(50),
                        p99 / ping.freed.getValueAtPercentile(99), p50 / eval.freed.getValueAtPercentile(50),
                        p99 / eval.freed.getValueAtPercentile(99));
                System.out.printf(Locale.ROOT, "goal p99 <= 5 ms at %d decisions/s: %s (p99 %.3f ms, max %.3f ms)%n",
                        rate, p99 <= 5000 ? "met" : "NOT met", p99 / 1000, m.freed.getMaxValue() / 1000.0);
                bench.running = false;
                for (Thread helper : helpers) {
                    helper.join(10_000);
                }
                bench.other.close();
            } finally {
                routerConnection.close();
                otherConnection.close();
                feederConnection.close();
                baselineConnection.close();
                client.shutdown();
            }
        }
        System.out.println("load average at the end: " + BenchSupport.loadAverage());
    }

    /** CPU time so far of every live thread, by name (threads of one name added up). */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
            long nanos = THREADS.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                cpu.merge(info.getThreadName(), nanos, Long::sum);
            }
        }
        return cpu;
    }

    private static String busiest(Map<String, Long> before, Map<String, Long> after, int limit) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue() / 1e9))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void acknowledged(DomainMessage message, long nanos) {
        if (message instanceof ConnectToAgent connect) {
            connected.put(connect.agentId(), nanos);
            other.connected(connect.callId(), connect.agentId(), connect.fencingToken());
            published.incrementAndGet();
        }
    }

    /** The agent was put Not ready by the other router: they may be freed again. */
    private void rest(AgentId agent) {
        synchronized (resting) {
            resting.add(agent);
        }
    }

    private void tick() {
        long next = System.nanoTime();
        while (running) {
            next += 1_000_000_000L;
            waitUntil(next);
            if (!running) {
                return;
            }
            if (paused) {
                continue;
            }
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            flow.tick();
            ticks.recordValue((System.nanoTime() - t0) / 1000);
            tickCpu.add(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    /** As the platform's router does: the change feed followed every {@code followEvery} between the ticks. */
    private void follow() {
        while (running && followEvery > 0) {
            LockSupport.parkNanos(followEvery);
            if (!paused) {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try {
                    flow.followChanges();
                } catch (RuntimeException e) {
                    // As the platform's follower: the next read goes on; counted in the report.
                    followFailures.incrementAndGet();
                    System.out.println("following the change feed failed: " + e);
                }
                followCpu.add(THREADS.getCurrentThreadCpuTime() - cpu0);
            }
        }
    }

    /**
     * Frees agents at {@code eventsPerSecond} through the flow's bus handler, settling as the bus's worker does: after
     * a read batch (at most {@link #READ_BATCH} handlings) or when the next message is not there yet. A handling's
     * messages leave without waiting; the latency of each agent freed ends when Redis acknowledged its
     * ConnectToAgent, read once its batch is settled.
     */
    private Phase paced(long eventsPerSecond, long seconds) {
        Phase p = new Phase();
        p.loadBefore = BenchSupport.loadAverage();
        MessageHandler handler = flow.busHandler();
        List<long[]> unsettled = new ArrayList<>();
        List<AgentId> unsettledAgents = new ArrayList<>();
        long period = 1_000_000_000L / eventsPerSecond;
        long count = eventsPerSecond * seconds;
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++) {
            long intended = start + i * period;
            waitUntil(intended);
            long actual = System.nanoTime();
            if (actual - intended > period) {
                p.late++;
            }
            AgentId agent = takeRestingAgent();
            if (agent == null) {
                p.starved++;
                continue;
            }
            connected.remove(agent);
            try {
                handler.handle(ChangeAgentState.now(agent, AgentStatus.READY, ""));
            } catch (Exception e) {
                throw new IllegalStateException("the flow failed on freeing " + agent.value(), e);
            }
            unsettled.add(new long[] {intended, actual});
            unsettledAgents.add(agent);
            p.events++;
            if (unsettled.size() >= READ_BATCH || start + (i + 1) * period > System.nanoTime()) {
                settle(handler, p, unsettled, unsettledAgents);
            }
        }
        settle(handler, p, unsettled, unsettledAgents);
        p.seconds = (System.nanoTime() - start) / 1e9;
        p.loadAfter = BenchSupport.loadAverage();
        return p;
    }

    private void settle(MessageHandler handler, Phase p, List<long[]> times, List<AgentId> agents) {
        try {
            handler.settle();
        } catch (Exception e) {
            throw new IllegalStateException("the flow's messages were not published", e);
        }
        long end = System.nanoTime();
        for (int i = 0; i < agents.size(); i++) {
            long intended = times.get(i)[0];
            long actual = times.get(i)[1];
            Long ack = connected.remove(agents.get(i));
            if (ack != null && ack >= actual) {
                p.freed.recordValue((ack - intended) / 1000);
                p.freedService.recordValue((ack - actual) / 1000);
            } else {
                p.freedNoCall.recordValue((end - intended) / 1000);
            }
        }
        times.clear();
        agents.clear();
    }

    private AgentId takeRestingAgent() {
        synchronized (resting) {
            if (resting.isEmpty()) {
                return null;
            }
            int at = events.nextInt(resting.size());
            AgentId agent = resting.get(at);
            resting.set(at, resting.get(resting.size() - 1));
            resting.remove(resting.size() - 1);
            return agent;
        }
    }

    /** Waits until {@code due} on System.nanoTime: parks while far, spins the last 60 µs. */
    private static void waitUntil(long due) {
        long d;
        while ((d = due - System.nanoTime()) > 0) {
            if (d > 80_000) {
                LockSupport.parkNanos(d - 60_000);
            } else {
                Thread.onSpinWait();
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static Phase pacedBaseline(long perSecond, long seconds, Runnable op) {
        Phase p = new Phase();
        p.loadBefore = BenchSupport.loadAverage();
        long period = 1_000_000_000L / perSecond;
        long count = perSecond * seconds;
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < count; i++) {
            long intended = start + i * period;
            waitUntil(intended);
            long actual = System.nanoTime();
            if (actual - intended > period) {
                p.late++;
            }
            op.run();
            long end = System.nanoTime();
            p.freed.recordValue((end - intended) / 1000);
            p.freedService.recordValue((end - actual) / 1000);
            p.events++;
        }
        p.seconds = (System.nanoTime() - start) / 1e9;
        p.loadAfter = BenchSupport.loadAverage();
        return p;
    }

    private static void report(String name, Phase p, long rate) {
        System.out.printf(Locale.ROOT, "%s: %d agents freed, paced at %d/s over %.1f s (started more than one period"
                        + " late: %d; no Not ready agent to free: %d); load average %s before, %s after%n", name,
                p.events, rate, p.seconds, p.late, p.starved, p.loadBefore, p.loadAfter);
        System.out.println(BenchSupport.PERCENTILE_HEADER);
        System.out.println(BenchSupport.percentiles("agent freed → ConnectToAgent published (from intended start)",
                p.freed));
        System.out.println(BenchSupport.percentiles("same, from actual start (no waiting for the harness)",
                p.freedService));
        System.out.println(BenchSupport.percentiles("agent freed, no call for them (handling only)", p.freedNoCall));
    }

    private static void reportBaseline(String name, Phase p) {
        System.out.printf(Locale.ROOT, "%s: %d requests paced at %d/s (late %d); load average %s before, %s after%n",
                name, p.events, Math.round(p.events / p.seconds), p.late, p.loadBefore, p.loadAfter);
        System.out.println(BenchSupport.PERCENTILE_HEADER);
        System.out.println(BenchSupport.percentiles(name + " (from intended start)", p.freed));
        System.out.println(BenchSupport.percentiles(name + " (from actual start)", p.freedService));
    }
}
