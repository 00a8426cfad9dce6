package io.cti.bench;

import io.cti.bench.AmiBenchSupport.BareClient;
import io.cti.bench.AmiBenchSupport.BridgeClient;
import io.cti.bench.AmiBenchSupport.EmittedEvents;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * AMI events per second the bridge turns into domain events published on the real bus (embedded Redis), against a
 * bare asterisk-java listener that only counts the same events, in one run. Both read the same stream: each phase
 * starts a fresh pbx-sim with the same seed on a virtual clock (the same events, in the same order), generated as
 * fast as the client takes them (the clock is held while the client is more than {@code --max-lag} events behind).
 * The phases alternate (bare, bridge; then bridge, bare; ...) so that neither side gains from the JVM warming up
 * first; the first {@code --warmup} events of every phase are not timed. A bridge phase ends when the translator has
 * read every event pbx-sim sent and every domain event it produced by then has been acknowledged by Redis.
 *
 * <pre>java -cp "$CP" io.cti.bench.BridgeThroughputBenchmark --events=300000 --warmup=100000 --rounds=3</pre>
 */
public final class BridgeThroughputBenchmark {

    private BridgeThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        long events = BenchSupport.longArgument(a, "events", 300_000);
        long warmup = BenchSupport.longArgument(a, "warmup", 100_000);
        long rounds = BenchSupport.longArgument(a, "rounds", 3);
        long maxLag = BenchSupport.longArgument(a, "max-lag", 2_000);
        long seed = BenchSupport.longArgument(a, "seed", 7);
        int agents = (int) BenchSupport.longArgument(a, "agents", 2000);
        double calls = BenchSupport.longArgument(a, "calls-per-second", 330);
        System.out.println("machine: " + BenchSupport.machine());
        System.out.printf("plan: seed %d, %.0f simulated calls/s, %d agents; %,d events timed per phase after %,d"
                + " warm-up; max lag %,d events%n", seed, calls, agents, events, warmup, maxLag);
        AmiBenchSupport.PumpWatch pump = AmiBenchSupport.PumpWatch.install();
        TrafficPlan plan = AmiBenchSupport.plan(seed, calls, agents);
        List<Double> bare = new ArrayList<>();
        List<Double> bridge = new ArrayList<>();
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(AmiBenchSupport.redisDir("bridge-bench-redis"), 0,
                false)) {
            for (int round = 1; round <= rounds; round++) {
                List<String> order = round % 2 == 1 ? List.of("bare", "bridge") : List.of("bridge", "bare");
                double[] rates = new double[2];
                for (String side : order) {
                    double rate;
                    try {
                        rate = phase(side, round, plan, warmup, events, maxLag, redis.uri());
                    } catch (IllegalStateException e) {
                        System.out.printf("round %d %-6s FAILED during warm-up: %s%n", round, side, e.getMessage());
                        rate = Double.NaN;
                    }
                    if (side.equals("bare")) {
                        rates[0] = rate;
                        bare.add(rate);
                    } else {
                        rates[1] = rate;
                        bridge.add(rate);
                    }
                }
                System.out.printf("round %d: bridge %,.0f events/s, bare %,.0f events/s, ratio bridge/bare %.2f%n",
                        round, rates[1], rates[0], rates[1] / rates[0]);
            }
        }
        double bareMedian = median(bare);
        double bridgeMedian = median(bridge);
        System.out.printf("median over %d rounds: bridge %,.0f events/s, bare %,.0f events/s, ratio %.2f (goal >= 0.8)%n",
                rounds, bridgeMedian, bareMedian, bridgeMedian / bareMedian);
        System.out.println(pump.summary());
        System.out.println("load average at the end " + BenchSupport.loadAverage());
    }

    private static double phase(String side, int round, TrafficPlan plan, long warmup, long events, long maxLag,
                                String redisUri) throws Exception {
        VirtualClock clock = VirtualClock.create();
        SimulatorConfig config = SimulatorConfig.embedded(List.of(new AmiUser(AmiBenchSupport.USER,
                AmiBenchSupport.SECRET))).withClock(() -> clock);
        String load = BenchSupport.loadAverage();
        try (Simulator sim = Simulator.start(config)) {
            EmittedEvents emitted = new EmittedEvents();
            sim.pbx().subscribe(emitted);
            BareClient bare = null;
            BridgeClient bridge = null;
            try {
                LongSupplier received;
                if (side.equals("bare")) {
                    bare = new BareClient(sim.port());
                    bare.login();
                    received = bare::events;
                } else {
                    bridge = new BridgeClient(redisUri, "bench-throughput-" + round + ":", sim.port(), null, 1_000_000);
                    bridge.startAndAwaitUp();
                    received = bridge::amiEventsRead;
                }
                Thread.sleep(500);
                long base = received.getAsLong();
                LongSupplier got = () -> received.getAsLong() - base;
                emitted.counting = true;
                Traffic.start(sim.pbx(), plan);
                Duration step = Duration.ofMillis(20);
                AmiBenchSupport.pace(clock, emitted::deliverable, got, warmup, maxLag, step);
                AmiBenchSupport.awaitConsumed(got, emitted.deliverable(), Duration.ofSeconds(10));
                if (bridge != null) {
                    awaitPublished(bridge);
                }
                long start = System.nanoTime();
                double cpuStart = BenchSupport.processCpuSeconds();
                double redisCpuStart = AmiBenchSupport.childProcessCpuSeconds();
                long got0 = got.getAsLong();
                long published0 = bridge == null ? 0 : bridge.timed.published.sum();
                try {
                    AmiBenchSupport.pace(clock, emitted::deliverable, got, warmup + events, maxLag, step);
                } catch (IllegalStateException e) {
                    System.out.printf("round %d %-6s FAILED: %s%s%n", round, side, e.getMessage(),
                            bridge == null ? "" : "; " + bridge.domainSummary());
                    return Double.NaN;
                }
                long target = emitted.deliverable();
                long end = AmiBenchSupport.awaitConsumed(got, target, Duration.ofSeconds(10));
                if (end < 0) {
                    System.out.printf("round %d %-6s FAILED: the client stopped at %d of %d events%s%n", round, side,
                            got.getAsLong(), target, bridge == null ? "" : "; " + bridge.domainSummary());
                    return Double.NaN;
                }
                String extra = "";
                if (bridge != null) {
                    end = awaitPublished(bridge);
                    long published = bridge.timed.published.sum() - published0;
                    extra = String.format("; %,d domain events published (%,.0f/s); %s", published,
                            published / ((end - start) / 1e9), bridge.domainSummary());
                }
                double cpu = BenchSupport.processCpuSeconds() - cpuStart;
                double redisCpu = AmiBenchSupport.childProcessCpuSeconds() - redisCpuStart;
                double seconds = (end - start) / 1e9;
                long n = target - got0;
                System.out.printf("round %d %-6s %,d AMI events in %.2f s = %,.0f events/s; CPU of this JVM %.1f s (%.1f"
                                + " µs/event, pbx-sim included), Redis %.1f s%s; load average before %s%n", round, side, n,
                        seconds, n / seconds, cpu, cpu * 1e6 / n, redisCpu, extra, load);
                return n / seconds;
            } finally {
                if (bare != null) {
                    bare.close();
                }
                if (bridge != null) {
                    bridge.close();
                }
            }
        }
    }

    /** Waits until every domain event handed to the publisher so far has been acknowledged by Redis. */
    private static long awaitPublished(BridgeClient bridge) throws InterruptedException {
        long handed = bridge.sunk.sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (bridge.timed.published.sum() + (long) bridge.counter("cti.bridge.events.dropped") < handed
                && System.nanoTime() < deadline) {
            Thread.sleep(0, 200_000);
        }
        return System.nanoTime();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
