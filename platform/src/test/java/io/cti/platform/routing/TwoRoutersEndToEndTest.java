package io.cti.platform.routing;

import io.cti.platform.PlatformHttp;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.pbxsim.traffic.AgentPhones;
import io.cti.pbxsim.traffic.CallerNumbers;
import io.cti.pbxsim.traffic.Delay;
import io.cti.pbxsim.traffic.InboundQueue;
import io.cti.pbxsim.traffic.Traffic;
import io.cti.pbxsim.traffic.TrafficPlan;
import io.cti.platform.pbx.EmbeddedPbx;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.queues.QueueRepository;
import io.cti.router.reservations.RouterId;
import io.cti.router.staff.AgentRepository;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two ACD routers on one embedded Redis and PostgreSQL, sharing the call events of one pbx-sim over real AMI: the
 * platform's own router and a second call flow in the same consumer group, as a second router process would run.
 * Demo-like traffic (customers calling support and sales, agents' phones that sometimes ring out, callers who give
 * up, calls put on hold) runs until fifty calls arrived; once every call has ended and been wrapped up: every call
 * was connected at most once and to one agent at a time, every call has exactly one interaction row whose timings
 * add up to its life, and both routers publish queue and agent figures that agree with the rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cti.platform.data-dir=target/it-data/two-routers",
        "cti.platform.wipe-data=true",
        "cti.platform.database.url=",
        "cti.platform.redis.url=",
        "cti.bridge.host=",
        "cti.platform.demo.customers=300",
        "cti.platform.pbx.traffic.enabled=false",
        "cti.router.demo.wrap-up-after=1s",
        "cti.router.demo.ready-after-rona=2s",
})
@DirtiesContext
class TwoRoutersEndToEndTest {

    private static final int CALLS = 50;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The demo queues' short-abandon threshold. */
    private static final int SHORT_ABANDON_SECONDS = 5;

    @LocalServerPort
    int port;

    @Autowired
    MessageBus bus;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RedisClient redis;

    @Autowired
    RouterProperties properties;

    @Autowired
    QueueRepository queues;

    @Autowired
    AgentRepository agents;

    @Autowired
    CustomerCards cards;

    @Autowired
    CustomerHistory history;

    @Autowired
    PhoneNumberNormalizer normalizer;

    @Autowired
    Clock clock;

    @Autowired
    EmbeddedPbx pbx;

    @Autowired
    CallbackRepository callbacks;

    @Autowired
    CallbackSettings callbackSettings;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Map<String, CallArrived> arrived = new ConcurrentHashMap<>();
    private final Map<String, List<CallConnected>> connected = new ConcurrentHashMap<>();
    private final Map<String, CallEnded> ended = new ConcurrentHashMap<>();
    private final AtomicInteger arrivalsOfTheSecondRouter = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

    /** The center's zone is one where it is about noon now, so the test's calls all fall on one local day. */
    @DynamicPropertySource
    static void centerAtNoon(DynamicPropertyRegistry registry) {
        int hour = LocalTime.now(ZoneOffset.UTC).getHour();
        registry.add("cti.router.time-zone", () -> ZoneOffset.ofHours(12 - hour).getId());
    }

    @AfterEach
    void stop() throws Exception {
        timer.shutdownNow();
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void twoRoutersRouteEveryCallOnceWriteOneRowPerCallAndPublishFiguresThatAgreeWithTheRows() throws Exception {
        observe();
        InboundCallFlow second = startSecondRouter();
        Traffic traffic = startTraffic();

        await().atMost(PATIENCE).until(() -> arrived.size() >= CALLS);
        traffic.stop();
        await().atMost(PATIENCE).until(() -> ended.keySet().containsAll(arrived.keySet())
                && rowsPerCall().keySet().containsAll(arrived.keySet()));

        assertThat(arrivalsOfTheSecondRouter.get()).as("arrivals the second router handled")
                .isBetween(1, arrived.size() - 1);
        List<Row> rows = rows();
        everyCallHasExactlyOneRowWithTimingsThatAddUpToItsLife(rows);
        everyAnsweredCallWasConnectedOnceToItsAgentAndNoAgentHadTwoCallsAtOnce(rows);
        await().atMost(PATIENCE).untilAsserted(() -> {
            bothRoutersQueueFiguresAgreeWithTheRows(rows, second);
            theAgentFiguresAgreeWithTheRows(rows, second);
        });
    }

    private void everyCallHasExactlyOneRowWithTimingsThatAddUpToItsLife(List<Row> rows) {
        assertThat(rowsPerCall()).allSatisfy((call, count) -> assertThat(count).as("rows of " + call).isEqualTo(1));
        assertThat(rows).extracting(Row::call).containsExactlyInAnyOrderElementsOf(arrived.keySet());
        assertThat(rows).allSatisfy(row -> {
            assertThat(List.of(row.waitSeconds, row.ringSeconds, row.talkSeconds, row.holdSeconds, row.wrapUpSeconds))
                    .allMatch(seconds -> seconds >= 0);
            long life = Math.floorDiv(Duration.between(row.startedAt, row.endedAt).toMillis() + 500, 1000);
            assertThat(row.waitSeconds + row.ringSeconds + row.talkSeconds + row.holdSeconds)
                    .as("wait, ring, talk and hold of " + row.call).isEqualTo(life);
            if (row.outcome.equals("abandoned")) {
                assertThat(row.agent).isNull();
                assertThat(row.talkSeconds + row.holdSeconds + row.wrapUpSeconds).isZero();
            } else {
                assertThat(row.outcome).isEqualTo("answered");
                assertThat(row.agent).isNotNull();
            }
        });
        assertThat(rows).as("calls answered, abandoned and held")
                .anyMatch(row -> row.outcome.equals("answered"))
                .anyMatch(row -> row.outcome.equals("abandoned"))
                .anyMatch(row -> row.holdSeconds > 0);
    }

    private void everyAnsweredCallWasConnectedOnceToItsAgentAndNoAgentHadTwoCallsAtOnce(List<Row> rows) {
        Map<String, String> endpointOf = new HashMap<>();
        agents.list(false).forEach(a -> endpointOf.put(a.profile().id().value(), a.profile().endpoint().toString()));
        for (Row row : rows) {
            List<CallConnected> connects = connected.getOrDefault(row.call, List.of());
            if (row.outcome.equals("answered")) {
                assertThat(connects).as("connections of " + row.call).singleElement()
                        .satisfies(c -> assertThat(c.endpoint()).isEqualTo(endpointOf.get(row.agent)));
            } else {
                assertThat(connects).as("connections of abandoned " + row.call).isEmpty();
            }
        }
        Map<String, List<CallConnected>> byPhone = connected.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(CallConnected::endpoint));
        byPhone.forEach((phone, calls) -> {
            List<CallConnected> inOrder = calls.stream().sorted(Comparator.comparing(CallConnected::occurredAt)).toList();
            for (int i = 1; i < inOrder.size(); i++) {
                Instant previousEnd = ended.get(inOrder.get(i - 1).callId().value()).occurredAt();
                assertThat(inOrder.get(i).occurredAt()).as("next call on " + phone).isAfterOrEqualTo(previousEnd);
            }
        });
    }

    private void bothRoutersQueueFiguresAgreeWithTheRows(List<Row> rows, InboundCallFlow second) throws Exception {
        second.tick();
        Map<String, JsonNode> published = new HashMap<>();
        get("/api/queues/stats").forEach(queue -> published.put(queue.path("queue").asString(), queue));
        Map<String, QueueFiguresUpdated> ofSecond = second.queueFigures().stream()
                .collect(Collectors.toMap(f -> f.queue().value(), f -> f));
        Set<String> queueNames = new TreeSet<>(published.keySet());
        assertThat(rows).allSatisfy(row -> assertThat(queueNames).contains(row.queue));
        for (String queue : queueNames) {
            List<Row> answered = rows.stream().filter(r -> r.queue.equals(queue) && r.outcome.equals("answered")).toList();
            long abandoned = rows.stream().filter(r -> r.queue.equals(queue) && r.outcome.equals("abandoned")
                    && r.waitSeconds + r.ringSeconds >= SHORT_ABANDON_SECONDS).count();
            Duration asa = mean(answered.stream().mapToLong(r -> r.waitSeconds + r.ringSeconds).sum(), answered.size());
            Duration aht = mean(answered.stream().mapToLong(r -> r.talkSeconds + r.holdSeconds + r.wrapUpSeconds).sum(),
                    answered.size());
            JsonNode first = published.get(queue);
            assertThat(first.path("answeredToday").asInt()).as("answered in " + queue).isEqualTo(answered.size());
            assertThat(first.path("abandonedToday").asLong()).as("abandoned in " + queue).isEqualTo(abandoned);
            assertThat(first.path("averageSpeedOfAnswerSeconds").asDouble()).as("ASA of " + queue)
                    .isEqualTo(asa.toMillis() / 1000.0);
            assertThat(first.path("averageHandleTimeSeconds").asDouble()).as("AHT of " + queue)
                    .isEqualTo(aht.toMillis() / 1000.0);
            QueueFiguresUpdated other = ofSecond.get(queue);
            assertThat(other.answeredToday()).isEqualTo(answered.size());
            assertThat(other.abandonedToday()).isEqualTo(abandoned);
            assertThat(other.averageSpeedOfAnswer()).isEqualTo(asa);
            assertThat(other.averageHandleTime()).isEqualTo(aht);
        }
    }

    private void theAgentFiguresAgreeWithTheRows(List<Row> rows, InboundCallFlow second) throws Exception {
        Map<String, List<Row>> byAgent = rows.stream().filter(r -> r.agent != null)
                .collect(Collectors.groupingBy(r -> r.agent));
        for (JsonNode agent : get("/api/agents/states")) {
            List<Row> handled = byAgent.getOrDefault(agent.path("agentId").asString(), List.of());
            Duration aht = mean(handled.stream().mapToLong(r -> r.talkSeconds + r.holdSeconds + r.wrapUpSeconds).sum(),
                    handled.size());
            assertThat(agent.path("callsToday").asInt()).as("calls of " + agent.path("agentId")).isEqualTo(handled.size());
            assertThat(agent.path("averageHandleTimeSeconds").asDouble()).isEqualTo(aht.toMillis() / 1000.0);
        }
        assertThat(second.agentStates()).allSatisfy(agent -> assertThat(agent.callsToday())
                .isEqualTo(byAgent.getOrDefault(agent.agentId().value(), List.of()).size()));
    }

    /** A test group sees every call event: arrivals, connections, ends; every other connected call is held. */
    private void observe() {
        RunningSubscription subscription = bus.subscribe(Subscription.builder("test-observer", "test")
                .streams(BusStream.EVENTS).types(CallArrived.class, CallConnected.class, CallEnded.class)
                .build(), this::seen);
        closing.add(subscription::close);
    }

    private void seen(DomainMessage message) {
        if (message instanceof CallArrived m) {
            arrived.put(m.callId().value(), m);
        } else if (message instanceof CallConnected m) {
            List<CallConnected> calls = connected.computeIfAbsent(m.callId().value(), c -> new CopyOnWriteArrayList<>());
            calls.add(m);
            if (connected.size() % 2 == 0) {
                // The agent puts the caller on hold for a while; some callers hang up while held.
                timer.schedule(() -> hold(m.channel(), true), 1, TimeUnit.SECONDS);
                timer.schedule(() -> hold(m.channel(), false), 2500, TimeUnit.MILLISECONDS);
            }
        } else if (message instanceof CallEnded m) {
            ended.put(m.callId().value(), m);
        }
    }

    private void hold(String channel, boolean on) {
        // The call may be over by now: then there is no channel to hold, and nothing to do.
        pbx.simulator().pbx().hold(channel, on).exceptionally(gone -> null);
    }

    /** A second call flow in the routers' consumer group, ticking like the platform's own. */
    private InboundCallFlow startSecondRouter() {
        StatefulRedisConnection<String, String> connection = redis.connect();
        closing.add(connection::close);
        InboundCallFlow second = InboundCallFlow.create(connection.sync(), RouterKeys.withPrefix(properties.keyPrefix()),
                RouterId.of("router-second"), queues, agents, cards, history, normalizer, bus::publish, clock,
                RoutingConfiguration.flowSettings(properties), callbacks, callbackSettings);
        // No type filter: the flow ignores what it does not handle, as the platform's router acknowledges it unseen.
        RunningSubscription subscription = bus.subscribe(Subscription.builder(properties.consumerGroup(), "second-router")
                .streams(BusStream.EVENTS, BusStream.COMMANDS).build(), message -> {
                    if (message instanceof CallArrived) {
                        arrivalsOfTheSecondRouter.incrementAndGet();
                    }
                    second.handle(message);
                });
        closing.add(subscription::close);
        timer.scheduleWithFixedDelay(() -> {
            try {
                second.tick();
            } catch (RuntimeException e) {
                // As the platform's router does: a failed tick is retried by the next one.
            }
        }, 1, 1, TimeUnit.SECONDS);
        return second;
    }

    private Traffic startTraffic() throws Exception {
        List<String> numbers = jdbc.queryForList("select e164 from customer_phone order by e164", String.class);
        TrafficPlan plan = TrafficPlan.seeded(11)
                .withQueues(List.of(caller("support", "5550100"), caller("sales", "5550200")))
                .withCallers(new CallerNumbers(numbers, 0))
                .withAgents(AgentPhones.range(2001, 2030).withNoAnswer(0.05))
                .withAutoRoute(false);
        Traffic traffic = Traffic.start(pbx.simulator().pbx(), plan);
        closing.add(traffic::stop);
        traffic.started().get(30, TimeUnit.SECONDS);
        return traffic;
    }

    /** Callers who talk a few seconds and wait up to 20 s, some of them giving up early. */
    private static InboundQueue caller(String name, String dnis) {
        return InboundQueue.poisson(name, dnis, 3_600).withTalk(Delay.uniform(3, 8)).withPatience(Delay.uniform(1, 20));
    }

    private Map<String, Integer> rowsPerCall() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select call_id, count(*) from interaction where call_id = any(?) group by call_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, (Object) arrived.keySet().toArray(String[]::new));
        return counts;
    }

    private List<Row> rows() {
        return jdbc.query("""
                        select call_id, queue, outcome, agent_id, wait_seconds, ring_seconds, talk_seconds, hold_seconds,
                               wrap_up_seconds, started_at, ended_at
                        from interaction where call_id = any(?)""",
                (rs, n) -> new Row(rs.getString("call_id"), rs.getString("queue"), rs.getString("outcome"),
                        rs.getString("agent_id"), rs.getInt("wait_seconds"), rs.getInt("ring_seconds"),
                        rs.getInt("talk_seconds"), rs.getInt("hold_seconds"), rs.getInt("wrap_up_seconds"),
                        rs.getTimestamp("started_at").toInstant(), ((Timestamp) rs.getObject("ended_at")).toInstant()),
                (Object) arrived.keySet().toArray(String[]::new));
    }

    private JsonNode get(String path) throws Exception {
        // The router's snapshots are for supervisors.
        return JSON.readTree(new PlatformHttp(port).asDemoSupervisor(path));
    }

    private static Duration mean(long totalSeconds, int count) {
        return count == 0 ? Duration.ZERO : Duration.ofMillis(totalSeconds * 1000 / count);
    }

    /** One interaction row of a test call. */
    private record Row(String call, String queue, String outcome, String agent, int waitSeconds, int ringSeconds,
                       int talkSeconds, int holdSeconds, int wrapUpSeconds, Instant startedAt, Instant endedAt) {
    }
}
