package io.cti.bench;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.routing.RoundResult;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.routing.Router;
import io.cti.router.routing.RoutingBoard;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.RoutingSnapshot;
import io.cti.router.routing.WaitingCall;
import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * In-process routing decisions through the {@link RoutingBoard}'s incremental entry points, on a seeded centre
 * ({@link RouterScenario}: 5,000 agents, 50 queues, 20 skills) with 10,000 calls waiting. Every agent starts on a
 * call; then events alternate: a random busy agent becomes Ready ({@code decideFor(Agent)}), a new call arrives
 * ({@code decideFor(WaitingCall)}). Each decision puts its agent on a call again, so the backlog stays near 10,000
 * and every Ready event usually finds a call. A virtual clock advances {@code --step-micros} per event, so overflow
 * and sticky timers fall due as they would. Each entry-point call is timed (System.nanoTime, HdrHistogram); after a
 * warm-up of {@code --warmup-events} the same loop runs {@code --events} measured.
 *
 * <p>Checks: every decision names a call the harness holds as waiting and an agent it holds as Ready (else counted
 * as an anomaly), and at the end a full {@code Router.route} over the same state must find nothing left to decide
 * (the board's rule: no free agent left while a call they can serve waits).
 *
 * <p>Baseline in the same run: the naive way, a snapshot of the whole state and a full {@code Router.route} per
 * event (what {@code io.cti.router.calls.Dispatcher.tryRoute} does today), for {@code --baseline-seconds}.
 *
 * <pre>java -cp "$CP" io.cti.bench.RoutingDecisionBenchmark --seed=42 --warmup-events=300000 --events=1000000</pre>
 */
public final class RoutingDecisionBenchmark {

    private final RouterScenario scenario;
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final Map<CallId, WaitingCall> waiting = new LinkedHashMap<>();
    private final List<AgentId> busy = new ArrayList<>();
    private final Random events;
    private final long stepNanos;
    private Instant now = RouterScenario.START;
    private long anomalies;
    private long decisions;

    private RoutingDecisionBenchmark(RouterScenario scenario, List<WaitingCall> backlog, long seed, long stepNanos) {
        this.scenario = scenario;
        scenario.agents.forEach(a -> agents.put(a.id(), a));
        busy.addAll(agents.keySet());
        backlog.forEach(c -> waiting.put(c.id(), c));
        this.events = new Random(seed * 31 + 7);
        this.stepNanos = stepNanos;
    }

    /** Latencies of one phase, in nanoseconds. */
    private static final class Phase {
        final Histogram all = new Histogram(10_000_000_000L, 3);
        final Histogram ready = new Histogram(10_000_000_000L, 3);
        final Histogram arrival = new Histogram(10_000_000_000L, 3);
        final Histogram deciding = new Histogram(10_000_000_000L, 3);
        long events;
        long decisions;
        long readyWithoutDecision;
        long arrivalsWithDecision;
        long routerNanos;
        long wallNanos;
        long cpuNanos;
        long gcCount;
        long gcMillis;
    }

    public static void main(String[] args) {
        Map<String, String> a = BenchSupport.arguments(args);
        long seed = BenchSupport.longArgument(a, "seed", 42);
        int agentCount = (int) BenchSupport.longArgument(a, "agents", 5000);
        int queueCount = (int) BenchSupport.longArgument(a, "queues", 50);
        int callCount = (int) BenchSupport.longArgument(a, "calls", 10_000);
        long warmup = BenchSupport.longArgument(a, "warmup-events", 300_000);
        long measured = BenchSupport.longArgument(a, "events", 1_000_000);
        long stepMicros = BenchSupport.longArgument(a, "step-micros", 50);
        long baselineSeconds = BenchSupport.longArgument(a, "baseline-seconds", 20);
        System.out.println("machine: " + BenchSupport.machine());

        RouterScenario scenario = new RouterScenario(seed, agentCount, queueCount);
        System.out.println("centre: " + scenario.describe());
        List<WaitingCall> backlog = scenario.backlog(callCount, Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "backlog: %d calls enqueued over the 10 min before the start; seed %d; virtual"
                + " clock +%d µs per event%n", backlog.size(), seed, stepMicros);
        RoutingDecisionBenchmark bench = new RoutingDecisionBenchmark(scenario, backlog, seed, stepMicros * 1000);
        Router router = new Router(new Random(seed));

        long t = System.nanoTime();
        RoutingBoard board = router.board(bench.snapshot(RoundRobinMemory.empty()), bench.now);
        List<RoutingDecision> first = board.round(bench.now).decisions();
        bench.apply(first);
        System.out.printf(Locale.ROOT, "board loaded from the snapshot and first round in %.1f ms (%d decisions: all"
                + " agents start on a call)%n", (System.nanoTime() - t) / 1e6, first.size());

        Phase w = bench.runBoard(board, warmup);
        report("warm-up (board)", w);
        Phase m = bench.runBoard(board, measured);
        report("measured (board)", m);
        System.out.printf(Locale.ROOT, "state after: %d calls waiting, %d agents free on the board, %d busy;"
                + " anomalies (decision for a call not waiting or an agent not Ready): %d%n", board.waitingCalls(),
                board.freeAgents(), bench.busy.size(), bench.anomalies);

        // The board's rule, checked by the naive router over the same state: nothing should be left to decide.
        RoundResult check = router.route(bench.snapshot(board.memory()), bench.now);
        System.out.printf(Locale.ROOT, "check: a full Router.route over the harness's state after the board run decides"
                + " %d calls (0 expected); the board holds %d waiting calls, the harness %d%n",
                check.decisions().size(), board.waitingCalls(), bench.waiting.size());
        bench.apply(check.decisions());

        Phase b = bench.runBaseline(router, check.memory(), Duration.ofSeconds(baselineSeconds));
        report("baseline: snapshot + full Router.route per event", b);

        double boardRate = m.decisions / (m.wallNanos / 1e9);
        double baseRate = b.decisions / (b.wallNanos / 1e9);
        System.out.printf(Locale.ROOT, "ratio: decisions/s (wall) board %.0f vs baseline %.1f = %.0fx; p50 per event"
                + " %.0fx, p99 per event %.0fx%n", boardRate, baseRate, boardRate / baseRate,
                b.all.getValueAtPercentile(50) / (double) m.all.getValueAtPercentile(50),
                b.all.getValueAtPercentile(99) / (double) m.all.getValueAtPercentile(99));
        System.out.printf(Locale.ROOT, "goal >= 20,000 decisions/s: %s (%.0f/s wall, %.0f/s in the router's own"
                + " time); p99 < 1 ms per decision: %s (%.3f ms)%n", boardRate >= 20_000 ? "met" : "NOT met",
                boardRate, m.decisions / (m.routerNanos / 1e9),
                m.deciding.getValueAtPercentile(99) < 1_000_000 ? "met" : "NOT met",
                m.deciding.getValueAtPercentile(99) / 1e6);
        System.out.println("load average at the end: " + BenchSupport.loadAverage());
    }

    private RoutingSnapshot snapshot(RoundRobinMemory memory) {
        return new RoutingSnapshot(scenario.queues, new ArrayList<>(agents.values()), new ArrayList<>(waiting.values()),
                memory);
    }

    private Phase runBoard(RoutingBoard board, long count) {
        Phase p = new Phase();
        Snap s = Snap.take();
        for (long i = 0; i < count; i++) {
            now = now.plusNanos(stepNanos);
            boolean agentEvent = (i & 1) == 0 && !busy.isEmpty();
            List<RoutingDecision> out;
            long dt;
            if (agentEvent) {
                Agent ready = becomeReady();
                long t = System.nanoTime();
                out = board.decideFor(ready, now);
                dt = System.nanoTime() - t;
                p.ready.recordValue(dt);
                if (out.isEmpty()) {
                    p.readyWithoutDecision++;
                }
            } else {
                WaitingCall call = arrive();
                long t = System.nanoTime();
                out = board.decideFor(call, now);
                dt = System.nanoTime() - t;
                p.arrival.recordValue(dt);
                if (!out.isEmpty()) {
                    p.arrivalsWithDecision++;
                }
            }
            p.all.recordValue(dt);
            p.routerNanos += dt;
            if (!out.isEmpty()) {
                p.deciding.recordValue(dt);
            }
            p.events++;
            p.decisions += out.size();
            apply(out);
        }
        s.finish(p);
        return p;
    }

    private Phase runBaseline(Router router, RoundRobinMemory start, Duration limit) {
        Phase p = new Phase();
        RoundRobinMemory memory = start;
        Snap s = Snap.take();
        long end = System.nanoTime() + limit.toNanos();
        for (long i = 0; System.nanoTime() < end; i++) {
            now = now.plusNanos(stepNanos);
            boolean agentEvent = (i & 1) == 0 && !busy.isEmpty();
            if (agentEvent) {
                becomeReady();
            } else {
                arrive();
            }
            long t = System.nanoTime();
            RoundResult r = router.route(snapshot(memory), now);
            long dt = System.nanoTime() - t;
            memory = r.memory();
            (agentEvent ? p.ready : p.arrival).recordValue(dt);
            p.all.recordValue(dt);
            p.routerNanos += dt;
            if (!r.decisions().isEmpty()) {
                p.deciding.recordValue(dt);
                if (!agentEvent) {
                    p.arrivalsWithDecision++;
                }
            } else if (agentEvent) {
                p.readyWithoutDecision++;
            }
            p.events++;
            p.decisions += r.decisions().size();
            apply(r.decisions());
        }
        s.finish(p);
        return p;
    }

    private Agent becomeReady() {
        int at = events.nextInt(busy.size());
        AgentId id = busy.get(at);
        busy.set(at, busy.get(busy.size() - 1));
        busy.remove(busy.size() - 1);
        Agent ready = RouterScenario.readyAgain(agents.get(id), now);
        agents.put(id, ready);
        return ready;
    }

    private WaitingCall arrive() {
        WaitingCall call = scenario.newCall(now);
        waiting.put(call.id(), call);
        return call;
    }

    private void apply(List<RoutingDecision> out) {
        for (RoutingDecision d : out) {
            decisions++;
            Agent agent = agents.get(d.agent());
            if (waiting.remove(d.call()) == null || agent == null || !agent.isReady()) {
                anomalies++;
            }
            if (agent != null) {
                agents.put(d.agent(), RouterScenario.onCall(agent, d.call(), now));
                if (agent.isReady()) {
                    busy.add(d.agent());
                }
            }
        }
    }

    private static void report(String name, Phase p) {
        System.out.printf(Locale.ROOT, "%s: %d events (%d agent Ready, %d call arrivals), %d decisions in %.2f s wall"
                        + " (%.2f s in the board's entry points); %.0f decisions/s wall, %.0f events/s wall; Ready events"
                        + " without a decision %d, arrivals with one %d; this thread's CPU %.2f s (%.0f%% of wall);"
                        + " GC %d collections, %d ms%n",
                name, p.events, p.ready.getTotalCount(), p.arrival.getTotalCount(), p.decisions, p.wallNanos / 1e9,
                p.routerNanos / 1e9, p.decisions / (p.wallNanos / 1e9), p.events / (p.wallNanos / 1e9),
                p.readyWithoutDecision, p.arrivalsWithDecision, p.cpuNanos / 1e9, 100.0 * p.cpuNanos / p.wallNanos,
                p.gcCount, p.gcMillis);
        System.out.println("| " + name + " | count | p50 µs | p90 µs | p99 µs | p99.9 µs | max µs | mean µs |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        row("every event", p.all);
        row("events that made a decision", p.deciding);
        row("agent becomes Ready", p.ready);
        row("call arrives", p.arrival);
        System.out.println("load average: " + BenchSupport.loadAverage());
    }

    private static void row(String name, Histogram ns) {
        if (ns.getTotalCount() == 0) {
            System.out.println("| " + name + " | 0 | | | | | | |");
            return;
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name,
                ns.getTotalCount(), ns.getValueAtPercentile(50) / 1e3, ns.getValueAtPercentile(90) / 1e3,
                ns.getValueAtPercentile(99) / 1e3, ns.getValueAtPercentile(99.9) / 1e3, ns.getMaxValue() / 1e3,
                ns.getMean() / 1e3);
    }

    /** Wall time, this thread's CPU time and GC at the start of a phase. */
    private record Snap(long wall, long cpu, long gcCount, long gcMillis) {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        static Snap take() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Snap(System.nanoTime(), THREADS.getCurrentThreadCpuTime(), count, millis);
        }

        void finish(Phase p) {
            Snap end = take();
            p.wallNanos = end.wall - wall;
            p.cpuNanos = end.cpu - cpu;
            p.gcCount = end.gcCount - gcCount;
            p.gcMillis = end.gcMillis - gcMillis;
        }
    }
}
