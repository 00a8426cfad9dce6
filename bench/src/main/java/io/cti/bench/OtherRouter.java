package io.cti.bench;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.router.agents.Agent;
import io.cti.router.agents.AgentState;
import io.cti.router.board.AgentBoard;
import io.cti.router.reservations.FencingToken;
import io.cti.router.reservations.ReadyAgents;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.staff.AgentProfile;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The rest of the centre around {@link ReservationLatencyBenchmark}'s measured router, in a process of its own as
 * it would be in production (another router process, another host): it answers the agents' calls and queues new
 * calls, on the same Redis. Reads {@code connect <callId> <agentId> <token>} lines on standard input (each
 * ConnectToAgent the measured router published, with its fencing token, or {@code -} for none), completes the call's
 * reservation by that token and puts the agent Not ready, as the router
 * handling the answered call would, then prints {@code rest <agentId>}: the agent may be freed again. Meanwhile it
 * queues new calls in Redis at {@code --rate} (another router's arrivals; the measured router learns them from the
 * change feed) and prints {@code fed <count>} every second. Ends when standard input closes.
 *
 * <p>Arguments: {@code --redis=<uri> --key-prefix=<prefix> --seed --agents --queues --calls --rate}, the same centre
 * as the benchmark's; the first {@code --calls} calls of the scenario are the ones the benchmark queued itself, so
 * the calls fed here continue its numbering.
 */
public final class OtherRouter {

    /** The heap and collector options a child takes over from the benchmark's JVM. */
    private static final Pattern TUNING = Pattern.compile(
            "-Xm[sxn].+|-Xss.+|-XX:[+-]?(Use\\w+GC|MaxTenuringThreshold|InitialTenuringThreshold|MaxGCPauseMillis"
                    + "|\\w*NewSize\\w*|NewRatio|SurvivorRatio|G1\\w+|ParallelGCThreads|ConcGCThreads)(=.*)?");

    /** Set once the benchmark closed this process's input: the feeder stops. */
    private static volatile boolean over;

    private final Reservations reservations;
    private final AgentBoard board;
    private final PrintStream out;

    private OtherRouter(Reservations reservations, AgentBoard board, PrintStream out) {
        this.reservations = reservations;
        this.board = board;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        // All given by Link.start, from the benchmark's own arguments.
        long seed = Long.parseLong(required(a, "seed"));
        int agentCount = Integer.parseInt(required(a, "agents"));
        int queueCount = Integer.parseInt(required(a, "queues"));
        int callCount = Integer.parseInt(required(a, "calls"));
        long rate = Long.parseLong(required(a, "rate"));
        String uri = required(a, "redis");
        RouterKeys keys = RouterKeys.withPrefix(required(a, "key-prefix"));
        RouterSite.quietRouter();
        RouterScenario scenario = new RouterScenario(seed, agentCount, queueCount);
        for (int i = 0; i < callCount; i++) {
            scenario.newCall(Instant.now());
        }
        Map<AgentId, AgentProfile> profiles = new HashMap<>();
        for (Agent agent : scenario.agents) {
            profiles.put(agent.id(), RouterSite.profile(agent));
        }
        RedisClient client = RedisClient.create(uri);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        try (StatefulRedisConnection<String, String> answering = client.connect();
             StatefulRedisConnection<String, String> feeding = client.connect()) {
            AgentBoard board = new AgentBoard(answering.sync(), keys, ReadyAgents.on(answering.sync(), keys),
                    id -> Optional.ofNullable(profiles.get(id)), message -> { }, Clock.systemUTC());
            OtherRouter other = new OtherRouter(Reservations.on(answering.sync(), keys, RouterId.of("other-router")),
                    board, out);
            AtomicLong fed = new AtomicLong();
            Thread feeder = new Thread(() -> feed(WaitingCalls.on(feeding.sync(), keys), scenario, rate, fed, out),
                    "calls-arrive");
            feeder.setDaemon(true);
            feeder.start();
            other.answerUntilEndOfInput();
            // The benchmark is over: the feeder stops before its connection closes.
            over = true;
            feeder.join(5_000);
        } finally {
            client.shutdown();
        }
    }

    private void answerUntilEndOfInput() throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.split(" ");
            if (words.length != 4 || !words[0].equals("connect")) {
                throw new IllegalArgumentException("expected 'connect <callId> <agentId> <token or ->', got: " + line);
            }
            CallId call = CallId.of(words[1]);
            AgentId agent = AgentId.of(words[2]);
            // The ConnectToAgent's fencing token, as the router answering the call has it from the call's record.
            if (words[3].equals("-")) {
                reservations.currentOf(call).ifPresent(r -> reservations.complete(r.token()));
            } else {
                reservations.complete(new FencingToken(Long.parseLong(words[3])));
            }
            board.moveTo(agent, new AgentState.NotReady("bench"));
            synchronized (out) {
                out.println("rest " + agent.value());
                out.flush();
            }
        }
    }

    private static void feed(WaitingCalls calls, RouterScenario scenario, long perSecond, AtomicLong fed,
                             PrintStream out) {
        long period = 1_000_000_000L / perSecond;
        long next = System.nanoTime();
        long reportAt = next + 1_000_000_000L;
        while (!over) {
            calls.enqueue(RouterSite.queued(scenario.newCall(Instant.now())));
            fed.incrementAndGet();
            next += period;
            if (next - reportAt >= 0) {
                synchronized (out) {
                    out.println("fed " + fed.get());
                    out.flush();
                }
                reportAt += 1_000_000_000L;
            }
            long d;
            while ((d = next - System.nanoTime()) > 0) {
                LockSupport.parkNanos(d);
            }
        }
    }

    private static String required(Map<String, String> a, String name) {
        String value = a.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /**
     * The benchmark's end of an {@link OtherRouter} child process, started with the same classpath and centre.
     * Thread-safe.
     */
    static final class Link implements AutoCloseable {

        /** Tells the writer thread that the input is to be closed. */
        private static final String END = "";

        private final Process process;
        private final Writer toChild;
        private final Thread reader;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread writer;
        /** Why the writer stopped before {@link #END}, for the next caller to see. */
        private volatile RuntimeException writeFailure;

        private Link(Process process, Consumer<AgentId> resting, AtomicLong fed) {
            this.process = process;
            this.toChild = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
                    StandardCharsets.UTF_8));
            this.reader = new Thread(() -> read(process, resting, fed), "other-router-reader");
            reader.setDaemon(true);
            reader.start();
            this.writer = new Thread(this::write, "other-router-writer");
            writer.setDaemon(true);
            writer.start();
        }

        static Link start(String redisUri, String keyPrefix, long seed, int agents, int queues, int calls, long rate,
                          Consumer<AgentId> resting, AtomicLong fed) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(tuning());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), OtherRouter.class.getName(),
                    "--redis=" + redisUri, "--key-prefix=" + keyPrefix, "--seed=" + seed, "--agents=" + agents,
                    "--queues=" + queues, "--calls=" + calls, "--rate=" + rate));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Link(process, resting, fed);
        }

        /**
         * The measured JVM's heap and collector options (only those: not its logs, dumps or recordings, which would
         * write the same files): the other routers of a centre run tuned alike.
         */
        private static List<String> tuning() {
            return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(option -> TUNING.matcher(option).matches())
                    .toList();
        }

        /**
         * Tells the child that the measured router connected {@code call} to {@code agent}. Called on the thread that
         * completes the ConnectToAgent's publishing (the Redis client's): the line is written by a thread of its own,
         * so that the pipe's system calls do not hold up the answers of the measured router's commands.
         */
        void connected(CallId call, AgentId agent, Long fencingToken) {
            if (writeFailure != null) {
                throw writeFailure;
            }
            lines.add("connect " + call.value() + " " + agent.value() + " " + (fencingToken == null ? "-" : fencingToken));
        }

        /** Writes the lines queued, as many as are there per flush, until {@link #END}; then closes the input. */
        private void write() {
            List<String> batch = new ArrayList<>();
            try (Writer out = toChild) {
                while (true) {
                    batch.add(lines.take());
                    lines.drainTo(batch);
                    for (String line : batch) {
                        if (line.equals(END)) {
                            return;
                        }
                        out.write(line);
                        out.write('\n');
                    }
                    out.flush();
                    batch.clear();
                }
            } catch (IOException e) {
                writeFailure = new UncheckedIOException("the other router process is gone", e);
                System.out.println("other router: " + writeFailure.getMessage() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writeFailure = new IllegalStateException("the writer to the other router was interrupted", e);
            }
        }

        private static void read(Process process, Consumer<AgentId> resting, AtomicLong fed) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("rest ")) {
                        resting.accept(AgentId.of(line.substring(5)));
                    } else if (line.startsWith("fed ")) {
                        fed.set(Long.parseLong(line.substring(4)));
                    } else {
                        System.out.println("other router: " + line);
                    }
                }
            } catch (IOException e) {
                System.out.println("other router: output lost: " + e);
            }
        }

        /** Ends the child: its input closes once the lines queued are written, then it is stopped if it lingers. */
        @Override
        public void close() throws InterruptedException {
            lines.add(END);
            writer.join(10_000);
            if (writer.isAlive()) {
                System.out.println("other router: its input was not written out within 10 s; stopping it");
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(5_000);
        }

        /** CPU seconds the child used so far (Linux /proc), or -1 where unknown. */
        double cpuSeconds() {
            return BenchSupport.cpuSeconds(process.pid());
        }
    }
}
