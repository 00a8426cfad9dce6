package io.cti.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.cti.bridge.CtiBridge;
import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.connection.AmiLinkState;
import io.cti.bridge.events.AcdEnterEvent;
import io.cti.bridge.events.AmiEventTranslator;
import io.cti.bridge.events.DomainEventPublisher;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.core.bus.BusOptions;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.PublishResult;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.DomainMessage;
import io.cti.pbxsim.calls.Dialplan;
import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxConfig;
import io.cti.pbxsim.calls.PbxListener;
import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.Delay;
import io.cti.pbxsim.traffic.InboundQueue;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Histogram;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * What the AMI benchmarks (bridge throughput, latency, soak; pbx-sim output) share: the traffic plan that makes
 * pbx-sim emit a chosen event rate, the two AMI clients (the bridge publishing to the bus, a bare asterisk-java
 * listener), counters of what pbx-sim emitted, a pacer for the virtual clock, and a watch on asterisk-java's own
 * event-pump drops. Not thread-safe unless said.
 */
final class AmiBenchSupport {

    static final String USER = "cti";
    static final String SECRET = "bench-secret";
    /**
     * Events asterisk-java makes up for backwards compatibility (a DialEvent besides each DialBegin, a BridgeEvent
     * besides each BridgeEnter/BridgeLeave pair): delivered to listeners but not sent by the PBX, so not counted.
     */
    static final Set<String> SYNTHETIC = Set.of("DialEvent", "BridgeEvent");

    private AmiBenchSupport() {
    }

    /**
     * Inbound traffic that keeps pbx-sim busy: two queues at {@code callsPerSecond} (simulated time) together,
     * callers unknown, patience lognormal 20 s, talk 2-6 s; {@code agents} phones picked up after 0.5-1.5 s (one
     * call in twenty rings out), routed by pbx-sim's own router. Every part of the platform dialplan's inbound
     * path runs: Newchannel, VarSets, Newexten, AcdEnter, music on hold, AcdRoute, Dial to the agent, bridge,
     * device states, hang-ups.
     */
    static TrafficPlan plan(long seed, double callsPerSecond, int agents) {
        double perHour = callsPerSecond * 3600 / 2;
        return TrafficPlan.seeded(seed)
                .withQueues(List.of(
                        InboundQueue.poisson("support", "5550100", perHour)
                                .withPatience(Delay.lognormal(20, 8)).withTalk(Delay.uniform(2, 6)),
                        InboundQueue.poisson("sales", "5550200", perHour)
                                .withPatience(Delay.lognormal(20, 8)).withTalk(Delay.uniform(2, 6))))
                .withAgents(AgentPhones.range(30000, 30000 + agents - 1)
                        .withRingDelay(Delay.uniform(0.5, 1.5)).withNoAnswer(0.05))
                .withAutoRoute(true);
    }

    /**
     * Events per simulated second that {@link #plan} makes at {@code callsPerSecond}, measured on a virtual clock
     * without AMI (30 s of simulated warm-up, then 40 s counted).
     */
    static double eventsPerSecond(long seed, double callsPerSecond, int agents) throws InterruptedException {
        VirtualClock clock = VirtualClock.create();
        try (Pbx pbx = Pbx.start(PbxConfig.of(clock, Dialplan.platform()))) {
            EmittedEvents emitted = new EmittedEvents();
            pbx.subscribe(emitted);
            Traffic.start(pbx, plan(seed, callsPerSecond, agents));
            clock.runFor(Duration.ofSeconds(30));
            emitted.counting = true;
            clock.runFor(Duration.ofSeconds(40));
            return emitted.total() / 40.0;
        }
    }

    /** The call rate (simulated calls/s) at which {@link #plan} emits about {@code eventsPerSecond}. */
    static double callsPerSecondFor(long seed, double eventsPerSecond, int agents) throws InterruptedException {
        double calls = eventsPerSecond / 30;
        for (int i = 0; i < 2; i++) {
            double measured = eventsPerSecond(seed, calls, agents);
            System.out.printf("calibration: %.1f calls/s -> %.0f events/s (%.1f events per call)%n", calls, measured,
                    measured / calls);
            calls = calls * eventsPerSecond / measured;
        }
        return calls;
    }

    // ---- what pbx-sim emitted ---------------------------------------------------------------------------

    /**
     * Counts every event the PBX raises (on the clock thread), by name ({@code UserEvent}s by their user event
     * name), and optionally remembers when the events that become CallArrived / AgentLegRinging / CallConnected
     * were raised, for the latency benchmark.
     */
    static final class EmittedEvents implements PbxListener {
        /** The UserEvents the bridge registers with asterisk-java (class AcdEnterEvent is UserEvent AcdEnter). */
        private static final Set<String> REGISTERED_USER_EVENTS = AmiEventTranslator.userEventClasses().stream()
                .map(type -> type.getSimpleName().replaceFirst("Event$", "")).collect(Collectors.toUnmodifiableSet());

        final LongAdder total = new LongAdder();
        final LongAdder unregisteredUserEvents = new LongAdder();
        final Map<String, LongAdder> byName = new ConcurrentHashMap<>();
        final Map<String, Long> raisedAt = new ConcurrentHashMap<>();
        volatile boolean counting;
        volatile boolean stamping;

        @Override
        public void onEvent(ManagerEvent event) {
            if (!counting) {
                return;
            }
            total.increment();
            String name = "UserEvent".equals(event.name()) ? "UserEvent:" + event.get("UserEvent") : event.name();
            if ("UserEvent".equals(event.name()) && !REGISTERED_USER_EVENTS.contains(event.get("UserEvent"))) {
                unregisteredUserEvents.increment();
            }
            byName.computeIfAbsent(name, n -> new LongAdder()).increment();
            if (stamping) {
                long now = System.nanoTime();
                switch (event.name()) {
                    case "UserEvent" -> {
                        if ("AcdEnter".equals(event.get("UserEvent"))) {
                            raisedAt.put("A:" + event.get("Uniqueid"), now);
                        }
                    }
                    case "DialBegin" -> raisedAt.put("R:" + event.get("DestChannel"), now);
                    case "DialEnd" -> {
                        if ("ANSWER".equals(event.get("DialStatus"))) {
                            raisedAt.put("C:" + event.get("DestChannel"), now);
                        }
                    }
                    default -> { }
                }
            }
        }

        long total() {
            return total.sum();
        }

        /**
         * What an asterisk-java client can deliver of them: all but the UserEvents it has no class for (the bridge
         * registers its own, such as AcdEnter; asterisk-java drops the others, such as AcdRoute, when building them).
         */
        long deliverable() {
            return total.sum() - unregisteredUserEvents.sum();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            byName.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }

    // ---- the bridge, publishing on the real bus ---------------------------------------------------------

    /** A bus that times every publish: age of the event at the moment Redis acknowledged it. */
    static final class TimedBus implements MessageBus {
        final MessageBus delegate;
        final EmittedEvents emitted;
        /** From the bridge's own receipt stamp (occurredAt, taken on asterisk-java's dispatch thread), µs. */
        final Histogram fromBridgeStamp = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        /** From pbx-sim raising the event on its clock thread (before it is written to the socket), µs. */
        final Histogram fromPbxSim = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        final LongAdder published = new LongAdder();
        final LongAdder unmatched = new LongAdder();
        volatile boolean recording;

        TimedBus(MessageBus delegate, EmittedEvents emitted) {
            this.delegate = delegate;
            this.emitted = emitted;
        }

        @Override
        public String publish(DomainMessage message) {
            String id = delegate.publish(message);
            recordPublished(message, System.nanoTime(), Instant.now());
            return id;
        }

        /** The bridge's publisher sends batches: one pipelined round trip, every message timed at its end. */
        @Override
        public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
            List<PublishResult> results = delegate.publishAll(messages);
            long nanos = System.nanoTime();
            Instant now = Instant.now();
            for (PublishResult result : results) {
                if (result.ok()) {
                    recordPublished(result.message(), nanos, now);
                }
            }
            return results;
        }

        private void recordPublished(DomainMessage message, long nanos, Instant now) {
            published.increment();
            if (recording && !(message instanceof CallEnded)) {
                // CallEnded waits out the translator's settle time on purpose (endSettle, 1 s): not a delay.
                long us = Duration.between(message.occurredAt(), now).toNanos() / 1000;
                fromBridgeStamp.recordValue(Math.max(0, us));
                String key = null;
                if (message instanceof CallArrived a) {
                    key = "A:" + a.uniqueId();
                } else if (message instanceof AgentLegRinging r) {
                    key = "R:" + r.channel();
                } else if (message instanceof CallConnected c) {
                    key = "C:" + c.channel();
                }
                if (key != null && emitted != null) {
                    Long raised = emitted.raisedAt.remove(key);
                    if (raised != null) {
                        fromPbxSim.recordValue(Math.max(0, (nanos - raised) / 1000));
                    } else {
                        unmatched.increment();
                    }
                }
            }
        }

        @Override
        public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
            return delegate.subscribe(subscription, handler);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** The bridge with its publisher on a Redis Streams bus; counts what it is handed and what it publishes. */
    static final class BridgeClient implements AutoCloseable {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final RedisStreamsBus bus;
        final TimedBus timed;
        final DomainEventPublisher publisher;
        final LongAdder sunk = new LongAdder();
        final CtiBridge bridge;

        BridgeClient(String redisUri, String streamPrefix, int port, EmittedEvents emitted, long maxStreamLength) {
            bus = RedisStreamsBus.connect(redisUri, BusOptions.builder().streamPrefix(streamPrefix)
                    .maxStreamLength(maxStreamLength).build(), registry);
            timed = new TimedBus(bus, emitted);
            publisher = new DomainEventPublisher(timed, 10_000, registry);
            bridge = new CtiBridge(AmiLinkSettings.defaults("127.0.0.1", port, USER, SECRET),
                    TranslatorSettings.defaults(), CallControlSettings.defaults(), (DomainEvent event) -> {
                        sunk.increment();
                        publisher.accept(event);
                    }, registry);
        }

        void startAndAwaitUp() throws Exception {
            bridge.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (bridge.linkState() != AmiLinkState.UP) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bridge's AMI link did not come up");
                }
                Thread.sleep(20);
            }
            bridge.lastResync().get(20, TimeUnit.SECONDS);
        }

        /** AMI events the translator has read (every outcome: handled, ignored, unknown). */
        long amiEventsRead() {
            double sum = 0;
            for (Counter c : registry.find("cti.bridge.ami.events").counters()) {
                String type = c.getId().getTag("type");
                // "unregistered": UserEvents asterisk-java had no class for, counted by the bridge (not read).
                if (!SYNTHETIC.contains(type) && !"unregistered".equals(type)) {
                    sum += c.count();
                }
            }
            return (long) sum;
        }

        Map<String, Long> amiEventsByType() {
            Map<String, Long> out = new TreeMap<>();
            for (Counter c : registry.find("cti.bridge.ami.events").counters()) {
                out.merge(c.getId().getTag("type"), (long) c.count(), Long::sum);
            }
            return out;
        }

        double counter(String name) {
            Counter c = registry.find(name).counter();
            return c == null ? 0 : c.count();
        }

        long loginCount() {
            return (long) counter("cti.bridge.ami.link.logins");
        }

        /** Domain events handed over, published, dropped by the publisher, failed on the bus. */
        String domainSummary() {
            return String.format("domain events: handed to the publisher %d, published %d, dropped %.0f, failed %.0f;"
                            + " AMI logins %d; cti.bridge.ami.dropped %.0f; cti.bridge.ami.lost %.0f;"
                            + " cti.bridge.ami.link.lagging %.0f", sunk.sum(), timed.published.sum(),
                    counter("cti.bridge.events.dropped"), counter("cti.bridge.events.failed"), loginCount(),
                    counter("cti.bridge.ami.dropped"), counter("cti.bridge.ami.lost"),
                    counter("cti.bridge.ami.link.lagging"));
        }

        @Override
        public void close() {
            bridge.close();
            publisher.close();
            bus.close();
        }
    }

    // ---- the bare listener ------------------------------------------------------------------------------

    /** A plain asterisk-java connection whose only listener counts events. */
    static final class BareClient implements AutoCloseable {
        final ManagerConnection connection;
        final LongAdder events = new LongAdder();
        final Map<String, LongAdder> byType = new ConcurrentHashMap<>();
        volatile boolean byTypeCounting;

        BareClient(int port) {
            connection = new ManagerConnectionFactory("127.0.0.1", port, USER, SECRET).createManagerConnection();
            connection.registerUserEventClass(AcdEnterEvent.class);
            connection.setSocketReadTimeout(8000);
            if (connection instanceof ManagerConnectionImpl impl) {
                // The same action timeout as the bridge's defaults would be 3 s; a loaded machine needs more to log in.
                impl.setDefaultResponseTimeout(10_000);
            }
            connection.addEventListener(event -> {
                if (!SYNTHETIC.contains(event.getClass().getSimpleName())) {
                    events.increment();
                }
                if (byTypeCounting) {
                    String type = event.getClass().getSimpleName();
                    byType.computeIfAbsent(type, t -> new LongAdder()).increment();
                }
            });
        }

        void login() throws Exception {
            connection.login("on");
        }

        long events() {
            return events.sum();
        }

        @Override
        public void close() {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                // already gone
            }
        }
    }

    // ---- asterisk-java's own drops ----------------------------------------------------------------------

    /**
     * Watches asterisk-java's log: its AsyncEventPump drops an event when its 20,000-entry queue is full and says
     * so only in an ERROR line ("Event queue is full"), and warns ("your ManagerEvent handlers are too slow")
     * when an event waited over 500 ms. Thread-safe.
     */
    static final class PumpWatch extends AppenderBase<ILoggingEvent> {
        final LongAdder queueFull = new LongAdder();
        final LongAdder tooSlow = new LongAdder();

        static PumpWatch install() {
            PumpWatch watch = new PumpWatch();
            Logger logger = (Logger) LoggerFactory.getLogger("org.asteriskjava");
            watch.setContext(logger.getLoggerContext());
            watch.start();
            logger.addAppender(watch);
            return watch;
        }

        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            if (message == null) {
                return;
            }
            if (message.contains("Event queue is full")) {
                queueFull.increment();
            } else if (message.contains("handlers are too slow")) {
                tooSlow.increment();
            }
        }

        String summary() {
            return "asterisk-java event pump: " + queueFull.sum() + " 'queue is full' drops, " + tooSlow.sum()
                    + " 'handlers too slow' warnings (rate-limited to 2/s)";
        }
    }

    // ---- pacing a virtual clock -------------------------------------------------------------------------

    /**
     * Runs the virtual clock step by step until {@code emitted} reaches {@code target}, never letting the client
     * fall more than {@code maxLag} events behind (pbx-sim's 32 MiB output cap would otherwise disconnect a slower
     * reader). pbx-sim still generates as fast as the client reads.
     */
    static void pace(VirtualClock clock, LongSupplier emitted, LongSupplier consumed, long target, long maxLag,
                     Duration step) throws InterruptedException {
        while (emitted.getAsLong() < target) {
            long waitingSince = System.nanoTime();
            long last = consumed.getAsLong();
            while (emitted.getAsLong() - consumed.getAsLong() > maxLag) {
                Thread.sleep(0, 200_000);
                long now = consumed.getAsLong();
                if (now != last) {
                    last = now;
                    waitingSince = System.nanoTime();
                } else if (System.nanoTime() - waitingSince > 15_000_000_000L) {
                    throw new IllegalStateException("the client stalled for 15 s, " + (emitted.getAsLong() - now)
                            + " events behind (events lost?)");
                }
            }
            clock.runFor(step);
        }
    }

    /** Waits until {@code consumed} reaches {@code target} or stops moving for {@code quiet}; answers the time. */
    static long awaitConsumed(LongSupplier consumed, long target, Duration quiet) throws InterruptedException {
        long last = consumed.getAsLong();
        long lastChange = System.nanoTime();
        while (true) {
            long now = consumed.getAsLong();
            if (now >= target) {
                return System.nanoTime();
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > quiet.toNanos()) {
                return -1;
            }
            Thread.sleep(0, 200_000);
        }
    }

    /** CPU seconds used so far by this JVM's child processes (the embedded Redis server); Linux only, else 0. */
    static double childProcessCpuSeconds() {
        double total = 0;
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            // -1 for a child gone meanwhile, or off Linux: it adds nothing.
            total += Math.max(0, BenchSupport.cpuSeconds(child.pid()));
        }
        return total;
    }

    static Path redisDir(String name) throws Exception {
        Path dir = Path.of("bench/target", name);
        Files.createDirectories(dir);
        return dir;
    }

    static String ms(Histogram us) {
        return String.format("n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms",
                us.getTotalCount(), us.getValueAtPercentile(50) / 1000.0, us.getValueAtPercentile(90) / 1000.0,
                us.getValueAtPercentile(99) / 1000.0, us.getValueAtPercentile(99.9) / 1000.0, us.getMaxValue() / 1000.0);
    }
}
