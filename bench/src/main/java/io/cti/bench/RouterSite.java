package io.cti.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.FigureRules;
import io.cti.core.messages.DomainMessage;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.agents.Agent;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.calls.FlowSettings;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.queues.QueueDefinition;
import io.cti.router.queues.QueueRepository;
import io.cti.router.queues.RouterSchema;
import io.cti.router.reservations.RouterId;
import io.cti.router.routing.WaitingCall;
import io.cti.router.staff.AgentProfile;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.PhoneEndpoint;
import io.cti.router.waiting.CallContext;
import io.cti.router.waiting.QueuedCall;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ACD router's surroundings for the router benchmarks that run its real call flow: the embedded PostgreSQL with
 * cti-core's and the router's tables (queue and agent definitions, callbacks, customers), the repositories and customer parts
 * the flow takes, and the flow itself on a given Redis connection. Not thread-safe: set up from one thread.
 */
final class RouterSite implements AutoCloseable {

    final BenchDatabase postgres;
    final HikariDataSource database;
    final QueueRepository queues;
    final AgentRepository agents;
    final CallbackRepository callbacks;
    final CustomerFigures figures;
    final CustomerRepository customers;
    final CustomerHistory history;
    final CustomerCards cards;
    final PhoneNumberNormalizer phones = new PhoneNumberNormalizer("US");
    final Clock clock = Clock.systemUTC();

    private RouterSite(BenchDatabase postgres, String name) {
        this.postgres = postgres;
        postgres.drop(name);
        this.database = postgres.database(name, 8);
        RouterSchema schema = RouterSchema.migrate(database);
        this.queues = new QueueRepository(database, schema);
        this.agents = new AgentRepository(database, schema);
        this.callbacks = new CallbackRepository(database, schema);
        this.figures = new CustomerFigures(database, new FigureRules(113), clock);
        this.customers = new CustomerRepository(database, figures);
        this.history = new CustomerHistory(database, figures);
        this.cards = new CustomerCards(customers, history, figures, clock);
    }

    /** A fresh database {@code name} on the server in {@code directory} (emptied first). */
    static RouterSite start(Path directory, String name) {
        return new RouterSite(BenchDatabase.start(directory, true), name);
    }

    /** The router logs every routed call at INFO: at a thousand a second that is the benchmark's own noise. */
    static void quietRouter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("io.cti.router").setLevel(Level.WARN);
            // Its INFO lines are the routing board's full readings and their causes: a benchmark must show them (each
            // is a stall).
            context.getLogger("io.cti.router.calls.Dispatcher").setLevel(Level.INFO);
            context.getLogger("io.cti.bridge").setLevel(Level.WARN);
        }
    }

    /** Stores the queues: first without overflow steps, then with them, since a move names a queue stored before. */
    void storeQueues(List<QueueDefinition> definitions) {
        for (QueueDefinition q : definitions) {
            queues.create(new QueueDefinition(q.name(), q.displayName(), q.skills(), q.serviceLevel(), q.shortAbandon(),
                    q.maxWait(), List.of(), q.callbackOffered(), q.strategy(), q.stickyWait(), q.ringTimeout(),
                    q.wrapUp()));
        }
        for (QueueDefinition q : definitions) {
            if (!q.overflow().isEmpty()) {
                queues.replace(q, queues.find(q.name()).orElseThrow().version());
            }
        }
    }

    /** Stores an agent profile for each agent: their id, skills, teams and phone. */
    void storeAgents(List<Agent> team) {
        for (Agent a : team) {
            agents.create(profile(a));
        }
    }

    static AgentProfile profile(Agent a) {
        return new AgentProfile(a.id(), a.id().value(), a.skills(), new ArrayList<>(a.teams()),
                PhoneEndpoint.parse(a.endpoint()));
    }

    /** The router's call flow on {@code redis}, publishing through {@code publisher}. */
    InboundCallFlow flow(RedisCommands<String, String> redis, RouterKeys keys, String router,
                         Consumer<DomainMessage> publisher, FlowSettings settings) {
        return InboundCallFlow.create(redis, keys, RouterId.of(router), queues, agents, cards, history, phones,
                publisher, clock, settings, callbacks, CallbackSettings.defaults());
    }

    /**
     * A waiting call as the flow files it in Redis: its place, and the caller's facts as attributes, the way the
     * flow's arrival desk writes them (io.cti.router.calls.CallerFacts), so that any router rebuilds the same
     * priority from them.
     */
    static QueuedCall queued(WaitingCall call) {
        Map<String, String> attributes = new HashMap<>();
        if (call.customer().known()) {
            attributes.put("grade", call.customer().grade().name());
            attributes.put("vip", Boolean.toString(call.customer().vip()));
            attributes.put("churn", Boolean.toString(call.customer().churnWarning()));
            attributes.put("type", call.customer().type().name());
            attributes.put("overdue", Boolean.toString(call.customer().overduePayment()));
        }
        CallContext context = new CallContext(call.customer().customerId(), Optional.ofNullable(call.lastAgent()),
                List.of(), List.of(), attributes);
        return new QueuedCall(call.id(), call.queue(), call.enqueuedAt(), call.orderKey(), context);
    }

    @Override
    public void close() {
        database.close();
        postgres.close();
    }
}
