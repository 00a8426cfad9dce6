package io.cti.pbxsim.traffic;

import java.util.List;
import java.util.Objects;

/**
 * Everything a traffic run does, and the seed that makes it reproducible: inbound callers per queue (entering the
 * dialplan at {@code inboundContext} through {@code inboundTrunk}), the agents' phones, the outbound callees
 * behind {@code calleeTrunk} (a device such as {@code PJSIP/trunk}: dial {@code PJSIP/<number>@trunk}), how callers
 * who asked to be called back answer the platform's callback through that same trunk ({@code callbacks}), the load
 * generator's own dialer, whether pbx-sim routes waiting calls to free agents itself ({@code autoRoute}: only
 * without the platform, which routes on its own), and the supervisors' phones that listen-in rings. Null parts are
 * left out. Immutable.
 */
public record TrafficPlan(long seed, List<InboundQueue> queues, CallerNumbers callers, String inboundTrunk,
                          String inboundContext, AgentPhones agents, Population population, String calleeTrunk,
                          OutboundDialing dialing, boolean autoRoute, CallbackAnswering callbacks,
                          SupervisorPhones supervisors) {

    public static final String DEFAULT_TRUNK = "PJSIP/trunk";

    public TrafficPlan {
        queues = List.copyOf(queues == null ? List.of() : queues);
        callers = callers == null ? CallerNumbers.unknownOnly() : callers;
        inboundTrunk = requireDevice(inboundTrunk == null ? DEFAULT_TRUNK : inboundTrunk);
        inboundContext = inboundContext == null ? "cti-inbound" : inboundContext;
        calleeTrunk = requireDevice(calleeTrunk == null ? DEFAULT_TRUNK : calleeTrunk);
        if (dialing != null && (population == null || population.size() == 0)) {
            throw new IllegalArgumentException("dialing out needs a population to dial");
        }
        if (autoRoute && agents == null) {
            throw new IllegalArgumentException("routing calls to agents needs agent phones");
        }
    }

    /** A plan whose callers who ask for a callback do not answer it (nobody is there on the trunk for them). */
    public TrafficPlan(long seed, List<InboundQueue> queues, CallerNumbers callers, String inboundTrunk,
                       String inboundContext, AgentPhones agents, Population population, String calleeTrunk,
                       OutboundDialing dialing, boolean autoRoute) {
        this(seed, queues, callers, inboundTrunk, inboundContext, agents, population, calleeTrunk, dialing, autoRoute,
                null, null);
    }

    /** A plan with only a seed: add parts with the {@code with...} methods. */
    public static TrafficPlan seeded(long seed) {
        return new TrafficPlan(seed, null, null, null, null, null, null, null, null, false);
    }

    public TrafficPlan withQueues(List<InboundQueue> newQueues) {
        return new TrafficPlan(seed, newQueues, callers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, dialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withCallers(CallerNumbers newCallers) {
        return new TrafficPlan(seed, queues, newCallers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, dialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withAgents(AgentPhones newAgents) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, newAgents, population,
                calleeTrunk, dialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withPopulation(Population newPopulation) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, newPopulation,
                calleeTrunk, dialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withCalleeTrunk(String device) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, population,
                device, dialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withDialing(OutboundDialing newDialing) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, newDialing, autoRoute, callbacks, supervisors);
    }

    public TrafficPlan withCallbacks(CallbackAnswering answering) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, dialing, autoRoute, answering, supervisors);
    }

    public TrafficPlan withAutoRoute(boolean route) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, dialing, route, callbacks, supervisors);
    }

    public TrafficPlan withSupervisors(SupervisorPhones phones) {
        return new TrafficPlan(seed, queues, callers, inboundTrunk, inboundContext, agents, population,
                calleeTrunk, dialing, autoRoute, callbacks, phones);
    }

    /** What the demo's IVR callers key: 1 support 35%, 2 sales 45%, 9 call me back 10%, nothing 10%. */
    public static final IvrChoices DEMO_IVR_CHOICES = IvrChoices.of("1", 35, "2", 45, "9", 10, "", 10);

    /**
     * The platform's demo traffic: support (5550100) and sales (5550200) callers at {@code perHour} calls per hour
     * each, plus IVR callers (5550000) at a quarter of that who key as {@link #DEMO_IVR_CHOICES} says (one in ten
     * asks to be called back and takes the callback as {@link CallbackAnswering#usual()}), drawn from
     * {@code customerNumbers} with a fifth unknown; agents 2001-2010 who pick up after 2-6 s and miss one call in
     * twenty; the demo supervisor's phone ({@link SupervisorPhones#demo()}), which answers listen-in by itself.
     */
    public static TrafficPlan demo(long seed, List<String> customerNumbers, double perHour) {
        return seeded(seed)
                .withQueues(List.of(
                        InboundQueue.poisson("support", "5550100", perHour),
                        InboundQueue.poisson("sales", "5550200", perHour),
                        InboundQueue.poisson("ivr", "5550000", perHour / 4).withIvrChoices(DEMO_IVR_CHOICES)))
                .withCallers(new CallerNumbers(customerNumbers, 0.2))
                .withAgents(AgentPhones.range(2001, 2010).withNoAnswer(0.05))
                .withCallbacks(CallbackAnswering.usual())
                .withSupervisors(SupervisorPhones.demo());
    }

    private static String requireDevice(String device) {
        Objects.requireNonNull(device, "device");
        int slash = device.indexOf('/');
        if (slash <= 0 || slash == device.length() - 1) {
            throw new IllegalArgumentException("a trunk is a device such as PJSIP/trunk, not " + device);
        }
        return device;
    }
}
