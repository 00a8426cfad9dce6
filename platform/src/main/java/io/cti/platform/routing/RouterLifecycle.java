package io.cti.platform.routing;

import io.cti.core.bus.BusStream;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RunningSubscription;
import io.cti.core.bus.Subscription;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallEnded;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.ChangeAgentState;
import io.cti.core.messages.CompleteWrapUp;
import io.cti.core.messages.DialCustomer;
import io.cti.core.messages.HoldCall;
import io.cti.core.messages.ResumeCall;
import io.cti.core.messages.TransferCall;
import io.cti.router.calls.InboundCallFlow;
import io.cti.router.calls.ScreenPops;
import io.cti.router.reservations.ReservationReaper;
import io.cti.router.reservations.Reservations;
import io.cti.router.reservations.RouterId;
import io.cti.router.waiting.RouterKeys;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Runs the call flow with the application: subscribes to the call events and the agents' commands as the router's
 * consumer group, and to the agents' phones ringing as the screen-pops' own group (the pop of a ring never waits
 * behind the flow's other messages), ticks the flow every {@code cti.router.tick}, follows the change feed between
 * the ticks ({@code cti.router.follow-changes}), and reaps expired reservations;
 * stops all of it on shutdown. With an embedded pbx-sim (empty on every start) the calls remembered from an earlier
 * run are forgotten first. Thread-safe.
 */
final class RouterLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RouterLifecycle.class);
    /** The screen-pops' consumer group is the router's with this suffix. */
    static final String POPS_GROUP_SUFFIX = "-pops";

    private final InboundCallFlow flow;
    private final RedisCommands<String, String> redis;
    private final RouterProperties properties;
    private final MessageBus bus;
    private final String consumer;
    private final boolean freshPbx;
    private RunningSubscription subscription;
    private RunningSubscription popSubscription;
    private RouterTicker ticker;
    private ChangeFollower follower;
    private ReservationReaper reaper;

    RouterLifecycle(InboundCallFlow flow, RedisCommands<String, String> redis, RouterProperties properties,
                    MessageBus bus, String consumer, boolean freshPbx) {
        this.freshPbx = freshPbx;
        this.flow = flow;
        this.redis = redis;
        this.properties = properties;
        this.bus = bus;
        this.consumer = consumer;
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        if (freshPbx) {
            flow.forgetCallsOfAVanishedPbx();
        }
        RouterKeys keys = RouterKeys.withPrefix(properties.keyPrefix());
        reaper = ReservationReaper.start(Reservations.on(redis, keys, RouterId.of("router-" + consumer)),
                Duration.ofSeconds(1));
        // The pops first, on a consumer group of their own: a pop must not wait behind the flow's other messages.
        ScreenPops pops = flow.separateScreenPops();
        popSubscription = bus.subscribe(Subscription.builder(properties.consumerGroup() + POPS_GROUP_SUFFIX, consumer)
                .streams(BusStream.EVENTS).types(AgentLegRinging.class).build(), pops::handle);
        subscription = bus.subscribe(Subscription.builder(properties.consumerGroup(), consumer)
                .streams(BusStream.EVENTS, BusStream.COMMANDS)
                .types(CallArrived.class, AgentLegRinging.class, AgentLegUnanswered.class, CallConnected.class,
                        CallEnded.class, CallHeld.class, CallResumed.class, ChangeAgentState.class,
                        CompleteWrapUp.class, CallbackRequested.class, CallbackDialed.class, HoldCall.class,
                        ResumeCall.class, TransferCall.class, DialCustomer.class)
                .build(), flow.busHandler());
        long period = Math.max(50, properties.tick().toMillis());
        ticker = RouterTicker.start(flow::tick, Duration.ofMillis(period));
        if (!properties.followChanges().isZero()) {
            follower = ChangeFollower.start(flow::followChanges, properties.followChanges());
        }
        log.info("ACD router started: call events and agent commands from the bus as group {}, screen-pops as group"
                + " {}{}, tick every {} ms, change feed followed {}", properties.consumerGroup(),
                properties.consumerGroup(), POPS_GROUP_SUFFIX, period, properties.followChanges().isZero()
                        ? "by the tick only" : properties.followChanges().toMillis() + " ms after each read");
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (popSubscription != null) {
            popSubscription.close();
            popSubscription = null;
        }
        if (follower != null) {
            follower.close();
            follower = null;
        }
        if (ticker != null) {
            ticker.close();
            ticker = null;
        }
        if (reaper != null) {
            reaper.close();
            reaper = null;
        }
    }

    /** Whether the change feed is being followed between the ticks ({@code cti.router.follow-changes} not 0). */
    synchronized boolean followingChanges() {
        return follower != null;
    }

    @Override
    public synchronized boolean isRunning() {
        return subscription != null;
    }
}
