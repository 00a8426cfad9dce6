package io.cti.platform.routing;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.ids.AgentId;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.AgentStatus;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DomainMessage;
import io.cti.core.messages.MessageId;
import io.cti.router.staff.AgentRepository;
import io.cti.router.staff.StoredAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Stand-ins for the demo agents at their consoles, so the default run routes the demo calls with nobody at a
 * console: once the application is ready every active agent logs in (Ready); after each call the bot writes its
 * disposition a few seconds into wrap-up, and a bot put Not ready by RONA goes Ready again after a while. Agents a
 * person can log in as (a console user is linked to them) are left to that person, so a newcomer takes calls beside
 * the bots. They talk to the router only through the bus, as a console would. Thread-safe; close to stop.
 */
final class DemoAgentBots implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoAgentBots.class);
    static final String GROUP = "demo-agent-bots";
    private static final String RONA = "no-answer";

    private final AgentRepository agents;
    private final MessageBus bus;
    private final String consumer;
    private final RouterProperties.Demo settings;
    private final Predicate<AgentId> leftToPeople;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-agent-bots");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RunningSubscription subscription;
    private volatile Set<AgentId> bots = Set.of();

    DemoAgentBots(AgentRepository agents, MessageBus bus, String consumer, RouterProperties.Demo settings,
                  Predicate<AgentId> leftToPeople) {
        this.agents = agents;
        this.bus = bus;
        this.consumer = consumer;
        this.settings = settings;
        this.leftToPeople = leftToPeople;
    }

    @Override
    public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
        if (subscription != null) {
            return;
        }
        List<AgentId> ids = agents.list(false).stream().map(StoredAgent::profile).map(p -> p.id())
                .filter(leftToPeople.negate()).toList();
        bots = ids.stream().collect(Collectors.toUnmodifiableSet());
        subscription = bus.subscribe(Subscription.builder(GROUP, consumer).streams(BusStream.EVENTS)
                .types(AgentStateChanged.class).build(), this::handle);
        ids.forEach(agent -> bus.publish(ChangeAgentState.now(agent, AgentStatus.READY, "")));
        log.info("Demo agent bots: {} agents log in and wrap up on their own after {} s (cti.router.demo.bots);"
                + " agents with a console user are left to people", ids.size(), settings.wrapUpAfter().toSeconds());
    }

    private void handle(DomainMessage message) {
        if (!(message instanceof AgentStateChanged changed) || !bots.contains(changed.agentId())) {
            return;
        }
        if (changed.status() == AgentStatus.WRAP_UP && changed.callId() != null) {
            later(settings.wrapUpAfter().toMillis(), () -> bus.publish(new CompleteWrapUp(MessageId.random(),
                    Instant.now(), changed.agentId(), changed.callId(), "resolved", "handled by the demo agent bot",
                    null, 0)));
        } else if (changed.status() == AgentStatus.NOT_READY && RONA.equals(changed.reasonCode())) {
            later(settings.readyAfterRona().toMillis(),
                    () -> bus.publish(ChangeAgentState.now(changed.agentId(), AgentStatus.READY, "")));
        }
    }

    private void later(long millis, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("a demo agent bot could not act: {}", e.toString());
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        RunningSubscription running = subscription;
        if (running != null) {
            running.close();
        }
        timer.shutdownNow();
    }
}
