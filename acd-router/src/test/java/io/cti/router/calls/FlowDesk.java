package io.cti.router.calls;

import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerDraft;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerValidator;
import io.cti.core.customers.FigureRules;
import io.cti.core.dialing.CallWindow;
import io.cti.core.dialing.CalleeZones;
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
import io.cti.core.phone.PhoneNumber;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.core.testing.EmbeddedServers;
import io.cti.router.agents.AgentState;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
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
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A call flow on the real embedded PostgreSQL (a fresh database) and Redis (a unique key prefix), with one queue
 * "sales", agents added by the test, customers with phone numbers, and every published message recorded. Tests
 * call {@link #closeAll()} after each test. Not thread-safe: one per test.
 */
final class FlowDesk implements AutoCloseable {

    private static final AtomicInteger EXTENSIONS = new AtomicInteger(7000);
    private static volatile RedisClient client;

    final QueueName sales = QueueName.of("sales");
    /** Desks not closed yet; each holds a connection pool, and the shared PostgreSQL takes only so many clients. */
    private static final Queue<FlowDesk> OPEN = new ConcurrentLinkedQueue<>();

    final HikariDataSource database = RouterDatabases.fresh();
    final RouterKeys keys = RouterKeys.withPrefix("test:" + UUID.randomUUID() + ":");
    private final List<StatefulRedisConnection<String, String>> connections = new CopyOnWriteArrayList<>();
    final RedisCommands<String, String> redis = connect().sync();
    final List<DomainMessage> published = new CopyOnWriteArrayList<>();
    final Clock clock;
    final PhoneNumberNormalizer phones = new PhoneNumberNormalizer("US");
    final CustomerFigures figures;
    final CustomerRepository customers;
    final CustomerHistory history;
    final CustomerCards cards;
    final RouterSchema schema = RouterDatabases.schemaOf(database);
    final QueueRepository queues = new QueueRepository(database, schema);
    final AgentRepository agents = new AgentRepository(database, schema);
    final WaitingCalls waiting = WaitingCalls.on(redis, keys);
    private final FlowSettings settings;
    final CallbackRepository callbacks = new CallbackRepository(database, schema);
    final CallbackSettings callbackSettings;
    final InboundCallFlow flow;

    FlowDesk() {
        this(FlowSettings.defaults(), queue("sales", "sales", Duration.ZERO, Duration.ofSeconds(30), List.of()));
    }

    /** A desk with {@code definitions} stored in order (overflow targets first), definitions never cached. */
    FlowDesk(FlowSettings settings, QueueDefinition... definitions) {
        this(new ShiftedClock(), settings, CallbackSettings.defaults(), definitions);
    }

    /** As {@link #FlowDesk(FlowSettings, QueueDefinition...)}, making callbacks as {@code callbackSettings} say. */
    FlowDesk(FlowSettings settings, CallbackSettings callbackSettings, QueueDefinition... definitions) {
        this(new ShiftedClock(), settings, callbackSettings, definitions);
    }

    /** A desk on {@code clock}, such as one the test moves by hand. */
    FlowDesk(Clock clock, FlowSettings settings, QueueDefinition... definitions) {
        this(clock, settings, CallbackSettings.defaults(), definitions);
    }

    private FlowDesk(Clock clock, FlowSettings settings, CallbackSettings callbackSettings,
                     QueueDefinition... definitions) {
        this.clock = clock;
        this.figures = new CustomerFigures(database, new FigureRules(113), clock);
        this.customers = new CustomerRepository(database, figures);
        this.history = new CustomerHistory(database, figures);
        this.cards = new CustomerCards(customers, history, figures, clock);
        this.settings = settings.withDefinitionsMaxAge(Duration.ZERO);
        for (QueueDefinition definition : definitions) {
            queues.create(definition);
        }
        this.callbackSettings = callbackSettings;
        flow = InboundCallFlow.create(redis, keys, RouterId.of("router-" + UUID.randomUUID()), queues, agents, cards,
                history, phones, published::add, clock, this.settings, callbacks, callbackSettings);
        OPEN.add(this);
    }

    /** Moves this desk's clock forward by hand; only for desks on the default {@link ShiftedClock}. */
    void advanceClock(Duration by) {
        ((ShiftedClock) clock).advance(by);
    }

    /** Closes every desk of the test (call it after each test): their database pools and Redis connections. */
    static void closeAll() {
        for (FlowDesk desk = OPEN.poll(); desk != null; desk = OPEN.poll()) {
            desk.close();
        }
    }

    /** A second router process on the same Redis and database, with a connection of its own and the same settings. */
    InboundCallFlow anotherRouter() {
        return router(settings, published::add);
    }

    /** Another router process on the same Redis and database, with a connection of its own and these settings. */
    InboundCallFlow router(FlowSettings settings) {
        return router(settings, published::add);
    }

    /** Another router process on the same Redis and database, publishing through {@code publisher}. */
    InboundCallFlow router(Consumer<DomainMessage> publisher) {
        return router(settings, publisher);
    }

    private InboundCallFlow router(FlowSettings settings, Consumer<DomainMessage> publisher) {
        return InboundCallFlow.create(connect().sync(), keys, RouterId.of("router-" + UUID.randomUUID()),
                queues, agents, cards, history, phones, publisher, clock, settings, callbacks, callbackSettings);
    }

    /**
     * A router on this desk's connection that checks click-to-dial against {@code doNotCall}, the usual calling window
     * and the built-in callee zones, and reads the definitions at every use.
     */
    InboundCallFlow routerDialing(Predicate<PhoneNumber> doNotCall) {
        return InboundCallFlow.create(redis, keys, RouterId.of("router-" + UUID.randomUUID()), queues, agents, cards,
                history, phones, published::add, clock, FlowSettings.defaults().withDefinitionsMaxAge(Duration.ZERO),
                callbacks, callbackSettings, new DialingRules(doNotCall::test, CallWindow.USUAL, CalleeZones.builtIn()));
    }

    /** The same queue, offering callers no callback. */
    static QueueDefinition withoutCallbacks(QueueDefinition q) {
        return new QueueDefinition(q.name(), q.displayName(), q.skills(), q.serviceLevel(), q.shortAbandon(),
                q.maxWait(), q.overflow(), false, q.strategy(), q.stickyWait(), q.ringTimeout(), q.wrapUp());
    }

    /** A longest-idle queue needing {@code skill} at 3, ringing 20 s, offering callbacks. */
    static QueueDefinition queue(String name, String skill, Duration stickyWait, Duration wrapUp,
                                 List<io.cti.router.queues.OverflowStep> overflow) {
        return new QueueDefinition(QueueName.of(name), name, List.of(SkillRequirement.of(skill, 3)),
                new ServiceLevelTarget(80, Duration.ofSeconds(20)), Duration.ofSeconds(5), Duration.ofMinutes(10),
                overflow, true, RoutingStrategy.LONGEST_IDLE, stickyWait, Duration.ofSeconds(20), wrapUp);
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

    /**
     * Gives this desk's database pool and Redis connections back (a test JVM's embedded PostgreSQL takes 200), for
     * test classes with many desks; the Redis keys expire with their prefix unused. Closing twice does no harm.
     */
    @Override
    public void close() {
        OPEN.remove(this);
        connections.forEach(StatefulRedisConnection::close);
        database.close();
    }

    <T extends DomainMessage> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<ConnectToAgent> connects() {
        return published(ConnectToAgent.class);
    }

    /** How many entries the change feed holds now, for {@link #changesSince}. */
    int changeCount() {
        return redis.xlen(keys.changes()).intValue();
    }

    /** The change feed's entries after the first {@code before}. */
    List<StreamMessage<String, String>> changesSince(int before) {
        return redis.xrange(keys.changes(), Range.create("-", "+")).subList(before, changeCount());
    }

    AgentState stateOf(AgentProfile agent) {
        return flow.board().entry(agent.id()).orElseThrow().state();
    }

    private StatefulRedisConnection<String, String> connect() {
        StatefulRedisConnection<String, String> connection = client().connect();
        connections.add(connection);
        return connection;
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
