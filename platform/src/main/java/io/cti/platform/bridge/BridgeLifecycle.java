package io.cti.platform.bridge;

import io.cti.bridge.CtiBridge;
import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.MessageHandler;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.BlindTransfer;
import io.cti.core.messages.CallBackCustomer;
import io.cti.core.messages.ConnectToAgent;
import io.cti.core.messages.HangUp;
import io.cti.core.messages.HoldCaller;
import io.cti.core.messages.ResumeCaller;
import io.cti.core.messages.OriginateToCustomer;
import io.cti.core.messages.SetVariable;
import io.cti.core.messages.Spy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the bridge with the application: on start it connects to the PBX (in the background; the start does not
 * wait for the PBX) and subscribes, as its own consumer group, to the PBX commands on the bus; on stop it
 * unsubscribes. Closing the bridge itself is left to the bean's destruction, which Spring orders before the event
 * publisher, the bus and an embedded pbx-sim are closed. Thread-safe.
 */
final class BridgeLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BridgeLifecycle.class);
    private static final Duration WATCH_PERIOD = Duration.ofMillis(200);

    private final CtiBridge bridge;
    private final LinkWatch watch;
    private final MessageBus bus;
    private final Subscription commands;
    private final MessageHandler handler;
    private final AmiEndpoint endpoint;
    private volatile RunningSubscription subscription;

    BridgeLifecycle(CtiBridge bridge, LinkWatch watch, MessageBus bus, String group, String consumer,
                    MessageHandler handler, AmiEndpoint endpoint) {
        this.bridge = bridge;
        this.watch = watch;
        this.bus = bus;
        this.handler = handler;
        this.endpoint = endpoint;
        this.commands = Subscription.builder(group, consumer)
                .streams(BusStream.COMMANDS)
                .types(ConnectToAgent.class, OriginateToCustomer.class, HangUp.class, BlindTransfer.class, Spy.class,
                        SetVariable.class, CallBackCustomer.class, HoldCaller.class, ResumeCaller.class)
                .build();
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        bridge.start();
        watch.start(WATCH_PERIOD);
        subscription = bus.subscribe(commands, handler);
        log.info("CTI bridge started: AMI link to {} ({}), commands from the bus as group {}", endpoint.address(),
                endpoint.embedded() ? "embedded pbx-sim" : "external Asterisk", commands.group());
    }

    @Override
    public synchronized void stop() {
        RunningSubscription running = subscription;
        if (running != null) {
            running.close();
            subscription = null;
        }
        watch.close();
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
