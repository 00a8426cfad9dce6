package io.cti.bench;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.routing.CallPriority;
import io.cti.router.routing.CustomerFacts;
import io.cti.router.routing.PriorityPolicy;
import io.cti.router.routing.PrioritySettings;
import io.cti.router.routing.RoundRobinMemory;
import io.cti.router.routing.Router;
import io.cti.router.routing.RoutingBoard;
import io.cti.router.routing.RoutingDecision;
import io.cti.router.routing.RoutingSnapshot;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.routing.WaitingCall;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A discrete-event simulation in virtual time of one single-skill queue as Erlang C assumes it: Poisson arrivals
 * ({@code --calls-per-hour}, 720), exponential handle times ({@code --aht-seconds}, 240 s), {@code --agents} (54)
 * agents, no abandonment, no wrap-up. The decisions come from the production {@link RoutingBoard}: an arrival is
 * handed to {@code decideFor(WaitingCall)}, the end of a call to {@code decideFor(Agent)} with the agent Ready again;
 * the simulation only draws arrivals and handle times and keeps the clock. A call's wait is the virtual time from its
 * arrival to the decision that gave it an agent. Erlang C is computed in the same program, and the simulated service
 * level (answered within {@code --threshold-seconds}, 20 s) and ASA are compared with it over {@code --seeds}
 * independent replications of {@code --calls} calls each (after {@code --warmup-calls} that are not counted), with a
 * 95% confidence interval (Student t over the replications).
 *
 * <p>Also measured, not assumed: after every event, whether an agent the simulation holds as idle coexists with a
 * call it holds as waiting (single skill: every idle agent is eligible), and for how long in virtual time; and the
 * real time each board entry point took (a real router would add that much to such a moment).
 *
 * <pre>java -cp "$CP" io.cti.bench.ErlangCSimulation --seeds=10 --calls=200000</pre>
 */
public final class ErlangCSimulation {

    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    private static final QueueName QUEUE = QueueName.of("support");

    private ErlangCSimulation() {
    }

    /** Erlang C for offered load {@code a} Erlang on {@code n} agents: the probability that a call waits. */
    static double erlangC(int n, double a) {
        double b = 1;
        for (int k = 1; k <= n; k++) {
            b = a * b / (k + a * b);
        }
        return n * b / (n - a * (1 - b));
    }

    private record Event(double at, long order, int kind, int agent) implements Comparable<Event> {
        static final int ARRIVAL = 0;
        static final int END = 1;

        @Override
        public int compareTo(Event o) {
            int c = Double.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** What one replication measured. */
    record Replication(long seed, long counted, double serviceLevel, double asa, double waitedShare,
                       double longestIdleWhileWaiting, long idleWhileWaitingEvents, long mismatches,
                       long outOfOrder, long events, double virtualHours, Histogram entryNanos, double wallSeconds) {
    }

    public static void main(String[] args) {
        Map<String, String> a = BenchSupport.arguments(args);
        int seeds = (int) BenchSupport.longArgument(a, "seeds", 10);
        long firstSeed = BenchSupport.longArgument(a, "seed", 1);
        long calls = BenchSupport.longArgument(a, "calls", 200_000);
        long warmup = BenchSupport.longArgument(a, "warmup-calls", 5_000);
        int agents = (int) BenchSupport.longArgument(a, "agents", 54);
        double perHour = BenchSupport.longArgument(a, "calls-per-hour", 720);
        double aht = BenchSupport.longArgument(a, "aht-seconds", 240);
        double threshold = BenchSupport.longArgument(a, "threshold-seconds", 20);
        System.out.println("machine: " + BenchSupport.machine());

        double lambda = perHour / 3600.0;
        double offered = lambda * aht;
        double c = erlangC(agents, offered);
        double slAnalytic = 1 - c * Math.exp(-(agents - offered) * threshold / aht);
        double asaAnalytic = c * aht / (agents - offered);
        System.out.printf(Locale.ROOT, "Erlang C: A = %.1f Erl, N = %d, P(wait) = %.4f, SL(%.0f s) = %.2f%%, ASA = %.3f s"
                + " (occupancy %.1f%%)%n", offered, agents, c, threshold, 100 * slAnalytic, asaAnalytic,
                100 * offered / agents);
        System.out.printf(Locale.ROOT, "simulation: %d seeds from %d, %d calls counted each after %d warm-up calls;"
                + " routed by RoutingBoard (LONGEST_IDLE, one skill)%n", seeds, firstSeed, calls, warmup);

        List<Replication> runs = new ArrayList<>();
        Histogram entry = new Histogram(10_000_000_000L, 3);
        int threads = (int) BenchSupport.longArgument(a, "threads", Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Replication>> futures = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            long s = seed;
            futures.add(pool.submit(() -> run(s, calls, warmup, agents, lambda, aht, threshold)));
        }
        pool.shutdown();
        long wallStart = System.nanoTime();
        for (Future<Replication> f : futures) {
            Replication r;
            try {
                r = f.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
            runs.add(r);
            entry.add(r.entryNanos());
            System.out.printf(Locale.ROOT, "seed %d: SL %.3f%%, ASA %.3f s, P(wait) %.4f over %d calls (%.0f virtual"
                            + " hours, %d events); idle agent while a call waited: %d events, longest %.6f s (virtual);"
                            + " board/simulation count mismatches %d; answered out of arrival order %d; %.1f s wall;"
                            + " load %s%n",
                    r.seed(), 100 * r.serviceLevel(), r.asa(), r.waitedShare(), r.counted(), r.virtualHours(),
                    r.events(), r.idleWhileWaitingEvents(), r.longestIdleWhileWaiting(), r.mismatches(), r.outOfOrder(),
                    r.wallSeconds(), BenchSupport.loadAverage());
            System.out.flush();
        }
        System.out.printf(Locale.ROOT, "all seeds on %d threads in %.1f s wall%n", threads,
                (System.nanoTime() - wallStart) / 1e9);
        double[] sl = runs.stream().mapToDouble(r -> 100 * r.serviceLevel()).toArray();
        double[] asa = runs.stream().mapToDouble(Replication::asa).toArray();
        double slMean = mean(sl);
        double asaMean = mean(asa);
        double slHalf = halfWidth(sl);
        double asaHalf = halfWidth(asa);
        System.out.println("| figure | simulated (mean of seeds, 95% CI) | Erlang C | difference | tolerance | met |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| SL within %.0f s | %.2f%% ± %.2f | %.2f%% | %+.2f points | 1 point | %s |%n",
                threshold, slMean, slHalf, 100 * slAnalytic, slMean - 100 * slAnalytic,
                Math.abs(slMean - 100 * slAnalytic) + slHalf <= 1 ? "yes (CI inside)"
                        : Math.abs(slMean - 100 * slAnalytic) <= 1 ? "mean yes, CI not inside" : "NO");
        System.out.printf(Locale.ROOT, "| ASA | %.3f s ± %.3f | %.3f s | %+.3f s | 1 s | %s |%n", asaMean, asaHalf,
                asaAnalytic, asaMean - asaAnalytic,
                Math.abs(asaMean - asaAnalytic) + asaHalf <= 1 ? "yes (CI inside)"
                        : Math.abs(asaMean - asaAnalytic) <= 1 ? "mean yes, CI not inside" : "NO");
        double longest = runs.stream().mapToDouble(Replication::longestIdleWhileWaiting).max().orElse(0);
        long moments = runs.stream().mapToLong(Replication::idleWhileWaitingEvents).sum();
        long mismatches = runs.stream().mapToLong(Replication::mismatches).sum();
        System.out.printf(Locale.ROOT, "idle agent while a call waits: %d events left such a moment, longest %.3f ms of"
                + " virtual time (goal: none > 50 ms: %s); board/simulation count mismatches %d%n", moments,
                longest * 1000, longest <= 0.050 ? "met" : "NOT met", mismatches);
        System.out.printf(Locale.ROOT, "real time per board entry point (all seeds, %d entry-point calls): p50 %.1f µs, p99 %.1f µs,"
                        + " p99.9 %.1f µs, max %.1f µs: the most a real router's decision would add to such a moment%n",
                entry.getTotalCount(), entry.getValueAtPercentile(50) / 1e3, entry.getValueAtPercentile(99) / 1e3,
                entry.getValueAtPercentile(99.9) / 1e3, entry.getMaxValue() / 1e3);
        System.out.println("load average at the end: " + BenchSupport.loadAverage());
    }

    static Replication run(long seed, long calls, long warmup, int agentCount, double lambda, double aht,
                           double threshold) {
        long wallStart = System.nanoTime();
        Random arrivals = new Random(seed * 1_000_003L + 1);
        Random services = new Random(seed * 1_000_003L + 2);
        QueueDefinition queue = new QueueDefinition(QUEUE, "support", List.of(SkillRequirement.of("support", 1)),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofDays(365),
                List.of(), false, RoutingStrategy.LONGEST_IDLE, Duration.ZERO, Duration.ofSeconds(15), Duration.ZERO);
        PriorityPolicy policy = new PriorityPolicy(PrioritySettings.defaults());
        List<QueueDefinition> queues = List.of(queue);
        // Every caller is alike (Erlang C knows no priorities): one priority, from the production policy.
        CallPriority priority = policy.priorityOf(CustomerFacts.unknownCaller(), QUEUE, queues);
        Map<AgentId, Agent> agents = new HashMap<>();
        Map<AgentId, Integer> index = new HashMap<>();
        List<AgentId> ids = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            AgentId id = AgentId.of(String.format("a%03d", i));
            Instant idle = T0.minusMillis(agentCount - i);
            agents.put(id, new Agent(id, Map.of(Skill.of("support"), Proficiency.of(5)), Set.of("team"),
                    "PJSIP/" + (2000 + i), AgentState.READY, idle, 0, idle, Duration.ZERO));
            index.put(id, i);
            ids.add(id);
        }
        Router router = new Router(new Random(seed));
        RoutingBoard board = router.board(new RoutingSnapshot(queues, new ArrayList<>(agents.values()), List.of(),
                RoundRobinMemory.empty()), T0);

        PriorityQueue<Event> events = new PriorityQueue<>();
        long order = 0;
        events.add(new Event(exp(arrivals, 1 / lambda), order++, Event.ARRIVAL, -1));
        Set<AgentId> idle = new HashSet<>(ids);
        // Waiting calls by number (arrival order): number -> arrival time.
        TreeMap<Long, Double> waiting = new TreeMap<>();
        Map<CallId, Long> numberOf = new HashMap<>();
        long arrived = 0;
        long answeredCounted = 0;
        long withinThreshold = 0;
        long waitedAtAll = 0;
        double waitSum = 0;
        double idleWaitingSince = -1;
        double longest = 0;
        long idleWhileWaiting = 0;
        long mismatches = 0;
        long outOfOrder = 0;
        long eventCount = 0;
        double now = 0;
        Histogram entry = new Histogram(10_000_000_000L, 3);
        long total = warmup + calls;
        while (answeredCounted < calls) {
            Event e = events.poll();
            now = e.at();
            eventCount++;
            Instant at = T0.plusNanos(Math.round(now * 1e9));
            List<RoutingDecision> out;
            long t;
            if (e.kind() == Event.ARRIVAL) {
                arrived++;
                CallId id = CallId.of("c" + arrived);
                waiting.put(arrived, now);
                numberOf.put(id, arrived);
                WaitingCall call = new WaitingCall(id, QUEUE, priority, at, CustomerFacts.unknownCaller(), null);
                if (arrived < total) {
                    events.add(new Event(now + exp(arrivals, 1 / lambda), order++, Event.ARRIVAL, -1));
                }
                t = System.nanoTime();
                out = board.decideFor(call, at);
            } else {
                AgentId id = ids.get(e.agent());
                Agent ready = RouterScenario.readyAgain(agents.get(id), at);
                agents.put(id, ready);
                idle.add(id);
                t = System.nanoTime();
                out = board.decideFor(ready, at);
            }
            entry.recordValue(System.nanoTime() - t);
            for (RoutingDecision d : out) {
                Long number = numberOf.remove(d.call());
                Double arrivedAt = number == null ? null : waiting.remove(number);
                if (arrivedAt == null || !idle.remove(d.agent())) {
                    mismatches++;
                    continue;
                }
                if (!waiting.isEmpty() && waiting.firstKey() < number) {
                    outOfOrder++;
                }
                double wait = now - arrivedAt;
                if (number > warmup && number <= total) {
                    answeredCounted++;
                    waitSum += wait;
                    if (wait <= threshold + 1e-9) {
                        withinThreshold++;
                    }
                    if (wait > 0) {
                        waitedAtAll++;
                    }
                }
                agents.put(d.agent(), RouterScenario.onCall(agents.get(d.agent()), d.call(), at));
                events.add(new Event(now + exp(services, aht), order++, Event.END, index.get(d.agent())));
            }
            if (board.waitingCalls() != waiting.size() || board.freeAgents() != idle.size()) {
                mismatches++;
            }
            boolean bad = !idle.isEmpty() && !waiting.isEmpty();
            if (bad) {
                idleWhileWaiting++;
                if (idleWaitingSince < 0) {
                    idleWaitingSince = now;
                }
            } else if (idleWaitingSince >= 0) {
                longest = Math.max(longest, now - idleWaitingSince);
                idleWaitingSince = -1;
            }
        }
        if (idleWaitingSince >= 0) {
            longest = Math.max(longest, now - idleWaitingSince);
        }
        return new Replication(seed, answeredCounted, withinThreshold / (double) answeredCounted,
                waitSum / answeredCounted, waitedAtAll / (double) answeredCounted, longest, idleWhileWaiting,
                mismatches, outOfOrder, eventCount, now / 3600, entry, (System.nanoTime() - wallStart) / 1e9);
    }

    private static double exp(Random random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Half-width of the 95% confidence interval of the mean (Student t). */
    private static double halfWidth(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double sd = Math.sqrt(ss / (x.length - 1));
        return t975(x.length - 1) * sd / Math.sqrt(x.length);
    }

    private static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
                2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048,
                2.045, 2.042};
        return df <= table.length ? table[df - 1] : 1.96;
    }
}
