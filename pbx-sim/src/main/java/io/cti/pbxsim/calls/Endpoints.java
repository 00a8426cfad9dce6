package io.cti.pbxsim.calls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels of technologies other than Local: outgoing legs to registered endpoints (driven by their
 * {@link EndpointBehaviour}) and calls arriving from outside. An endpoint that is not registered is unavailable,
 * as an unconfigured peer is in Asterisk. The registry is thread-safe; channel work is confined to the clock
 * thread.
 */
final class Endpoints {

    private final CallCore core;
    private final Map<String, EndpointBehaviour> behaviours = new ConcurrentHashMap<>();

    Endpoints(CallCore core) {
        this.core = core;
    }

    void register(String device, EndpointBehaviour behaviour) {
        behaviours.put(device, behaviour);
    }

    void unregister(String device) {
        behaviours.remove(device);
    }

    boolean isKnown(String device) {
        return behaviours.containsKey(device);
    }

    /** The device a dial string {@code Tech/resource} reaches: the endpoint after '@' if any. */
    static String device(String technology, String resource) {
        int at = resource.indexOf('@');
        return technology + "/" + (at >= 0 ? resource.substring(at + 1) : resource);
    }

    /** Makes and announces an outgoing leg, or returns null when the endpoint is unavailable. */
    Channel createLeg(String technology, String resource, String linkedid) {
        String device = device(technology, resource);
        if (!isKnown(device)) {
            return null;
        }
        Channel leg = core.registry.create(technology, device.substring(technology.length() + 1), "", device,
                core.clock.now());
        leg.context = "default";
        leg.exten = "s";
        if (linkedid != null) {
            leg.linkedid = linkedid;
        }
        core.announce(leg);
        return leg;
    }

    /** Hands the leg to its endpoint's behaviour. */
    void ring(Channel leg, String resource) {
        EndpointBehaviour behaviour = behaviours.get(leg.device);
        if (behaviour != null) {
            behaviour.incoming(new Call(leg, resource));
        }
    }

    /** Creates an inbound channel and starts its dialplan. */
    Channel inbound(InboundCall call) {
        Channel channel = core.registry.create(call.technology(), call.peer(), "",
                call.technology() + "/" + call.peer(), core.clock.now());
        channel.caller = call.caller();
        channel.context = call.context();
        channel.exten = call.exten();
        core.announce(channel);
        call.variables().forEach((name, value) -> core.setVariable(channel, name, value));
        core.setState(channel, ChannelState.RING);
        core.startDialplan(channel, call.context(), call.exten(), 1);
        return channel;
    }

    /** The endpoint's handle on one leg; every method hops onto the clock thread. */
    private final class Call implements EndpointCall {
        private final Channel leg;
        private final String resource;
        private final Party caller;

        Call(Channel leg, String resource) {
            this.leg = leg;
            this.resource = resource;
            this.caller = leg.connected;
        }

        @Override
        public String channel() {
            return leg.name;
        }

        @Override
        public String dialed() {
            return resource;
        }

        @Override
        public Party caller() {
            return caller;
        }

        @Override
        public void ringing() {
            onClock(() -> {
                if (leg.dialTracker != null && leg.state != ChannelState.UP) {
                    core.setState(leg, ChannelState.RINGING);
                    leg.dialTracker.ringing();
                }
            });
        }

        @Override
        public void answer() {
            onClock(() -> {
                if (leg.dialTracker != null) {
                    core.setState(leg, ChannelState.UP);
                    if (leg.dialTracker != null) {
                        leg.dialTracker.answered();
                    }
                }
            });
        }

        @Override
        public void busy() {
            onClock(() -> {
                if (leg.dialTracker != null) {
                    leg.dialTracker.busy();
                }
            });
        }

        @Override
        public void congestion() {
            onClock(() -> {
                if (leg.dialTracker != null) {
                    leg.dialTracker.congestion();
                }
            });
        }

        @Override
        public void hangup(int cause) {
            onClock(() -> {
                if (leg.dialTracker != null) {
                    core.hangups.hangupNow(leg, cause);
                } else {
                    core.hangups.farEndHangup(leg, cause);
                }
            });
        }

        private void onClock(Runnable task) {
            if (core.clock.isClockThread()) {
                if (leg.alive()) {
                    task.run();
                }
            } else {
                core.clock.execute(() -> {
                    if (leg.alive()) {
                        task.run();
                    }
                });
            }
        }
    }
}
