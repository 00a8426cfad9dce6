package io.cti.platform.routing;

import io.cti.console.access.UserRepository;
import io.cti.core.bus.MessageBus;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.Grade;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.platform.bridge.AmiEndpoint;
import io.cti.platform.bus.ConsumerName;
import io.cti.router.callbacks.CallbackRepository;
import io.cti.router.callbacks.CallbackSettings;
import io.cti.router.calls.FlowPublishing;
import io.cti.router.calls.FlowSettings;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.queues.DemoQueues;
import io.cti.router.queues.QueueRepository;
import io.cti.router.reservations.RouterId;
import io.cti.router.routing.PrioritySettings;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.DemoAgents;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Runs the ACD router's call flow in the platform ({@code cti.router.enabled}, default true): the flow on the
 * platform's Redis and PostgreSQL, its bus subscription and tick, the reservation reaper, the REST snapshots and
 * metrics, and on a demo run the demo queues, agents and agent bots. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RouterProperties.class)
@ConditionalOnProperty(prefix = "cti.router", name = "enabled", havingValue = "true", matchIfMissing = true)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> routerRedisConnection(RedisClient client) {
        return client.connect();
    }

    /**
     * Lets the PBX bridge of this process ignore a connect or callback whose reservation is no longer current (the
     * router that sent it died or stalled); see {@link io.cti.platform.bridge.BridgeConfiguration}.
     */
    @Bean(destroyMethod = "close")
    RouterReservationFence routerReservationFence(RedisClient client, RouterProperties properties) {
        return new RouterReservationFence(client, RouterKeys.withPrefix(properties.keyPrefix()));
    }

    /** The callback rules of {@code cti.router.callbacks.*}, for the call flow and the /api/callbacks edge alike. */
    @Bean
    CallbackSettings callbackSettings(RouterProperties properties) {
        return properties.callbacks().toSettings();
    }

    @Bean
    InboundCallFlow inboundCallFlow(StatefulRedisConnection<String, String> routerRedisConnection,
                                    RouterProperties properties, ConsumerName consumer, QueueRepository queues,
                                    AgentRepository agents, CustomerCards cards, CustomerHistory history,
                                    PhoneNumberNormalizer normalizer, MessageBus bus, Clock clock,
                                    CallbackRepository callbacks, CallbackSettings callbackSettings) {
        if (properties.demo().enabled()) {
            int q = new DemoQueues().loadInto(queues);
            int a = new DemoAgents().loadInto(agents);
            if (q + a > 0) {
                log.info("Router demo definitions loaded: {} queues, {} agents (only ever into empty tables)", q, a);
            }
        }
        return InboundCallFlow.create(routerRedisConnection.sync(), RouterKeys.withPrefix(properties.keyPrefix()),
                RouterId.of("router-" + consumer.value()), queues, agents, cards, history, normalizer,
                FlowPublishing.onBus(bus), clock, flowSettings(properties), callbacks, callbackSettings);
    }

    /** The call flow's settings from {@code cti.router.*}. */
    static FlowSettings flowSettings(RouterProperties properties) {
        RouterProperties.Priority p = properties.priority();
        PrioritySettings priority = PrioritySettings.builder().grade(Grade.A, p.gradeA()).grade(Grade.B, p.gradeB())
                .grade(Grade.C, p.gradeC()).grade(Grade.D, p.gradeD()).vipBonus(p.vipBonus())
                .unknownCallerPoints(p.unknownCaller()).agingPerSecond(p.agingPerSecond()).build();
        long seed = properties.randomSeed() != null ? properties.randomSeed() : new SecureRandom().nextLong();
        log.info("Router RANDOM strategy seeded with {} (cti.router.random-seed={} replays its choices)", seed, seed);
        return FlowSettings.defaults().withPriority(priority)
                .withReservationTimeout(properties.reservationTimeout()).withRingMargin(properties.ringMargin())
                .withZone(properties.timeZone()).withRandomSeed(seed).withBoardResync(properties.boardResync());
    }

    @Bean
    RouterLifecycle routerLifecycle(InboundCallFlow flow, StatefulRedisConnection<String, String> routerRedisConnection,
                                    RouterProperties properties, MessageBus bus, ConsumerName consumer,
                                    ObjectProvider<AmiEndpoint> pbx) {
        // The embedded pbx-sim starts empty on every run: calls the router remembers from an earlier run are gone.
        AmiEndpoint endpoint = pbx.getIfAvailable();
        boolean freshPbx = endpoint != null && endpoint.embedded();
        return new RouterLifecycle(flow, routerRedisConnection.sync(), properties, bus, consumer.value(), freshPbx);
    }

    @Bean
    RouterMetrics routerMetrics(InboundCallFlow flow, QueueRepository queues, MeterRegistry meters) {
        return new RouterMetrics(flow, queues, meters);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "cti.router.demo", name = {"enabled", "bots"}, havingValue = "true",
            matchIfMissing = true)
    DemoAgentBots demoAgentBots(AgentRepository agents, MessageBus bus, ConsumerName consumer,
                                RouterProperties properties, ObjectProvider<UserRepository> consoleUsers) {
        // An agent some console user is linked to is worked by that person, never by a bot.
        UserRepository users = consoleUsers.getIfAvailable();
        return new DemoAgentBots(agents, bus, consumer.value(), properties.demo(),
                users == null ? agent -> false : users::hasUserFor);
    }
}
