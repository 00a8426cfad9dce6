package io.cti.bench;

import io.cti.bench.AmiBenchSupport.BridgeClient;
import io.cti.bridge.actions.BridgeCommandHandler;
import io.cti.core.bus.BusOptions;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.demo.DemoSeeder;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.ScreenPopReady;
import io.cti.pbxsim.Simulator;
import io.cti.pbxsim.SimulatorConfig;
import io.cti.pbxsim.ami.AmiUser;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.PbxListener;
import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.CallerNumbers;
import io.cti.pbxsim.traffic.Delay;
import io.cti.pbxsim.traffic.InboundQueue;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;
import io.cti.pbxsim.traffic.TrafficStats;
import io.cti.router.agents.Agent;
import io.cti.router.calls.AgentStateView;
import io.cti.router.calls.FlowPublishing;
import io.cti.router.calls.FlowSettings;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.calls.ScreenPops;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.reservations.ReservationReaper;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Screen-pop latency, end to end on real parts: pbx-sim (embedded, real AMI over TCP) rings inbound callers from the
 * customer database's numbers into two queues at {@code --calls-per-second}; the bridge reads its AMI events and
 * publishes the domain events on the Redis bus and executes the router's commands; the router's call flow, subscribed
 * to the bus as the platform subscribes it (one consumer, every call event), queues and routes the calls, sends
 * {@link ConnectToAgent}; when the agent's phone rings, {@link ScreenPops} on a consumer group of its own (as in the
 * platform; {@code --pops=flow} sends them from the flow's thread instead) publishes {@link ScreenPopReady} with the
 * customer's card from PostgreSQL. The latency of each pop runs from pbx-sim raising the AMI event of the agent's
 * phone ringing
 * (DialBegin, on its clock thread, before it is written to the socket) to Redis acknowledging the ScreenPopReady
 * for that call: it holds the bridge, the bus delivery to the router, any wait behind the router's other messages,
 * and the router's own handling. It is split into the part before the router handles the ring and the router's part.
 * Agents answer after 0.5-1.5 s (one in fifty rings out: RONA; a bot makes them Ready again after 2 s), talk 2-6 s,
 * and have no wrap-up time, so they are Ready again at once.
 *
 * <pre>java -cp "$CP" io.cti.bench.ScreenPopLatencyBenchmark --calls-per-second=100 --agents=800 --warmup-seconds=20 --seconds=60</pre>
 */
public final class ScreenPopLatencyBenchmark {

    /** DialBegin raised by pbx-sim, by the agent leg's channel (nanoTime), while measuring. */
    private final Map<String, Long> rang = new ConcurrentHashMap<>();
    /** The same raise times, for the bare consumer (each map is emptied by its own reader). */
    private final Map<String, Long> rangForBare = new ConcurrentHashMap<>();
    /** The ring's raise time and when the router began handling it, by call. */
    private final Map<CallId, long[]> ringing = new ConcurrentHashMap<>();
    private final Histogram pop = BenchSupport.histogram();
    private final Histogram beforeRouter = BenchSupport.histogram();
    private final Histogram inRouter = BenchSupport.histogram();
    private final Histogram beforeBare = BenchSupport.histogram();
    private final LongAdder pops = new LongAdder();
    private final LongAdder knownPops = new LongAdder();
    private final LongAdder connects = new LongAdder();
    private final LongAdder handled = new LongAdder();
    private volatile boolean stamping;
    private volatile boolean popsApart;

    private ScreenPopLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = BenchSupport.arguments(args);
        double callsPerSecond = Double.parseDouble(a.getOrDefault("calls-per-second", "100"));
        int agents = (int) BenchSupport.longArgument(a, "agents", 800);
        int customers = (int) BenchSupport.longArgument(a, "customers", 2000);
        long warmupSeconds = BenchSupport.longArgument(a, "warmup-seconds", 20);
        long seconds = BenchSupport.longArgument(a, "seconds", 60);
        long seed = BenchSupport.longArgument(a, "seed", 11);
        // "apart" as the platform runs it (the pops on a consumer group of their own), or "flow" (the flow's thread).
        boolean popsApart = !"flow".equals(a.getOrDefault("pops", "apart"));
        Path dir = Path.of(a.getOrDefault("dir", "bench/target/screen-pop-bench"));
        RouterSite.quietRouter();
        System.out.println("machine: " + BenchSupport.machine());
        ScreenPopLatencyBenchmark bench = new ScreenPopLatencyBenchmark();
        bench.popsApart = popsApart;
        try (RouterSite site = RouterSite.start(dir.resolve("postgres"), "screen_pop_bench");
             EmbeddedRedisServer redis = EmbeddedRedisServer.start(dir.resolve("redis"), 0, false);
             Simulator sim = Simulator.start(SimulatorConfig.embedded(List.of(new AmiUser(AmiBenchSupport.USER,
                     AmiBenchSupport.SECRET))))) {
            long t = System.nanoTime();
            new DemoSeeder(site.database, site.figures).seedIfEmpty(customers, seed, LocalDate.now(ZoneOffset.UTC));
            List<String> numbers = new JdbcTemplate(site.database)
                    .queryForList("select e164 from customer_phone order by e164", String.class);
            site.storeQueues(List.of(queue("support"), queue("sales")));
            List<Agent> team = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                team.add(Agent.loggedOut(AgentId.of(String.format("agent-%04d", i)), Map.of(Skill.of("support"),
                        Proficiency.of(5), Skill.of("sales"), Proficiency.of(5)), Set.of("team"),
                        "PJSIP/" + (30000 + i), Instant.now()));
            }
            site.storeAgents(team);
            System.out.printf(Locale.ROOT, "%d customers (%d phone numbers), 2 queues and %d agents stored in %.1f s%n",
                    customers, numbers.size(), agents, (System.nanoTime() - t) / 1e9);
            sim.pbx().subscribe(bench.new Rings());
            RedisClient client = RedisClient.create(redis.uri());
            StatefulRedisConnection<String, String> routerConnection = client.connect();
            StatefulRedisConnection<String, String> reaperConnection = client.connect();
            RouterKeys keys = RouterKeys.withPrefix("bench:router:");
            String prefix = "bench-pop:";
            try (RedisStreamsBus bus = RedisStreamsBus.connect(redis.uri(), BusOptions.builder().streamPrefix(prefix)
                    .build(), new SimpleMeterRegistry());
                 BridgeClient bridge = new BridgeClient(redis.uri(), prefix, sim.port(), null, 1_000_000)) {
                StampedBus stamped = new StampedBus(bus, bench::acknowledged);
                InboundCallFlow flow = site.flow(routerConnection.sync(), keys, "bench-router",
                        FlowPublishing.onBus(stamped), FlowSettings.defaults().withRandomSeed(seed));
                bridge.startAndAwaitUp();
                RunningSubscription commands = bus.subscribe(Subscription.builder("cti-bridge", "bench")
                        .streams(BusStream.COMMANDS).types(ConnectToAgent.class, HangUp.class).build(),
                        new BridgeCommandHandler(bridge.bridge.callControl(), Duration.ofSeconds(5),
                                new SimpleMeterRegistry()));
                for (Agent agent : team) {
                    flow.handle(ChangeAgentState.now(agent.id(), AgentStatus.READY, ""));
                }
                RunningSubscription popper = null;
                if (popsApart) {
                    ScreenPops screenPops = flow.separateScreenPops();
                    popper = bus.subscribe(Subscription.builder("acd-router-pops", "bench").streams(BusStream.EVENTS)
                            .types(AgentLegRinging.class).build(), message -> bench.pop(screenPops, message));
                }
                System.out.println("screen-pops: " + (popsApart ? "on a consumer group of their own, as the platform"
                        + " sends them" : "on the flow's thread"));
                RunningSubscription router = bus.subscribe(Subscription.builder("acd-router", "bench")
                        .streams(BusStream.EVENTS, BusStream.COMMANDS)
                        .types(CallArrived.class, AgentLegRinging.class, AgentLegUnanswered.class, CallConnected.class,
                                CallEnded.class, ChangeAgentState.class).build(), message -> bench.route(flow, message));
                // The baseline of the part before the router: a consumer group that only notes when the ring reaches it.
                RunningSubscription bare = bus.subscribe(Subscription.builder("bench-bare-consumer", "bench")
                        .streams(BusStream.EVENTS).types(AgentLegRinging.class).build(), bench::bareConsumerSees);
                ReservationReaper reaper = ReservationReaper.start(Reservations.on(reaperConnection.sync(), keys,
                        RouterId.of("bench-reaper")), Duration.ofSeconds(1));
                Thread ticker = new Thread(() -> tickAndWakeUp(flow), "router-tick");
                ticker.setDaemon(true);
                ticker.start();
                double perHour = callsPerSecond * 3600 / 2;
                TrafficPlan plan = TrafficPlan.seeded(seed)
                        .withQueues(List.of(
                                InboundQueue.poisson("support", "5550100", perHour)
                                        .withPatience(Delay.lognormal(60, 20)).withTalk(Delay.uniform(2, 6)),
                                InboundQueue.poisson("sales", "5550200", perHour)
                                        .withPatience(Delay.lognormal(60, 20)).withTalk(Delay.uniform(2, 6))))
                        .withCallers(new CallerNumbers(numbers, 0.1))
                        .withAgents(AgentPhones.range(30000, 30000 + agents - 1)
                                .withRingDelay(Delay.uniform(0.5, 1.5)).withNoAnswer(0.02))
                        .withAutoRoute(false);
                System.out.printf(Locale.ROOT, "traffic: %.1f calls/s into support and sales, 10%% unknown callers,"
                                + " %d agents; %d s warm-up, %d s measured; load average %s%n", callsPerSecond, agents,
                        warmupSeconds, seconds, BenchSupport.loadAverage());
                Traffic traffic = Traffic.start(sim.pbx(), plan);
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
                TrafficStats before = traffic.stats();
                long handledBefore = bench.handled.sum();
                String loadBefore = BenchSupport.loadAverage();
                bench.stamping = true;
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
                bench.stamping = false;
                TrafficStats after = traffic.stats();
                traffic.stop();
                bench.report(before, after, bench.handled.sum() - handledBefore, seconds, loadBefore, bridge,
                        callsPerSecond);
                router.close();
                if (popper != null) {
                    popper.close();
                }
                commands.close();
                bare.close();
                reaper.close();
                ticker.interrupt();
            } finally {
                routerConnection.close();
                reaperConnection.close();
                client.shutdown();
            }
        }
        System.out.println("load average at the end: " + BenchSupport.loadAverage());
    }

    private static QueueDefinition queue(String name) {
        return new QueueDefinition(QueueName.of(name), name, List.of(SkillRequirement.of(name, 3)),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofMinutes(10),
                List.of(), false, RoutingStrategy.LONGEST_IDLE, Duration.ZERO, Duration.ofSeconds(15), Duration.ZERO);
    }

    /** The flow's tick every second, and the demo bots' one duty here: agents who rang out are Ready again. */
    private static void tickAndWakeUp(InboundCallFlow flow) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
                flow.tick();
                Instant now = Instant.now();
                for (AgentStateView agent : flow.agentStates()) {
                    if (agent.status() == AgentStatus.NOT_READY && agent.since().isBefore(now.minusSeconds(2))) {
                        flow.handle(ChangeAgentState.now(agent.agentId(), AgentStatus.READY, ""));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                System.out.println("tick failed: " + e);
            }
        }
    }

    /** The router's bus handler: notes when it begins handling a ring (unless pops are apart), then hands it on. */
    private void route(InboundCallFlow flow, DomainMessage message) {
        handled.increment();
        if (!popsApart) {
            noteHandlingStarts(message);
        }
        flow.handle(message);
    }

    /** The screen-pops' own bus handler: notes when it begins handling a ring, then pops. */
    private void pop(ScreenPops screenPops, DomainMessage message) {
        noteHandlingStarts(message);
        screenPops.handle(message);
    }

    /** The bare consumer's handler: the time from the ring to a consumer that does nothing else. */
    private void bareConsumerSees(DomainMessage message) {
        if (stamping && message instanceof AgentLegRinging ring) {
            Long raised = rangForBare.remove(ring.channel());
            if (raised != null) {
                beforeBare.recordValue(Math.max(0, (System.nanoTime() - raised) / 1000));
            }
        }
    }

    private void noteHandlingStarts(DomainMessage message) {
        if (stamping && message instanceof AgentLegRinging ring) {
            Long raised = rang.remove(ring.channel());
            if (raised != null) {
                ringing.put(ring.callId(), new long[] {raised, System.nanoTime()});
            }
        }
    }

    private void acknowledged(DomainMessage message, long nanos) {
        if (message instanceof ConnectToAgent) {
            connects.increment();
        } else if (message instanceof ScreenPopReady ready) {
            long[] ring = ringing.remove(ready.callId());
            if (ring != null) {
                pop.recordValue(Math.max(0, (nanos - ring[0]) / 1000));
                beforeRouter.recordValue(Math.max(0, (ring[1] - ring[0]) / 1000));
                inRouter.recordValue(Math.max(0, (nanos - ring[1]) / 1000));
                pops.increment();
                if (ready.card() != null) {
                    knownPops.increment();
                }
            }
        }
    }

    private void report(TrafficStats before, TrafficStats after, long handledMessages, long seconds, String loadBefore,
                        BridgeClient bridge, double callsPerSecond) {
        long calls = after.inboundCalls() - before.inboundCalls();
        System.out.printf(Locale.ROOT, "measured %d s: %d calls (%.1f/s), %d answered by agents, %d rang out, %d"
                        + " abandoned; the router handled %d messages (%.0f/s), sent %d ConnectToAgent in the whole run;"
                        + " load average %s before, %s after%n", seconds, calls, calls / (double) seconds,
                after.agentAnswers() - before.agentAnswers(), after.agentNoAnswers() - before.agentNoAnswers(),
                after.inboundAbandoned() - before.inboundAbandoned(), handledMessages, handledMessages / (double) seconds,
                connects.sum(), loadBefore, BenchSupport.loadAverage());
        System.out.printf(Locale.ROOT, "screen-pops measured: %d (%d with a customer card, %d for unknown callers);"
                + " rings not matched to a pop: %d%n", pops.sum(), knownPops.sum(), pops.sum() - knownPops.sum(),
                ringing.size());
        System.out.println(bridge.domainSummary());
        System.out.println(BenchSupport.PERCENTILE_HEADER);
        System.out.println(BenchSupport.percentiles("**agent's phone rings (AMI DialBegin) → ScreenPopReady published**",
                pop));
        System.out.println(BenchSupport.percentiles("part: AMI event → the router begins handling AgentLegRinging"
                + " (bridge, bus, waiting behind other messages)", beforeRouter));
        System.out.println(BenchSupport.percentiles("part: the router's handling → ScreenPopReady acknowledged",
                inRouter));
        System.out.println(BenchSupport.percentiles("baseline: AMI event → a bare consumer group of the events gets"
                + " the ring (bridge, bus)", beforeBare));
        double p99 = pop.getValueAtPercentile(99);
        System.out.printf(Locale.ROOT, "goal p99 < 50 ms at 100 new calls/s (this run: %.1f/s): %s (p99 %.3f ms)%n",
                callsPerSecond, pops.sum() > 0 && p99 < 50_000 ? "met" : "NOT met", p99 / 1000);
    }

    /** Notes when pbx-sim raises each DialBegin (the agent's phone starts ringing), on its clock thread. */
    private final class Rings implements PbxListener {
        @Override
        public void onEvent(ManagerEvent event) {
            if (stamping && "DialBegin".equals(event.name())) {
                String channel = event.get("DestChannel");
                if (channel != null) {
                    long now = System.nanoTime();
                    rang.put(channel, now);
                    rangForBare.put(channel, now);
                }
            }
        }
    }
}
