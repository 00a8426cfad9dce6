package io.cti.bench;

import io.cti.bench.AmiBenchSupport.BridgeClient;
import io.cti.bench.AmiBenchSupport.EmittedEvents;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A soak of the bridge at a high event rate: pbx-sim's inbound traffic on the real-time clock at the call rate that
 * makes {@code --rate} AMI events/s, the bridge publishing to the embedded Redis, for {@code --minutes}. Every
 * {@code --interval-seconds} (the first sample after {@code --warmup-seconds}) it runs {@code System.gc()} and
 * records the heap used after it (MemoryMXBean), the live thread count, and what flowed. pbx-sim runs in this JVM,
 * so the heap holds its live calls too (they are steady at a steady call rate). Goal: heap after GC within 10%, no
 * growth in threads.
 *
 * <pre>java -cp "$CP" io.cti.bench.BridgeSoakBenchmark --rate=7000 --minutes=10 --interval-seconds=30</pre>
 */
public final class BridgeSoakBenchmark {

    private BridgeSoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        long rate = BenchSupport.longArgument(a, "rate", 7000);
        long minutes = BenchSupport.longArgument(a, "minutes", 10);
        long interval = BenchSupport.longArgument(a, "interval-seconds", 30);
        long warmup = BenchSupport.longArgument(a, "warmup-seconds", 30);
        long seed = BenchSupport.longArgument(a, "seed", 13);
        int agents = (int) BenchSupport.longArgument(a, "agents", 3000);
        System.out.println("machine: " + BenchSupport.machine());
        double calls = a.containsKey("calls-per-second") ? Double.parseDouble(a.get("calls-per-second"))
                : AmiBenchSupport.callsPerSecondFor(seed, rate, agents);
        TrafficPlan plan = AmiBenchSupport.plan(seed, calls, agents);
        System.out.printf(Locale.ROOT, "plan: seed %d, %.1f calls/s, %d agents, real-time clock; target %d AMI events/s;"
                + " %d s warm-up, then %d min sampled every %d s%n", seed, calls, agents, rate, warmup, minutes, interval);
        AmiBenchSupport.PumpWatch pump = AmiBenchSupport.PumpWatch.install();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(AmiBenchSupport.redisDir("bridge-soak-redis"), 0,
                false);
             Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser(AmiBenchSupport.USER,
                     AmiBenchSupport.SECRET))))) {
            EmittedEvents emitted = new EmittedEvents();
            sim.pbx().subscribe(emitted);
            try (BridgeClient bridge = new BridgeClient(redis.uri(), "bench-soak:", sim.port(), null, 100_000)) {
                bridge.startAndAwaitUp();
                Thread.sleep(500);
                long base = bridge.amiEventsRead();
                emitted.counting = true;
                Traffic traffic = Traffic.start(sim.pbx(), plan);
                long started = System.nanoTime();
                TimeUnit.SECONDS.sleep(warmup);
                List<Long> heaps = new ArrayList<>();
                List<Integer> threadCounts = new ArrayList<>();
                long lastEmitted = emitted.total();
                long lastRead = bridge.amiEventsRead() - base;
                long lastSample = System.nanoTime();
                long samples = minutes * 60 / interval;
                System.out.println("| t (s) | heap after GC (MB) | threads | AMI events/s sent | AMI events/s read |"
                        + " behind | live channels | domain published | dropped | pump drops | logins | load |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
                for (long i = 0; i <= samples; i++) {
                    if (i > 0) {
                        long due = lastSample + TimeUnit.SECONDS.toNanos(interval);
                        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                    }
                    long now = System.nanoTime();
                    double span = (now - lastSample) / 1e9;
                    long sent = emitted.total();
                    long read = bridge.amiEventsRead() - base;
                    long behind = emitted.deliverable() - read;
                    long live = sim.pbx().counts().get(10, TimeUnit.SECONDS).active();
                    System.gc();
                    long heap = memory.getHeapMemoryUsage().getUsed();
                    int threadCount = threads.getThreadCount();
                    heaps.add(heap);
                    threadCounts.add(threadCount);
                    System.out.printf(Locale.ROOT, "| %d | %.1f | %d | %s | %s | %,d | %,d | %,d | %.0f | %d | %d | %s |%n",
                            (now - started) / 1_000_000_000L, heap / 1048576.0, threadCount,
                            i == 0 ? "-" : String.format("%,.0f", (sent - lastEmitted) / span),
                            i == 0 ? "-" : String.format("%,.0f", (read - lastRead) / span), behind, live,
                            bridge.timed.published.sum(), bridge.counter("cti.bridge.events.dropped"),
                            pump.queueFull.sum(), bridge.loginCount(), BenchSupport.loadAverage());
                    lastEmitted = sent;
                    lastRead = read;
                    lastSample = now;
                }
                traffic.stop();
                long min = heaps.stream().mapToLong(Long::longValue).min().orElse(0);
                long max = heaps.stream().mapToLong(Long::longValue).max().orElse(0);
                long first = heaps.get(0);
                long last = heaps.get(heaps.size() - 1);
                // The first sample is taken right after the warm-up; compare the rest too, in case it is low.
                System.out.printf(Locale.ROOT, "heap after GC: first %.1f MB, last %.1f MB (%+.1f%%), min %.1f MB, max %.1f MB"
                                + " (spread %.1f%% of min); goal: within 10%%%n", first / 1048576.0, last / 1048576.0,
                        (last - first) * 100.0 / first, min / 1048576.0, max / 1048576.0, (max - min) * 100.0 / min);
                System.out.printf("threads: first %d, last %d, min %d, max %d%n", threadCounts.get(0),
                        threadCounts.get(threadCounts.size() - 1),
                        threadCounts.stream().mapToInt(Integer::intValue).min().orElse(0),
                        threadCounts.stream().mapToInt(Integer::intValue).max().orElse(0));
                System.out.printf("events: pbx-sim sent %,d (deliverable %,d), the translator read %,d by the end;"
                                + " %s%n", emitted.total(), emitted.deliverable(), bridge.amiEventsRead() - base,
                        bridge.domainSummary());
                System.out.println(pump.summary());
                System.out.println("load average at the end " + BenchSupport.loadAverage());
            }
        }
    }
}
