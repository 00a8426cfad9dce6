package io.cti.platform.console;

import io.cti.console.access.KnownAgents;
import io.cti.console.push.AgentNames;
import io.cti.console.push.LiveStateSource;
import io.cti.console.push.QueueDaySource;
import io.cti.platform.routing.RouterProperties;
import io.cti.router.queues.QueueRepository;
import io.cti.router.stats.QueueStatistics;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.api.StatefulRedisConnection;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.staff.AgentRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tells the web console (agent-console, auto-configured) what the router in this process knows: which agent ids
 * exist, for linking users to agents, their names, for the transfer picker, the agents' states and queues' figures
 * at start, for the first push snapshots, and the queues' day so far, for the wallboard's charts. Without the
 * router's tables or call flow the console does without. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    KnownAgents routerAgents(ObjectProvider<AgentRepository> agents) {
        return agent -> {
            AgentRepository repository = agents.getIfAvailable();
            return repository == null || repository.find(agent).isPresent();
        };
    }

    /** The agents' names for the desktop's transfer picker, read from the router's directory when asked. */
    @Bean
    AgentNames routerAgentNames(ObjectProvider<AgentRepository> agents) {
        return () -> {
            AgentRepository repository = agents.getIfAvailable();
            return repository == null ? Map.of() : repository.list(false).stream()
                    .collect(Collectors.toMap(a -> a.profile().id(), a -> a.profile().displayName(), (a, b) -> a));
        };
    }

    /** The day charts from the router's counts; none when the router does not run in this process. */
    @Bean
    QueueDaySource routerQueueDay(ObjectProvider<StatefulRedisConnection<String, String>> routerRedisConnection,
                                  ObjectProvider<QueueRepository> queues, ObjectProvider<RouterProperties> router) {
        StatefulRedisConnection<String, String> redis = routerRedisConnection.getIfAvailable();
        QueueRepository repository = queues.getIfAvailable();
        RouterProperties properties = router.getIfAvailable();
        if (redis == null || repository == null || properties == null) {
            return null; // a null bean: the console's charts then start from the pushed figures alone
        }
        return new RouterQueueDay(new QueueStatistics(redis.sync(), RouterKeys.withPrefix(properties.keyPrefix()),
                properties.timeZone()), repository, properties.timeZone());
    }

    @Bean
    LiveStateSource routerLiveState(ObjectProvider<InboundCallFlow> flow, Clock clock) {
        return new RouterLiveState(flow, clock);
    }
}
