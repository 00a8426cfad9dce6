package io.cti.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.bus.BusOptions;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.QueueName;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark (k): the console's push fan-out on one instance. Starts the whole platform as its own process (demo
 * traffic through pbx-sim, the router and its bots, the console) on the bench's embedded PostgreSQL and Redis; adds
 * {@code --agents} agents to the router's directory, creates their console users and {@code --supervisors}
 * supervisors through the user API, logs each in and opens one push socket each (java.net.http.WebSocket). A driver
 * on the bus, standing in for the router, rings calls on the agents (state + screen-pop with a real customer card +
 * other agents' state changes + queue figures every second) at each of {@code --rates} calls per second, and the
 * sockets time each pop from its publish to its frame (HdrHistogram), and each agent state on the wallboards from its
 * occurredAt. Then some sockets stop reading ({@code --slow-agents}, flooded with pops, and
 * {@code --slow-supervisors}) at the last rate: they must be cut off at the configured limit while the others keep
 * their p99. Prints the platform's heap after GC (without and with the sockets), frames per second and CPU.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" io.cti.bench.PushFanOutBenchmark \
 *      [--agents=500] [--supervisors=20] [--rates=2,100] [--states-per-call=4] [--warmup-seconds=20] [--seconds=60]
 *      [--slow-agents=5] [--slow-supervisors=1] [--flood-per-second=200] [--slow-seconds=90]
 *      [--send-queue-frames=256] [--jvm-options=-Xmx1g] [--platform-args="--a=b --c=d"]
 * </pre>
 */
public final class PushFanOutBenchmark {

    private final PlatformProcess platform;
    private final PushDriver driver;
    private final Recorder pops;
    private final Recorder states;
    private final List<PushSocketClient> reading;
    private final RedisCommands<String, String> redis;

    private PushFanOutBenchmark(PlatformProcess platform, PushDriver driver, Recorder pops, Recorder states,
                                List<PushSocketClient> reading, RedisCommands<String, String> redis) {
        this.platform = platform;
        this.driver = driver;
        this.pops = pops;
        this.states = states;
        this.reading = reading;
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        int agentCount = (int) BenchSupport.longArgument(a, "agents", 500);
        int supervisorCount = (int) BenchSupport.longArgument(a, "supervisors", 20);
        double[] rates = Arrays.stream(a.getOrDefault("rates", "2,100").split(",")).mapToDouble(Double::parseDouble).toArray();
        int statesPerCall = (int) BenchSupport.longArgument(a, "states-per-call", 4);
        long warmup = BenchSupport.longArgument(a, "warmup-seconds", 20);
        long seconds = BenchSupport.longArgument(a, "seconds", 60);
        int slowAgents = (int) BenchSupport.longArgument(a, "slow-agents", 5);
        int slowSupervisors = (int) BenchSupport.longArgument(a, "slow-supervisors", 1);
        double flood = BenchSupport.longArgument(a, "flood-per-second", 200);
        long slowSeconds = BenchSupport.longArgument(a, "slow-seconds", 90);
        Path dir = Path.of(a.getOrDefault("dir", "bench/target/push-bench")).toAbsolutePath();
        List<String> jvmOptions = words(a.getOrDefault("jvm-options", ""));

        System.out.println("# PushFanOutBenchmark");
        System.out.println("machine: " + BenchSupport.machine());
        Queue<String> cutOffs = new ConcurrentLinkedQueue<>();
        try (BenchDatabase pg = BenchDatabase.start(dir.resolve("postgres"), true);
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0, false)) {
            pg.server().createDatabaseIfMissing("cti");
            List<String> platformArgs = new ArrayList<>(List.of(
                    "--cti.platform.database.url=" + pg.server().jdbcUrl("cti"),
                    "--cti.platform.database.username=" + pg.server().username(),
                    "--cti.platform.redis.url=" + redis.uri(), "--cti.platform.data-dir=" + dir.resolve("platform-data"),
                    "--server.port=0",
                    // Logins are not what is measured: a cheap hash lets 520 users log in quickly.
                    "--cti.console.bcrypt-strength=4"));
            if (a.containsKey("send-queue-frames")) {
                platformArgs.add("--cti.console.push.send-queue-frames=" + a.get("send-queue-frames"));
            }
            platformArgs.addAll(words(a.getOrDefault("platform-args", "")));
            long started = System.nanoTime();
            try (PlatformProcess platform = PlatformProcess.start(jvmOptions, platformArgs, dir.resolve("platform.log"),
                    line -> {
                        if (line.contains("cut off: it stopped reading")) {
                            cutOffs.add(System.nanoTime() + " " + line.substring(line.indexOf("push socket")));
                        }
                    });
                 HikariDataSource db = PushFloor.database(pg.server());
                 RedisStreamsBus bus = RedisStreamsBus.connect(redis.uri(), BusOptions.builder().streamPrefix("cti:").build(),
                         new SimpleMeterRegistry());
                 StatefulRedisConnection<String, String> lag = RedisClient.create(redis.uri()).connect()) {
                System.out.printf("platform ready on port %d after %.1f s (pid %d); log %s%n", platform.port(),
                        (System.nanoTime() - started) / 1e9, platform.pid(), dir.resolve("platform.log"));
                run(platform, db, bus, lag.sync(), agentCount, supervisorCount, rates, statesPerCall, warmup, seconds, slowAgents,
                        slowSupervisors, flood, slowSeconds, cutOffs);
            }
        }
    }

    private static void run(PlatformProcess platform, HikariDataSource db, RedisStreamsBus bus,
                            RedisCommands<String, String> redis, int agentCount,
                            int supervisorCount, double[] rates, int statesPerCall, long warmup, long seconds,
                            int slowAgentCount, int slowSupervisorCount, double flood, long slowSeconds,
                            Queue<String> cutOffs) throws Exception {
        List<AgentId> agents = PushFloor.agents(agentCount);
        List<String> supervisors = PushFloor.supervisors(supervisorCount);
        PushFloor floor = new PushFloor(platform.port());
        long t = System.nanoTime();
        PushFloor.addToRouter(db, agents);
        List<String[]> users = new ArrayList<>();
        agents.forEach(agent -> users.add(new String[]{agent.value(), "AGENT", agent.value()}));
        supervisors.forEach(supervisor -> users.add(new String[]{supervisor, "SUPERVISOR", null}));
        List<String> cookies = floor.enrol(users, 4);
        List<String> agentCookies = cookies.subList(0, agents.size());
        List<String> supervisorCookies = cookies.subList(agents.size(), cookies.size());
        System.out.printf("%d agents in the router's directory, %d agent and %d supervisor users created and logged in"
                + " in %.1f s%n", agents.size(), agents.size(), supervisors.size(), (System.nanoTime() - t) / 1e9);
        long heapWithout = platform.heapAfterGcMb();

        PushDriver driver = new PushDriver(bus, agents, List.of(QueueName.of("bench-support"), QueueName.of("bench-sales"),
                QueueName.of("bench-vip"), QueueName.of("bench-billing")), PushFloor.cards(db, 200));
        Recorder pops = new Recorder(3);
        Recorder states = new Recorder(3);
        t = System.nanoTime();
        List<PushSocketClient> agentSockets = floor.open(agents.size(), slowAgentCount,
                i -> new String[]{agents.get(i).value(), agentCookies.get(i), agents.get(i).value()},
                driver.published(), pops, states);
        List<PushSocketClient> supervisorSockets = floor.open(supervisors.size(), slowSupervisorCount,
                i -> new String[]{supervisors.get(i), supervisorCookies.get(i), null}, driver.published(), pops, states);
        System.out.printf("%d push sockets open, each with its snapshot, in %.1f s%n",
                agentSockets.size() + supervisorSockets.size(), (System.nanoTime() - t) / 1e9);

        List<PushSocketClient> slow = new ArrayList<>(agentSockets.subList(0, slowAgentCount));
        slow.addAll(supervisorSockets.subList(0, slowSupervisorCount));
        List<AgentId> slowAgents = agents.subList(0, slowAgentCount);
        List<AgentId> timedAgents = agents.subList(slowAgentCount, agents.size());
        List<PushSocketClient> others = new ArrayList<>(agentSockets.subList(slowAgentCount, agentSockets.size()));
        others.addAll(supervisorSockets.subList(slowSupervisorCount, supervisorSockets.size()));
        PushFanOutBenchmark bench = new PushFanOutBenchmark(platform, driver, pops, states, others, redis);

        double stressed = rates[rates.length - 1];
        System.out.printf("warm-up: %d s at %.0f calls/s (not recorded)%n", warmup, stressed);
        driver.run(stressed, statesPerCall, Duration.ofSeconds(warmup), timedAgents, slowAgents, flood);
        bench.drain();
        long heapWith = platform.heapAfterGcMb();
        System.out.printf("platform heap after GC: %d MB before the sockets, %d MB with %d sockets open (%.1f KB a socket)%n",
                heapWithout, heapWith, agentSockets.size() + supervisorSockets.size(),
                (heapWith - heapWithout) * 1024.0 / (agentSockets.size() + supervisorSockets.size()));

        System.out.println("pops timed on the " + timedAgents.size() + " agents' sockets that keep reading; agent states"
                + " timed on the " + (supervisors.size() - slowSupervisorCount) + " wallboards that keep reading (ms)");
        System.out.println("| phase | calls/s | pops | p50 | p99 | p99.9 | max | wallboard states | p50 | p99 | max"
                + " | events/s published | frames/s received | pops lost | platform CPU s/s | bench CPU s/s"
                + " | console's bus reader behind, max ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Histogram baseline = null;
        for (double rate : rates) {
            // At the stressed rate the flood runs with everyone reading too, so that only the not reading differs.
            boolean flooded = rate == stressed && flood > 0;
            Histogram h = bench.phase("all reading" + (flooded ? ", flooded " + (long) flood + " pops/s" : ""), rate,
                    statesPerCall, seconds, timedAgents, flooded ? slowAgents : List.of(), flooded ? flood : 0);
            baseline = rate == stressed ? h : baseline;
        }
        slow.forEach(PushSocketClient::stopReading);
        long stopped = System.nanoTime();
        Histogram withSlow = bench.phase(slowAgentCount + " agents + " + slowSupervisorCount + " wallboards not reading"
                + (flood > 0 ? ", flooded " + (long) flood + " pops/s" : ""), stressed, statesPerCall, slowSeconds,
                timedAgents, slowAgents, flood);
        System.out.printf("p99 with the slow sockets / p99 all reading, same rate %.0f calls/s: %.3f / %.3f ms = %.2f%n",
                stressed, withSlow.getValueAtPercentile(99) / 1000.0, baseline.getValueAtPercentile(99) / 1000.0,
                (double) withSlow.getValueAtPercentile(99) / Math.max(1, baseline.getValueAtPercentile(99)));
        bench.reportSlow(slow, stopped, cutOffs);
        System.out.printf("platform heap after GC at the end: %d MB; %d sockets still open and reading%n",
                platform.heapAfterGcMb(), others.stream().filter(c -> !c.closed().isDone()).count());
        long foreign = agentSockets.stream().mapToLong(PushSocketClient::foreignPops).sum()
                + supervisorSockets.stream().mapToLong(PushSocketClient::foreignPops).sum();
        System.out.println("pops that reached a socket not of their agent: " + foreign);
        agentSockets.forEach(PushSocketClient::close);
        supervisorSockets.forEach(PushSocketClient::close);
    }

    /** One measured phase; prints its row and returns its pop latency histogram (µs). */
    private Histogram phase(String name, double rate, int statesPerCall, long seconds, List<AgentId> timed,
                            List<AgentId> flooded, double flood) throws Exception {
        pops.getIntervalHistogram();
        states.getIntervalHistogram();
        long frames0 = frames();
        long events0 = driver.events();
        double cpu0 = platform.cpuSeconds();
        double benchCpu0 = BenchSupport.processCpuSeconds();
        AtomicLong backlog = new AtomicLong(-1);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> backlog.accumulateAndGet(consoleBacklog(), Math::max), 0, 500,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        driver.run(rate, statesPerCall, Duration.ofSeconds(seconds), timed, flooded, flood);
        double elapsed = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        double benchCpu = BenchSupport.processCpuSeconds() - benchCpu0;
        long lost = drain();
        double cpu = platform.cpuSeconds() - cpu0;
        Histogram p = pops.getIntervalHistogram();
        Histogram s = states.getIntervalHistogram();
        System.out.printf("| %s | %.0f | %d | %.2f | %.2f | %.2f | %.2f | %d | %.2f | %.2f | %.2f | %.0f | %.0f | %d | %.2f | %.2f | %d |%n",
                name, rate, p.getTotalCount(), ms(p, 50), ms(p, 99), ms(p, 99.9), p.getMaxValue() / 1000.0,
                s.getTotalCount(), ms(s, 50), ms(s, 99), s.getMaxValue() / 1000.0, (driver.events() - events0) / elapsed,
                (frames() - frames0) / elapsed, lost, cpu / elapsed, benchCpu / elapsed, backlog.get());
        return p;
    }

    /**
     * How far behind the newest event the console's consumer group has read, in ms of entry ids (0: caught up), from
     * XINFO STREAM's last-generated-id and XINFO GROUPS' last-delivered-id: a backlog here is the platform's bus
     * reader's, not the sockets'. -1 when the group is not there.
     */
    private long consoleBacklog() {
        long newest = idMillis(field(redis.xinfoStream("cti:events"), "last-generated-id"));
        for (Object group : redis.xinfoGroups("cti:events")) {
            if ("agent-console".equals(String.valueOf(field((List<?>) group, "name")))) {
                return Math.max(0, newest - idMillis(field((List<?>) group, "last-delivered-id")));
            }
        }
        return -1;
    }

    private static Object field(List<?> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(String.valueOf(fields.get(i)))) {
                return fields.get(i + 1);
            }
        }
        throw new IllegalStateException("XINFO gave no " + name + ": " + fields);
    }

    private static long idMillis(Object entryId) {
        String id = String.valueOf(entryId);
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    /** Waits (at most 10 s) for the pops in flight to arrive; returns those that did not (then forgets them). */
    private long drain() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!driver.published().isEmpty() && System.nanoTime() < deadline) {
            PushFloor.sleep(20);
        }
        long lost = driver.published().size();
        driver.published().clear();
        return lost;
    }

    private long frames() {
        return reading.stream().mapToLong(PushSocketClient::frames).sum();
    }

    private void reportSlow(List<PushSocketClient> slow, long stopped, Queue<String> cutOffs) {
        System.out.println("cut off by the platform (seconds after they stopped reading: its log line):");
        for (String line : cutOffs) {
            long at = Long.parseLong(line.substring(0, line.indexOf(' ')));
            System.out.printf("  %.1f s: %s%n", (at - stopped) / 1e9, line.substring(line.indexOf(' ') + 1));
        }
        slow.forEach(PushSocketClient::resumeReading);
        for (PushSocketClient client : slow) {
            String end;
            try {
                end = "close code " + client.closed().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                end = "still open after 60 s of reading again (" + e.getClass().getSimpleName() + ")";
            }
            System.out.printf("  %s: read %d frames in all, then %s%n", client.username(), client.frames(), end);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split(" ")).filter(w -> !w.isBlank()).toList();
    }
}
