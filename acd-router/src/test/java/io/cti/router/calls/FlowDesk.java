package io.cti.router.calls;

import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerDraft;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerValidator;
import io.cti.core.customers.FigureRules;
import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.agents.AgentState;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.RouterSchema;
import io.cti.router.queues.ServiceLevelTarget;
import io.cti.router.reservations.RouterId;
import io.cti.router.routing.RoutingStrategy;
import io.cti.router.skills.Proficiency;
import io.cti.router.skills.Skill;
import io.cti.router.skills.SkillRequirement;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.PhoneEndpoint;
import io.cti.router.testapp.RouterDatabases;
import io.cti.router.waiting.RouterKeys;
import io.cti.router.waiting.WaitingCalls;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A call flow on the real embedded PostgreSQL (a fresh database) and Redis (a unique key prefix), with one queue
 * "sales", agents added by the test, customers with phone numbers, and every published message recorded.
 * Not thread-safe: one per test; {@link #closeAll()} after each test gives back the desks' database connections.
 */
final class FlowDesk implements AutoCloseable {

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(7000);
    private static final List<FlowDesk> OPEN = new CopyOnWriteArrayList<>();
    private static volatile RedisClient client;

    private final List<StatefulRedisConnection<String, String>> connections = new CopyOnWriteArrayList<>();
    final QueueName sales = QueueName.of("sales");
    final HikariDataSource database = RouterDatabases.fresh();
    final RouterKeys keys = RouterKeys.withPrefix("test:" + UUID.randomUUID() + ":");
    final RedisCommands<String, String> redis = connect();
    final List<DomainMessage> published = new CopyOnWriteArrayList<>();
    final Clock clock = Clock.systemUTC();
    final PhoneNumberNormalizer phones = new PhoneNumberNormalizer("US");
    final CustomerFigures figures = new CustomerFigures(database, new FigureRules(113), clock);
    final CustomerRepository customers = new CustomerRepository(database, figures);
    final CustomerHistory history = new CustomerHistory(database, figures);
    final CustomerCards cards = new CustomerCards(customers, history, figures, clock);
    final RouterSchema schema = RouterDatabases.schemaOf(database);
    final QueueRepository queues = new QueueRepository(database, schema);
    final AgentRepository agents = new AgentRepository(database, schema);
    final WaitingCalls waiting = WaitingCalls.on(redis, keys);
    final InboundCallFlow flow;

    FlowDesk() {
        this(FlowSettings.defaults(), queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
    }

    /** A desk with {@code definitions} stored in order (overflow targets first), definitions never cached. */
    FlowDesk(FlowSettings settings, QueueDefinition... definitions) {
        OPEN.add(this);
        for (QueueDefinition definition : definitions) {
            queues.create(definition);
        }
        flow = InboundCallFlow.create(redis, keys, RouterId.of("router-" + UUID.randomUUID()), queues, agents, cards,
                history, phones, published::add, clock, settings.withDefinitionsMaxAge(Duration.ZERO));
    }

    /** A second router process on the same Redis and database, with a connection of its own. */
    InboundCallFlow anotherRouter() {
        return InboundCallFlow.create(connect(), keys, RouterId.of("router-" + UUID.randomUUID()),
                queues, agents, cards, history, phones, published::add, clock,
                FlowSettings.defaults().withDefinitionsMaxAge(Duration.ZERO));
    }

    /** Another router process on the same Redis and database, with a connection of its own and these settings. */
    InboundCallFlow router(FlowSettings settings) {
        return InboundCallFlow.create(connect(), keys, RouterId.of("router-" + UUID.randomUUID()),
                queues, agents, cards, history, phones, published::add, clock, settings);
    }

    /** A longest-idle queue needing {@code skill} at 3, ringing 20 s. */
    static QueueDefinition queue(String name, String skill, Duration stickyWait, Duration wrapUp,
                                 List<io.cti.router.queues.OverflowStep> overflow) {
        return new QueueDefinition(QueueName.of(name), name, List.of(SkillRequirement.of(skill, 3)),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofMinutes(10),
                overflow, false, RoutingStrategy.LONGEST_IDLE, stickyWait, Duration.ofSeconds(20), wrapUp);
    }

    /** An agent with only {@code skill} at 7. */
    AgentProfile specialist(String id, String skill) {
        AgentProfile profile = new AgentProfile(AgentId.of(id), id, Map.of(Skill.of(skill), Proficiency.of(7)),
                List.of("team-a"), PhoneEndpoint.parse("PJSIP/" + EXTENSIONS.incrementAndGet()));
        agents.create(profile);
        flow.handle(ChangeAgentState.now(profile.id(), AgentStatus.READY, ""));
        return profile;
    }

    /** A sales agent with every redirect skill too, so a customer's record never keeps them from the call. */
    AgentProfile agent(String id) {
        AgentProfile profile = new AgentProfile(AgentId.of(id), id, Map.of(Skill.of("sales"), Proficiency.of(7),
                Skill.of("retention"), Proficiency.of(7), Skill.of("win-back"), Proficiency.of(7),
                Skill.of("collections"), Proficiency.of(7)), List.of("team-a"),
                PhoneEndpoint.parse("PJSIP/" + EXTENSIONS.incrementAndGet()));
        agents.create(profile);
        return profile;
    }

    AgentProfile readyAgent(String id) {
        AgentProfile profile = agent(id);
        flow.handle(ChangeAgentState.now(profile.id(), AgentStatus.READY, ""));
        return profile;
    }

    /** A current customer whose phone is {@code number}. */
    CustomerId customer(String name, String number) {
        CustomerDraft draft = new CustomerDraft("INDIVIDUAL", "CURRENT", name, null, null, null, null, null, null, null,
                null, null, null, null, null, List.of(new CustomerDraft.PhoneDraft(number, "MOBILE", true)), Map.of());
        return customers.create(new CustomerValidator(phones, clock).validate(draft));
    }

    CallArrived arrival(String call, String ani, Instant at) {
        return new CallArrived(MessageId.random(), at, CallId.of(call), "PJSIP/trunk-" + call, "u-" + call, ani,
                "5550200", sales);
    }

    <T extends DomainMessage> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<ConnectToAgent> connects() {
        return published(ConnectToAgent.class);
    }

    AgentState stateOf(AgentProfile agent) {
        return flow.board().entry(agent.id()).orElseThrow().state();
    }

    /** Closes every desk opened since the last call: their database pools and Redis connections. */
    static void closeAll() {
        for (FlowDesk desk : OPEN) {
            desk.close();
        }
        OPEN.clear();
    }

    @Override
    public void close() {
        database.close();
        connections.forEach(StatefulRedisConnection::close);
    }

    private RedisCommands<String, String> connect() {
        StatefulRedisConnection<String, String> connection = client().connect();
        connections.add(connection);
        return connection.sync();
    }

    private static RedisClient client() {
        if (client == null) {
            synchronized (FlowDesk.class) {
                if (client == null) {
                    client = RedisClient.create(EmbeddedServers.shared().redisUri());
                }
            }
        }
        return client;
    }
}
