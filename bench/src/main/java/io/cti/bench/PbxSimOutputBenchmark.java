package io.cti.bench;

import io.cti.bench.AmiBenchSupport.BareClient;
import io.cti.bench.AmiBenchSupport.EmittedEvents;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * pbx-sim's sustained event output: the platform dialplan's inbound traffic (see {@link AmiBenchSupport#plan}) on a
 * virtual clock, generated as fast as the client takes it (the clock is run in steps and held whenever the client
 * is more than {@code --max-lag} events behind), with three clients in turn: none (the PBX model alone, no AMI
 * session), a raw TCP reader that logs in and counts bytes and frames (the baseline: what the socket can carry),
 * and a bare asterisk-java listener that counts events. Each phase gets a fresh simulator with the same seed, so
 * the same event stream; the first {@code --warmup} events of a phase are not timed.
 *
 * <pre>java -cp "$CP" io.cti.bench.PbxSimOutputBenchmark --events=1000000 --warmup=200000 --rounds=2</pre>
 */
public final class PbxSimOutputBenchmark {

    private PbxSimOutputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        long events = BenchSupport.longArgument(a, "events", 1_000_000);
        long warmup = BenchSupport.longArgument(a, "warmup", 200_000);
        long rounds = BenchSupport.longArgument(a, "rounds", 2);
        long maxLag = BenchSupport.longArgument(a, "max-lag", 2_000);
        long seed = BenchSupport.longArgument(a, "seed", 7);
        int agents = (int) BenchSupport.longArgument(a, "agents", 2000);
        double calls = BenchSupport.longArgument(a, "calls-per-second", 330);
        System.out.println("machine: " + BenchSupport.machine());
        System.out.printf("plan: seed %d, %.0f simulated calls/s, %d agents; %d events timed per phase after %d warm-up;"
                + " max lag %d events%n", seed, calls, agents, events, warmup, maxLag);
        AmiBenchSupport.PumpWatch pump = AmiBenchSupport.PumpWatch.install();
        TrafficPlan plan = AmiBenchSupport.plan(seed, calls, agents);
        List<String> only = a.containsKey("clients") ? List.of(a.get("clients").split(",")) : null;
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of("none", "raw", "asterisk-java")
                    : List.of("asterisk-java", "raw", "none");
            for (String client : order) {
                if (only != null && !only.contains(client)) {
                    continue;
                }
                String line = phase(client, plan, warmup, events, maxLag);
                lines.add("round " + (round + 1) + " " + line);
                System.out.println("round " + (round + 1) + " " + line);
            }
        }
        System.out.println(pump.summary());
        System.out.println("load average at the end " + BenchSupport.loadAverage());
    }

    private static String phase(String client, TrafficPlan plan, long warmup, long events, long maxLag)
            throws Exception {
        VirtualClock clock = VirtualClock.create();
        SimulatorConfig config = SimulatorConfig.embedded(List.of(new AmiUser(AmiBenchSupport.USER,
                AmiBenchSupport.SECRET))).withClock(() -> clock);
        String load = BenchSupport.loadAverage();
        try (Simulator sim = Simulator.start(config)) {
            EmittedEvents emitted = new EmittedEvents();
            sim.pbx().subscribe(emitted);
            RawReader raw = null;
            BareClient bare = null;
            LongSupplier received;
            switch (client) {
                case "none" -> received = emitted::total;
                case "raw" -> {
                    raw = new RawReader(sim.port());
                    received = raw::frames;
                }
                default -> {
                    bare = new BareClient(sim.port());
                    bare.login();
                    received = bare::events;
                }
            }
            Thread.sleep(300);
            long base = received.getAsLong();
            LongSupplier got = () -> received.getAsLong() - base;
            emitted.counting = true;
            Traffic.start(sim.pbx(), plan);
            Duration step = Duration.ofMillis(20);
            LongSupplier expected = "asterisk-java".equals(client) ? emitted::deliverable : emitted::total;
            AmiBenchSupport.pace(clock, expected, got, warmup, maxLag, step);
            AmiBenchSupport.awaitConsumed(got, expected.getAsLong(), Duration.ofSeconds(10));
            long start = System.nanoTime();
            double cpuStart = BenchSupport.processCpuSeconds();
            long got0 = got.getAsLong();
            long bytes0 = raw == null ? 0 : raw.bytes();
            AmiBenchSupport.pace(clock, expected, got, warmup + events, maxLag, step);
            long target = expected.getAsLong();
            long end = AmiBenchSupport.awaitConsumed(got, target, Duration.ofSeconds(10));
            double cpu = BenchSupport.processCpuSeconds() - cpuStart;
            if (end < 0) {
                return String.format("%-13s FAILED: the client stopped at %d of %d events", client, got.getAsLong(),
                        target);
            }
            double seconds = (end - start) / 1e9;
            long n = target - got0;
            String extra = raw == null ? "" : String.format(", %.1f MB/s, %.0f bytes/event",
                    (raw.bytes() - bytes0) / seconds / 1e6, (raw.bytes() - bytes0) / (double) n);
            if (raw != null) {
                raw.close();
            }
            if (bare != null) {
                bare.close();
            }
            return String.format("%-13s %,d events in %.2f s = %,.0f events/s%s; CPU of this JVM %.1f s"
                            + " (%.1f µs/event); load average before %s", client, n, seconds, n / seconds, extra, cpu,
                    cpu * 1e6 / n, load);
        }
    }

    /** Logs in over a plain socket and counts what arrives: bytes, and frames (messages ended by an empty line). */
    static final class RawReader implements AutoCloseable {
        private final Socket socket;
        private final Thread thread;
        private volatile long frames;
        private volatile long bytes;

        RawReader(int port) throws Exception {
            socket = new Socket("127.0.0.1", port);
            socket.setReceiveBufferSize(1 << 20);
            OutputStream out = socket.getOutputStream();
            out.write(("Action: Login\r\nActionID: 1\r\nUsername: " + AmiBenchSupport.USER + "\r\nSecret: "
                    + AmiBenchSupport.SECRET + "\r\nEvents: on\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            thread = new Thread(() -> read(in), "raw-ami-reader");
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (frames < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        private void read(InputStream in) {
            byte[] buffer = new byte[1 << 16];
            int window = 0;
            long f = 0;
            long b = 0;
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        window = (window << 8) | (buffer[i] & 0xff);
                        if (window == 0x0d0a0d0a) {
                            f++;
                        }
                    }
                    b += n;
                    bytes = b;
                    frames = f;
                }
            } catch (Exception e) {
                // closed
            }
        }

        long frames() {
            return frames;
        }

        long bytes() {
            return bytes;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }
}
