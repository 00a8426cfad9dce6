package io.cti.bench;

import io.cti.bench.AmiBenchSupport.BridgeClient;
import io.cti.bench.AmiBenchSupport.EmittedEvents;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;
import io.micrometer.core.instrument.Gauge;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The bridge at a steady event rate on the real-time clock: pbx-sim's inbound traffic (see
 * {@link AmiBenchSupport#plan}) at the call rate that makes {@code --rate} AMI events per second (calibrated first on a
 * virtual clock), the bridge publishing to the embedded Redis. Checks that nothing is lost (events pbx-sim sent
 * against events the translator read, per type; the publisher's drop counter; asterisk-java's own "queue is full"
 * drops; reconnects) and records the age of each domain event when Redis acknowledged it, two ways:
 * <ul>
 * <li>from pbx-sim raising the AMI event on its clock thread (before it is written to the socket) — an upper bound
 * of the age from the socket read, matched by Uniqueid/channel for CallArrived, AgentLegRinging, CallConnected;</li>
 * <li>from the bridge's own stamp ({@code occurredAt}, taken when asterisk-java's dispatch thread hands the event to
 * the translator) — a lower bound: it leaves out the wait in asterisk-java's event queue. CallEnded is left out of
 * both: it is published on purpose 1 s (endSettle) after the last hang-up.</li>
 * </ul>
 *
 * <pre>java -cp "$CP" io.cti.bench.BridgeLatencyBenchmark --rate=10000 --warmup-seconds=20 --seconds=60</pre>
 */
public final class BridgeLatencyBenchmark {

    private BridgeLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        long rate = BenchSupport.longArgument(a, "rate", 10_000);
        long warmupSeconds = BenchSupport.longArgument(a, "warmup-seconds", 20);
        long seconds = BenchSupport.longArgument(a, "seconds", 60);
        long seed = BenchSupport.longArgument(a, "seed", 11);
        int agents = (int) BenchSupport.longArgument(a, "agents", 3000);
        System.out.println("machine: " + BenchSupport.machine());
        double calls = a.containsKey("calls-per-second") ? Double.parseDouble(a.get("calls-per-second"))
                : AmiBenchSupport.callsPerSecondFor(seed, rate, agents);
        TrafficPlan plan = AmiBenchSupport.plan(seed, calls, agents);
        System.out.printf(Locale.ROOT, "plan: seed %d, %.1f calls/s, %d agents, real-time clock; target %d AMI events/s;"
                + " %d s warm-up, %d s measured%n", seed, calls, agents, rate, warmupSeconds, seconds);
        AmiBenchSupport.PumpWatch pump = AmiBenchSupport.PumpWatch.install();
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(AmiBenchSupport.redisDir("bridge-latency-redis"), 0,
                false);
             Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser(AmiBenchSupport.USER,
                     AmiBenchSupport.SECRET))))) {
            EmittedEvents emitted = new EmittedEvents();
            sim.pbx().subscribe(emitted);
            try (BridgeClient bridge = new BridgeClient(redis.uri(), "bench-latency:", sim.port(), emitted, 1_000_000)) {
                bridge.startAndAwaitUp();
                Thread.sleep(500);
                long base = bridge.amiEventsRead();
                Map<String, Long> baseTypes = bridge.amiEventsByType();
                emitted.counting = true;
                Traffic traffic = Traffic.start(sim.pbx(), plan);
                long started = System.nanoTime();
                long lastEmitted = 0;
                double minRate = Double.MAX_VALUE;
                double maxRate = 0;
                long maxLag = 0;
                double maxQueued = 0;
                long measureStart = 0;
                long emittedAtStart = 0;
                for (long second = 1; second <= warmupSeconds + seconds; second++) {
                    long due = started + TimeUnit.SECONDS.toNanos(second);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    long now = emitted.total();
                    long lag = emitted.deliverable() - (bridge.amiEventsRead() - base);
                    Gauge queued = bridge.registry.find("cti.bridge.events.queued").gauge();
                    double q = queued == null ? 0 : queued.value();
                    if (second == warmupSeconds) {
                        emitted.stamping = true;
                        bridge.timed.recording = true;
                        measureStart = System.nanoTime();
                        emittedAtStart = now;
                    } else if (second > warmupSeconds) {
                        minRate = Math.min(minRate, now - lastEmitted);
                        maxRate = Math.max(maxRate, now - lastEmitted);
                        maxLag = Math.max(maxLag, lag);
                        maxQueued = Math.max(maxQueued, q);
                    }
                    if (second % 10 == 0) {
                        System.out.printf("t=%3d s: pbx-sim sent %,d events in the last second; bridge %,d events behind;"
                                        + " publish queue %.0f; load average %s%n", second, now - lastEmitted, lag, q,
                                BenchSupport.loadAverage());
                    }
                    lastEmitted = now;
                }
                bridge.timed.recording = false;
                double measured = (System.nanoTime() - measureStart) / 1e9;
                long emittedMeasured = emitted.total() - emittedAtStart;
                traffic.stop();
                sim.pbx().hangupMatching(name -> true, 16).get(10, TimeUnit.SECONDS);
                Thread.sleep(3000);
                long deliverable = emitted.deliverable();
                long end = AmiBenchSupport.awaitConsumed(() -> bridge.amiEventsRead() - base, deliverable,
                        Duration.ofSeconds(10));
                Thread.sleep(2500); // CallEnded settle (1 s) and the publisher's queue
                long read = bridge.amiEventsRead() - base;

                System.out.printf(Locale.ROOT, "rate: %,d events in %.1f s measured = %,.0f AMI events/s (per second:"
                        + " min %,.0f, max %,.0f)%n", emittedMeasured, measured, emittedMeasured / measured, minRate, maxRate);
                System.out.printf("largest backlog during the measurement: %,d AMI events not yet read by the"
                        + " translator; %,.0f domain events queued for the bus%n", maxLag, maxQueued);
                System.out.printf("events: pbx-sim sent %,d (%,d of them UserEvents asterisk-java has no class for and"
                                + " drops by design), deliverable %,d; the translator read %,d; missing %,d%s%n",
                        emitted.total(), emitted.unregisteredUserEvents.sum(), deliverable, read, deliverable - read,
                        end < 0 ? " (the translator stopped before the end)" : "");
                System.out.println(bridge.domainSummary());
                System.out.println(pump.summary());
                System.out.println("per type, sent by pbx-sim / read by the translator:");
                Map<String, Long> sent = emitted.snapshot();
                Map<String, Long> seen = new TreeMap<>();
                bridge.amiEventsByType().forEach((type, count) -> seen.put(type, count - baseTypes.getOrDefault(type, 0L)));
                Map<String, String> rows = new TreeMap<>();
                sent.forEach((name, count) -> rows.put(key(name), name + " " + count));
                seen.forEach((type, count) -> rows.merge(key(type), type + " " + count, (x, y) -> x + " / " + y));
                rows.forEach((k, v) -> System.out.println("  " + v));
                System.out.println("age of the domain events when Redis acknowledged them (CallEnded excluded):");
                System.out.println("  from pbx-sim raising the AMI event:    " + AmiBenchSupport.ms(bridge.timed.fromPbxSim)
                        + "; unmatched " + bridge.timed.unmatched.sum());
                System.out.println("  from the bridge's receipt stamp:       " + AmiBenchSupport.ms(bridge.timed.fromBridgeStamp));
                System.out.println("load average at the end " + BenchSupport.loadAverage());
            }
        }
    }

    /** One row key for pbx-sim's event name and asterisk-java's class name of the same event. */
    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT);
        if (k.startsWith("userevent:")) {
            k = k.substring("userevent:".length());
        }
        return k.endsWith("event") ? k.substring(0, k.length() - "event".length()) : k;
    }
}
