package io.cti.pbxsim.calls;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Channels of technologies other than Local: outgoing legs to registered endpoints (driven by their
 * {@link EndpointBehaviour}) and calls arriving from outside. An endpoint that is not registered is unavailable,
 * as an unconfigured peer is in Asterisk. Registration and channel work are confined to the clock thread; the
 * registry may be read from any thread.
 */
final class Endpoints {

    private final CallCore core;
    private final Map<String, EndpointBehaviour> behaviours = new ConcurrentHashMap<>();
    /** Every device ever registered: configured endpoints, reachable or not. */
    private final Set<String> configured = ConcurrentHashMap.newKeySet();

    Endpoints(CallCore core) {
        this.core = core;
    }

    void register(String device, EndpointBehaviour behaviour) {
        configured.add(device);
        behaviours.put(device, behaviour);
        core.devices.changed(device);
    }

    /** The endpoint goes offline: it stays configured, and is UNAVAILABLE until registered again. */
    void unregister(String device) {
        if (behaviours.remove(device) != null) {
            core.devices.changed(device);
        }
    }

    /** True when the endpoint is registered (reachable). */
    boolean isKnown(String device) {
        return behaviours.containsKey(device);
    }

    /** True when an endpoint was ever registered for the device. */
    boolean isConfigured(String device) {
        return configured.contains(device);
    }

    /** The device a dial string {@code Tech/resource} reaches: the endpoint after '@' if any. */
    static String device(String technology, String resource) {
        int at = resource.indexOf('@');
        return technology + "/" + (at >= 0 ? resource.substring(at + 1) : resource);
    }

    /** Makes and announces an outgoing leg, or returns null when the endpoint is unavailable. */
    Channel createLeg(String technology, String resource, String linkedid) {
        return createLeg(technology, resource, linkedid, null);
    }

    /**
     * As {@link #createLeg(String, String, String)}, the leg's unique id being {@code uniqueid} when given (an
     * Originate's ChannelId); null as well when a live channel already has that id, as Asterisk refuses it.
     */
    Channel createLeg(String technology, String resource, String linkedid, String uniqueid) {
        String device = device(technology, resource);
        if (!isKnown(device) || uniqueid != null && core.registry.hasUniqueid(uniqueid)) {
            return null;
        }
        Channel leg = core.registry.create(technology, device.substring(technology.length() + 1), "", device,
                core.clock.now(), uniqueid);
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
        for (char digit : call.dtmf().toCharArray()) {
            channel.pendingDtmf.add(digit);
        }
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
        public String variable(String name) {
            String value = leg.variable(name);
            return value == null ? "" : value;
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
        public void answer(AnswerAudio audio) {
            onClock(() -> {
                if (leg.dialTracker != null) {
                    leg.audio = audio;
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
