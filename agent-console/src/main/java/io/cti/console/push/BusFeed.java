package io.cti.console.push;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.AgentStateChanged;
import io.cti.core.messages.CallControlRefused;
import io.cti.core.messages.QueueFiguresUpdated;
import io.cti.core.messages.ScreenPopReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the {@link PushHub} with the application: seeds its board from the {@link LiveStateSource} when there is one,
 * then reads screen-pops, agent states, queue figures and refused call controls from the bus as the console's consumer group, and beats the
 * heartbeat. Stops both on shutdown. Thread-safe.
 */
final class BusFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BusFeed.class);

    private final PushHub hub;
    private final MessageBus bus;
    private final LiveStateSource seed;
    private final String group;
    private final String consumer;
    private final Duration heartbeat;
    private RunningSubscription subscription;
    private ScheduledExecutorService beats;

    BusFeed(PushHub hub, MessageBus bus, LiveStateSource seed, String group, String consumer, Duration heartbeat) {
        this.hub = hub;
        this.bus = bus;
        this.seed = seed;
        this.group = group;
        this.consumer = consumer;
        this.heartbeat = heartbeat;
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        if (seed != null) {
            try {
                hub.seed(seed.agentStates(), seed.queueFigures());
            } catch (RuntimeException e) {
                // The events fill the board in as they come; a failed seed only makes the first snapshots thinner.
                log.warn("could not read the agents' states and queue figures at start: {}", e.toString());
            }
        }
        subscription = bus.subscribe(Subscription.builder(group, consumer).streams(BusStream.EVENTS)
                .types(ScreenPopReady.class, AgentStateChanged.class, QueueFiguresUpdated.class,
                        CallControlRefused.class).build(), hub::publish);
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "console-push-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = heartbeat.toMillis();
        beats.scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        log.info("Console push: screen-pops, agent states, queue figures and refused call controls from the bus as group {}, sockets at /ws",
                group);
    }

    private void beat() {
        try {
            hub.heartbeat();
        } catch (RuntimeException e) {
            log.warn("push heartbeat failed; next one retries: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (beats != null) {
            beats.shutdownNow();
            beats = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}
