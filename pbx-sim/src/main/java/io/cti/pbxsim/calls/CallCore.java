package io.cti.pbxsim.calls;

import io.cti.pbxsim.clock.SimClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The call model's shared state and the primitive changes every part of it makes to a channel, each raising the
 * event Asterisk raises for it. Confined to the clock thread: {@link Pbx} is the only way in from outside.
 */
final class CallCore {

    final SimClock clock;
    final Dialplan dialplan;
    final PbxTiming timing;
    final Events events = new Events();
    final ChannelRegistry registry = new ChannelRegistry();
    final Map<String, String> globals = new HashMap<>();
    /** Seeded so that bridge ids repeat from run to run, like everything else a simulation produces. */
    final java.util.Random ids = new java.util.Random(20_20_1L);
    final Devices devices;
    final Bridges bridges;
    final Hangups hangups;
    final LocalChannels locals;
    final Endpoints endpoints;
    final Applications applications;

    CallCore(SimClock clock, Dialplan dialplan, PbxTiming timing) {
        this.clock = clock;
        this.dialplan = dialplan;
        this.timing = timing;
        this.globals.putAll(dialplan.globals());
        this.devices = new Devices(this);
        this.bridges = new Bridges(this);
        this.hangups = new Hangups(this);
        this.locals = new LocalChannels(this);
        this.endpoints = new Endpoints(this);
        this.applications = new Applications(this);
    }

    /** Registers a newly made channel and announces it. */
    void announce(Channel channel) {
        if (registry.find(channel.name) == null) {
            registry.register(channel);
        }
        devices.track(channel);
        events.newchannel(channel);
    }

    void setState(Channel channel, ChannelState state) {
        if (channel.state == state) {
            return;
        }
        channel.state = state;
        if (state == ChannelState.UP && channel.answeredAt == null) {
            channel.answeredAt = clock.now();
        }
        events.newstate(channel);
        devices.changed(channel.device);
    }

    void setVariable(Channel channel, String rawName, String value) {
        channel.putVariable(rawName, value);
        events.varSet(channel, rawName, value);
    }

    void setCaller(Channel channel, Party caller) {
        channel.caller = caller;
        events.newCallerid(channel);
    }

    void setConnected(Channel channel, Party connected) {
        channel.connected = connected;
        events.newConnectedLine(channel);
    }

    /** Moves the channel to a dialplan position running {@code application} and raises Newexten. */
    void newExten(Channel channel, String context, String exten, int priority, String application, String data) {
        channel.context = context;
        channel.exten = exten;
        channel.priority = priority;
        channel.application = application;
        channel.applicationData = data;
        events.newexten(channel);
    }

    /**
     * Tells the channel's watchers about a change once the current task is over, so that they see the change
     * fully reported and may act on the PBX themselves.
     */
    void notifyWatchers(Channel channel, Consumer<ChannelWatcher> notification) {
        if (channel.watchers.isEmpty()) {
            return;
        }
        List<ChannelWatcher> watchers = List.copyOf(channel.watchers);
        try {
            clock.execute(() -> watchers.forEach(notification));
        } catch (RejectedExecutionException e) {
            // The clock is closing: the simulation is over and nobody is left to tell.
            return;
        }
    }

    /** Starts running dialplan on {@code channel} at the given position. */
    void startDialplan(Channel channel, String context, String exten, int priority) {
        PbxExecution execution = PbxExecution.dialplan(this, channel, context, exten, priority);
        channel.role = Channel.Role.PBX;
        channel.execution = execution;
        execution.advance();
    }

    /** Runs one application on {@code channel} outside the dialplan; the channel hangs up when it returns. */
    void startApplication(Channel channel, String application, String data) {
        PbxExecution execution = PbxExecution.application(this, channel, application, data);
        channel.role = Channel.Role.APP;
        channel.execution = execution;
        execution.advance();
    }
}
