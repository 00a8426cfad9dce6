package io.cti.platform.console;

import io.cti.console.access.KnownAgents;
import io.cti.console.push.AgentNames;
import io.cti.console.push.LiveStateSource;
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
 * exist, for linking users to agents, their names, for the transfer picker, and the agents' states and queues' figures at start, for the first push
 * snapshots. Without the router's tables or call flow the console does without. Wiring only.
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

    @Bean
    LiveStateSource routerLiveState(ObjectProvider<InboundCallFlow> flow, Clock clock) {
        return new RouterLiveState(flow, clock);
    }
}
