package io.cti.bench;

import io.cti.core.bus.BusOptions;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.ConnectToAgent;
import io.cti.router.agents.Agent;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.ReservationAttempt;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.reservations.TokenOutcome;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.routing.Router;
import io.cti.router.routing.RoutingBoard;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.RoutingSnapshot;
import io.cti.router.routing.WaitingCall;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end with reservations through a real (embedded) Redis: from the state change that frees an agent
 * ({@link ReadyAgents#markReady}) through the {@link RoutingBoard}'s decision and {@link Reservations#reserve} to the
 * {@link ConnectToAgent} command published on the real {@link RedisStreamsBus} (XADD acknowledged), the way the
 * router's flow does it. The centre is {@link RouterScenario}'s (5,000 agents, 50 queues, 10,000 calls waiting, all
 * of them enqueued in Redis with {@link WaitingCalls} and held on the board).
 *
 * <p>Paced, coordinated-omission-aware: events are due at a fixed rate ({@code --decisions-per-second} × 2,
 * alternating an agent freed and a call arriving, so that decisions run at about {@code --decisions-per-second});
 * each latency is recorded from the event's intended start, so a stall delays and counts against every event due
 * behind it. A call arrival hands the board a call that a feeder thread has already enqueued in Redis (its own
 * connection; in production the arrival is another event), and reserves and connects if a free agent takes it. The agent answering is another event in production: a second thread completes each
 * reservation on its own connection (agent and call busy), so the agent can be freed again later.
 *
 * <p>Baselines in the same run and at the same rate, recorded the same way: a bare Redis PING, and an EVALSHA of a
 * script that returns 1, on the same kind of Lettuce connection.
 *
 * <pre>java -cp "$CP" io.cti.bench.ReservationLatencyBenchmark --decisions-per-second=1000 --warmup-seconds=20 --seconds=60</pre>
 */
public final class ReservationLatencyBenchmark {

    private static final Duration RESERVATION_TIMEOUT = Duration.ofSeconds(10);

    private final RouterScenario scenario;
    private final RoutingBoard board;
    private final WaitingCalls waiting;
    private final Reservations reservations;
    private final ReadyAgents ready;
    private final RedisStreamsBus bus;
    private final Map<AgentId, Agent> agents = new HashMap<>();
    private final List<AgentId> busy = new ArrayList<>();
    private final Map<io.cti.core.ids.QueueName, QueueDefinition> queues = new HashMap<>();
    private final Random events;
    private record Answer(FencingToken token, AgentId agent) {
    }

    private final List<Answer> toComplete = new ArrayList<>();
    private final LinkedBlockingQueue<Answer> completions = new LinkedBlockingQueue<>();
    /** Agents whose reservation the completer has settled: on a call now, and free to be freed again. */
    private final java.util.concurrent.ConcurrentLinkedQueue<AgentId> answered =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final Histogram stepReady = BenchSupport.histogram();
    private final Histogram stepBoard = BenchSupport.histogram();
    private final Histogram stepReserve = BenchSupport.histogram();
    private final Histogram stepPublish = BenchSupport.histogram();
    /** Calls the feeder thread has already enqueued in Redis, for the paced loop to hand to the board. */
    private final ArrayBlockingQueue<WaitingCall> arrivals = new ArrayBlockingQueue<>(4000);
    private final Map<String, Long> refusals = new java.util.TreeMap<>();
    private final AtomicLong completeNotDone = new AtomicLong();
    private long loopStart;
    private boolean recordSteps;

    private long decisions;
    private long granted;
    private long refused;
    private long published;
    private long freedWithoutCall;
    private long arrivalsRouted;

    private ReservationLatencyBenchmark(RouterScenario scenario, RoutingBoard board, WaitingCalls waiting,
                                        Reservations reservations, ReadyAgents ready, RedisStreamsBus bus, long seed) {
        this.scenario = scenario;
        this.board = board;
        this.waiting = waiting;
        this.reservations = reservations;
        this.ready = ready;
        this.bus = bus;
        scenario.agents.forEach(a -> agents.put(a.id(), a));
        busy.addAll(agents.keySet());
        scenario.queues.forEach(q -> queues.put(q.name(), q));
        events = new Random(seed * 17 + 3);
    }

    /** Latencies of one paced phase, in microseconds. */
    private static final class Phase {
        final Histogram freed = BenchSupport.histogram();
        final Histogram freedService = BenchSupport.histogram();
        final Histogram freedNoCall = BenchSupport.histogram();
        final Histogram arrival = BenchSupport.histogram();
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
        System.out.println("machine: " + BenchSupport.machine());

        RouterScenario scenario = new RouterScenario(seed, agentCount, queueCount);
        System.out.println("centre: " + scenario.describe());
        List<WaitingCall> backlog = scenario.backlog(callCount, Duration.ofMinutes(10));
        Path dir = Path.of(a.getOrDefault("dir", "bench/target/reservation-redis"));
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir, 0, false)) {
            RedisClient client = RedisClient.create(redis.uri());
            StatefulRedisConnection<String, String> connection = client.connect();
            StatefulRedisConnection<String, String> baselineConnection = client.connect();
            StatefulRedisConnection<String, String> completerConnection = client.connect();
            StatefulRedisConnection<String, String> feederConnection = client.connect();
            RedisCommands<String, String> cmd = connection.sync();
            cmd.flushall();
            RouterKeys keys = RouterKeys.withPrefix("bench:router:");
            WaitingCalls waiting = WaitingCalls.on(cmd, keys);
            long t = System.nanoTime();
            for (WaitingCall c : backlog) {
                waiting.enqueue(new QueuedCall(c.id(), c.queue(), c.enqueuedAt(), c.orderKey(), CallContext.NONE));
            }
            System.out.printf(Locale.ROOT, "Redis %s: %d calls enqueued in %.1f s; no agent Ready (all on a call)%n",
                    cmd.info("server").lines().filter(l -> l.startsWith("redis_version")).findFirst().orElse("?"),
                    backlog.size(), (System.nanoTime() - t) / 1e9);
            Router router = new Router(new Random(seed));
            RoutingBoard board = router.board(new RoutingSnapshot(scenario.queues, scenario.agents, backlog,
                    RoundRobinMemory.empty()), RouterScenario.START);
            board.round(RouterScenario.START);
            try (RedisStreamsBus bus = RedisStreamsBus.connect(redis.uri(),
                    BusOptions.builder().streamPrefix("bench:").build(), new SimpleMeterRegistry())) {
                ReservationLatencyBenchmark bench = new ReservationLatencyBenchmark(scenario, board, waiting,
                        Reservations.on(cmd, keys, RouterId.of("bench-router")), ReadyAgents.on(cmd, keys), bus, seed);
                Reservations completer = Reservations.on(completerConnection.sync(), keys, RouterId.of("bench-router"));
                Thread answering = new Thread(() -> {
                    try {
                        while (true) {
                            Answer answer = bench.completions.take();
                            if (completer.complete(answer.token()) != TokenOutcome.DONE) {
                                bench.completeNotDone.incrementAndGet();
                            }
                            bench.answered.add(answer.agent());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "agents-answer");
                answering.setDaemon(true);
                answering.start();
                WaitingCalls feederCalls = WaitingCalls.on(feederConnection.sync(), keys);
                Thread feeder = new Thread(() -> {
                    try {
                        while (true) {
                            WaitingCall call = scenario.newCall(
                                    RouterScenario.START.plusNanos(System.nanoTime() - bench.loopStart));
                            feederCalls.enqueue(new QueuedCall(call.id(), call.queue(), call.enqueuedAt(),
                                    call.orderKey(), CallContext.NONE));
                            bench.arrivals.put(call);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "calls-arrive");
                feeder.setDaemon(true);
                bench.loopStart = System.nanoTime();
                feeder.start();
                Thread.sleep(1000);
                Phase w = bench.paced(rate * 2, warmupSeconds);
                report("warm-up, agent freed → ConnectToAgent published", w, rate);
                RedisCommands<String, String> base = baselineConnection.sync();
                Phase ping = pacedBaseline(rate, baselineSeconds, base::ping);
                reportBaseline("baseline: PING", ping);
                String sha = base.scriptLoad("return 1");
                Phase eval = pacedBaseline(rate, baselineSeconds,
                        () -> base.evalsha(sha, ScriptOutputType.INTEGER, new String[0]));
                reportBaseline("baseline: EVALSHA of 'return 1'", eval);
                long[] before = bench.counters();
                bench.recordSteps = true;
                Phase m = bench.paced(rate * 2, seconds);
                bench.recordSteps = false;
                long[] after = bench.counters();
                report("measured, agent freed → ConnectToAgent published", m, rate);
                System.out.printf(Locale.ROOT, "measured phase: %d decisions (%.0f/s), %d reservations granted, %d"
                                + " refused, %d ConnectToAgent published, %d freed agents found no call, %d arrivals routed"
                                + " at once, %d completions not DONE; board: %d calls waiting, %d agents free%n",
                        after[0] - before[0], (after[0] - before[0]) / m.seconds, after[1] - before[1],
                        after[2] - before[2], after[3] - before[3], after[4] - before[4], after[5] - before[5],
                        after[6] - before[6], board.waitingCalls(), board.freeAgents());
                System.out.println("steps of the measured path (events that made a decision; service times):");
                System.out.println(BenchSupport.PERCENTILE_HEADER);
                System.out.println(BenchSupport.percentiles("ReadyAgents.markReady (EVALSHA)", bench.stepReady));
                System.out.println(BenchSupport.percentiles("RoutingBoard.decideFor(Agent)", bench.stepBoard));
                System.out.println(BenchSupport.percentiles("Reservations.reserve (EVALSHA)", bench.stepReserve));
                System.out.println(BenchSupport.percentiles("RedisStreamsBus.publish(ConnectToAgent) (XADD)",
                        bench.stepPublish));
                System.out.printf(Locale.ROOT, "commands stream length: %d; refusals over the whole run: %s%n",
                        cmd.xlen("bench:commands"), bench.refusals);
                double p50 = m.freed.getValueAtPercentile(50);
                double p99 = m.freed.getValueAtPercentile(99);
                System.out.printf(Locale.ROOT, "ratio to a bare PING at the same rate: p50 %.1fx, p99 %.1fx; to EVALSHA:"
                                + " p50 %.1fx, p99 %.1fx%n", p50 / ping.freed.getValueAtPercentile(50),
                        p99 / ping.freed.getValueAtPercentile(99), p50 / eval.freed.getValueAtPercentile(50),
                        p99 / eval.freed.getValueAtPercentile(99));
                System.out.printf(Locale.ROOT, "goal p99 <= 5 ms at %d decisions/s: %s (p99 %.3f ms, max %.3f ms)%n",
                        rate, p99 <= 5000 ? "met" : "NOT met", p99 / 1000, m.freed.getMaxValue() / 1000.0);
            } finally {
                baselineConnection.close();
                completerConnection.close();
                feederConnection.close();
                connection.close();
                client.shutdown();
            }
        }
        System.out.println("load average at the end: " + BenchSupport.loadAverage());
    }

    private long[] counters() {
        return new long[] {decisions, granted, refused, published, freedWithoutCall, arrivalsRouted,
                completeNotDone.get()};
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
        }
    }

    private Phase paced(long eventsPerSecond, long seconds) {
        Phase p = new Phase();
        p.loadBefore = BenchSupport.loadAverage();
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
            Instant now = RouterScenario.START.plusNanos(actual - loopStart);
            if ((i & 1) == 0 && !busy.isEmpty()) {
                int made = freeAnAgent(now);
                long end = System.nanoTime();
                if (made > 0) {
                    p.freed.recordValue((end - intended) / 1000);
                    p.freedService.recordValue((end - actual) / 1000);
                } else {
                    p.freedNoCall.recordValue((end - intended) / 1000);
                }
            } else {
                WaitingCall call = arrivals.poll();
                if (call == null) {
                    p.starved++;
                    continue;
                }
                int made = route(board.decideFor(call, now), now);
                if (made > 0) {
                    arrivalsRouted++;
                }
                p.arrival.recordValue((System.nanoTime() - intended) / 1000);
            }
            // The agent answers (another event in production): the completer thread settles it on its own connection.
            completions.addAll(toComplete);
            toComplete.clear();
            p.events++;
        }
        p.seconds = (System.nanoTime() - start) / 1e9;
        p.loadAfter = BenchSupport.loadAverage();
        return p;
    }

    /** A busy agent becomes Ready: in Redis, then on the board; what that decides is reserved and connected. */
    private int freeAnAgent(Instant now) {
        for (AgentId back; (back = answered.poll()) != null; ) {
            busy.add(back);
        }
        int at = events.nextInt(busy.size());
        AgentId id = busy.get(at);
        busy.set(at, busy.get(busy.size() - 1));
        busy.remove(busy.size() - 1);
        Agent readyAgent = RouterScenario.readyAgain(agents.get(id), now);
        agents.put(id, readyAgent);
        long t0 = System.nanoTime();
        ready.markReady(id, now);
        long t1 = System.nanoTime();
        List<RoutingDecision> out = board.decideFor(readyAgent, now);
        long t2 = System.nanoTime();
        int made = route(out, now);
        if (made > 0 && recordSteps) {
            stepReady.recordValue((t1 - t0) / 1000);
            stepBoard.recordValue((t2 - t1) / 1000);
        }
        if (made == 0) {
            freedWithoutCall++;
        }
        return made;
    }

    /** Reserves each decision in Redis and publishes ConnectToAgent for each one granted; how many were. */
    private int route(List<RoutingDecision> out, Instant now) {
        int made = 0;
        for (RoutingDecision d : out) {
            decisions++;
            long t0 = System.nanoTime();
            ReservationAttempt attempt = reservations.reserve(d.call(), d.agent(), RESERVATION_TIMEOUT);
            long t1 = System.nanoTime();
            if (!(attempt instanceof ReservationAttempt.Granted g)) {
                refused++;
                refusals.merge(attempt.toString(), 1L, Long::sum);
                continue;
            }
            granted++;
            Agent agent = agents.get(d.agent());
            String endpoint = agent.endpoint();
            bus.publish(ConnectToAgent.now(d.call(), d.agent(), endpoint.substring(endpoint.indexOf('/') + 1),
                    queues.get(d.queue()).ringTimeout()));
            published++;
            if (recordSteps) {
                stepReserve.recordValue((t1 - t0) / 1000);
                stepPublish.recordValue((System.nanoTime() - t1) / 1000);
            }
            toComplete.add(new Answer(g.granted().token(), d.agent()));
            agents.put(d.agent(), RouterScenario.onCall(agent, d.call(), now));
            made++;
        }
        return made;
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
        System.out.printf(Locale.ROOT, "%s: %d events paced at %d/s over %.1f s (started more than one period late:"
                + " %d; arrivals skipped because the feeder was behind: %d); load average %s before, %s after%n", name,
                p.events, rate * 2, p.seconds, p.late, p.starved, p.loadBefore, p.loadAfter);
        System.out.println(BenchSupport.PERCENTILE_HEADER);
        System.out.println(BenchSupport.percentiles("agent freed → ConnectToAgent published (from intended start)",
                p.freed));
        System.out.println(BenchSupport.percentiles("same, from actual start (no waiting for the harness)",
                p.freedService));
        System.out.println(BenchSupport.percentiles("agent freed, no call for them (markReady + board only)",
                p.freedNoCall));
        System.out.println(BenchSupport.percentiles("call arrives (enqueue + board + reserve/publish if routed)",
                p.arrival));
    }

    private static void reportBaseline(String name, Phase p) {
        System.out.printf(Locale.ROOT, "%s: %d requests paced at %d/s (late %d); load average %s before, %s after%n",
                name, p.events, Math.round(p.events / p.seconds), p.late, p.loadBefore, p.loadAfter);
        System.out.println(BenchSupport.PERCENTILE_HEADER);
        System.out.println(BenchSupport.percentiles(name + " (from intended start)", p.freed));
        System.out.println(BenchSupport.percentiles(name + " (from actual start)", p.freedService));
    }
}
