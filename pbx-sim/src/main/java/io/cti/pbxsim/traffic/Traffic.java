package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.Pbx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * A running traffic plan on a simulated PBX: agent phones and the callee trunk registered as endpoints, inbound
 * callers arriving per queue, optionally the load generator's dialer and router. Everything runs on the PBX's
 * clock thread and draws from one {@link SimRandom} seeded from the plan, so on a virtual clock the same plan gives
 * the same run, event for event. Thread-safe: start, stop and stats may be called from any thread.
 *
 * <pre>{@code
 * Traffic traffic = Traffic.start(pbx, TrafficPlan.demo(42, customerNumbers, 60));
 * ...
 * traffic.stop();   // no new calls; calls in progress end on their own
 * }</pre>
 */
public final class Traffic {

    private final Pbx pbx;
    private final TrafficPlan plan;
    private final Counters counters = new Counters();
    private final List<Runnable> stoppers = new ArrayList<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private Traffic(Pbx pbx, TrafficPlan plan) {
        this.pbx = pbx;
        this.plan = plan;
    }

    /** Starts {@code plan} on {@code pbx}; its first step runs on the clock thread as soon as possible. */
    public static Traffic start(Pbx pbx, TrafficPlan plan) {
        Traffic traffic = new Traffic(pbx, plan);
        pbx.clock().execute(traffic::begin);
        return traffic;
    }

    /** Completes once every model is in place (endpoints registered, first arrivals scheduled). */
    public CompletableFuture<Void> started() {
        return started;
    }

    /** Stops new calls (arrivals, dials); calls in progress go on to their end. */
    public void stop() {
        try {
            pbx.clock().execute(() -> stoppers.forEach(Runnable::run));
        } catch (RejectedExecutionException e) {
            // The clock is closed: nothing runs any more, so there is nothing left to stop.
            return;
        }
    }

    public TrafficStats stats() {
        return counters.snapshot();
    }

    public TrafficPlan plan() {
        return plan;
    }

    private void begin() {
        SimRandom random = new SimRandom(plan.seed());
        if (plan.agents() != null) {
            AgentPhone phone = new AgentPhone(pbx.clock(), random, counters, plan.agents());
            plan.agents().devices().forEach(device -> pbx.registerEndpoint(device, phone));
        }
        if (plan.supervisors() != null) {
            SupervisorPhone phone = new SupervisorPhone(pbx.clock(), random, plan.supervisors());
            plan.supervisors().devices().forEach(device -> pbx.registerEndpoint(device, phone));
        }
        CalleeLine callees = plan.population() == null ? null
                : new CalleeLine(pbx, random, counters, plan.population());
        CallbackCustomers callbacks = plan.callbacks() == null ? null
                : new CallbackCustomers(pbx, random, counters, plan.callbacks());
        if (callbacks != null) {
            pbx.subscribe(callbacks);
        }
        if (callees != null || callbacks != null) {
            pbx.registerEndpoint(plan.calleeTrunk(), new TrunkLine(callbacks, callees, counters));
        }
        if (plan.autoRoute()) {
            // The router keeps going after a stop: calls still waiting should still reach an agent.
            pbx.subscribe(new AutoRouter(pbx, plan.agents()));
        }
        InboundCallers callers = new InboundCallers(pbx, random, counters, plan);
        callers.start();
        stoppers.add(callers::stop);
        if (plan.dialing() != null) {
            OutboundDialer dialer = new OutboundDialer(pbx, random, plan);
            dialer.start();
            stoppers.add(dialer::stop);
        }
        started.complete(null);
    }
}
