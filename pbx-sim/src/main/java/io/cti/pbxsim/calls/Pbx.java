package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;
import io.cti.pbxsim.clock.SimClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The simulated PBX, driven from Java (traffic models, tests) and from the AMI server alike: originate,
 * redirect, hang up, variables, inbound calls, endpoints, and the channel lists. Thread-safe: every operation
 * runs as a task on the clock thread and answers with a future, which completes on that thread, so callbacks
 * registered on it must not block. Called on the clock thread an operation runs at once, except from a listener
 * being told of an event: then it runs right after the change that raised the event.
 */
public final class Pbx implements AutoCloseable {

    private final CallCore core;
    private final Instant startedAt;

    private Pbx(CallCore core) {
        this.core = core;
        this.startedAt = core.clock.now();
    }

    public static Pbx start(PbxConfig config) {
        return new Pbx(new CallCore(config.clock(), config.dialplan(), config.timing()));
    }

    public SimClock clock() {
        return core.clock;
    }

    /** When this PBX started (CoreStatus' startup time, FullyBooted's uptime). */
    public Instant startedAt() {
        return startedAt;
    }

    public void subscribe(PbxListener listener) {
        core.events.subscribe(listener);
    }

    public void unsubscribe(PbxListener listener) {
        core.events.unsubscribe(listener);
    }

    /** Raises an event from outside the call model (UserEvent action, OriginateResponse, security events). */
    public void publish(ManagerEvent event) {
        run(c -> {
            c.events.publish(event);
            return null;
        });
    }

    /** Completes once every operation asked for before it has run (an ordering point, nothing more). */
    public CompletableFuture<Void> barrier() {
        return run(c -> null);
    }

    /** Starts an originate; the future completes when the dialed channel answered or failed. */
    public CompletableFuture<OriginateOutcome> originate(OriginateRequest request) {
        return run(c -> Originator.originate(c, request)).thenCompose(Function.identity());
    }

    /** Sends a channel to another dialplan position (AMI Redirect). Fails with no-such-channel. */
    public CompletableFuture<Void> redirect(String channel, String context, String exten, int priority) {
        return run(c -> {
            moveTo(c, existing(c, channel), context, exten, priority);
            return null;
        });
    }

    /**
     * AMI Redirect with ExtraChannel: both channels move at once (Asterisk's dual redirect), so that taking them out
     * of the bridge they share hangs neither up; {@code extraContext}, {@code extraExten} and a non-positive
     * {@code extraPriority} default to the first channel's destination. Fails with no-such-channel.
     */
    public CompletableFuture<Void> redirect(String channel, String context, String exten, int priority,
                                            String extraChannel, String extraContext, String extraExten,
                                            int extraPriority) {
        return run(c -> {
            Channel first = existing(c, channel);
            Channel extra = existing(c, extraChannel);
            if (first.bridge != null && first.bridge == extra.bridge) {
                c.bridges.dissolve(first.bridge);
            }
            moveTo(c, first, context, exten, priority);
            moveTo(c, extra, extraContext == null || extraContext.isEmpty() ? context : extraContext,
                    extraExten == null || extraExten.isEmpty() ? exten : extraExten,
                    extraPriority > 0 ? extraPriority : priority);
            return null;
        });
    }

    /**
     * AMI Bridge: puts two channels already in the PBX into a new basic bridge. Each stops what it runs; a channel
     * running dialplan goes on at its next priority once the bridge ends (a party hangs up or is moved away), as
     * Asterisk's after-bridge "go on" does; any other channel hangs up with the bridge. Fails with no-such-channel
     * (naming {@code Channel1} or {@code Channel2}), or bad-argument for a channel bridged with itself.
     */
    public CompletableFuture<Void> bridge(String channel1, String channel2) {
        return run(c -> {
            Channel a = c.registry.find(channel1);
            if (a == null) {
                throw PbxSimException.noSuchChannel("Channel1 " + channel1);
            }
            Channel b = c.registry.find(channel2);
            if (b == null) {
                throw PbxSimException.noSuchChannel("Channel2 " + channel2);
            }
            if (a == b) {
                throw PbxSimException.badArgument("Channel2", "cannot bridge " + channel1 + " with itself");
            }
            for (Channel member : List.of(a, b)) {
                if (member.bridge != null) {
                    c.bridges.breakUp(member).finish();
                }
            }
            Runnable afterA = takeOver(c, a);
            Runnable afterB = takeOver(c, b);
            Bridge bridge = c.bridges.create();
            c.bridges.enter(bridge, a, afterA);
            c.bridges.enter(bridge, b, afterB);
            c.bridges.announcePeers(bridge);
            return null;
        });
    }

    /** What the channel does once the bridge it is taken into ends: null to hang up with it. */
    private static Runnable takeOver(CallCore c, Channel channel) {
        if (!(channel.execution instanceof PbxExecution execution) || !execution.isDialplan()) {
            if (channel.execution != null) {
                channel.execution.interrupt();
            }
            return null;
        }
        AppRun run = execution.takeOver();
        // Moved away (Redirect) or hung up while bridged: the bridge ends, and the other party goes on.
        run.onInterrupt(() -> {
            if (channel.bridge != null) {
                c.bridges.breakUp(channel).finish();
            }
        });
        return run::resume;
    }

    private static void moveTo(CallCore c, Channel target, String context, String exten, int priority) {
        // As Asterisk's async goto: what is not given stays where the channel is.
        String toContext = context == null || context.isEmpty() ? target.context : context;
        String toExten = exten == null || exten.isEmpty() ? target.exten : exten;
        if (target.execution instanceof PbxExecution execution && execution.isDialplan()) {
            execution.redirect(toContext, toExten, priority);
        } else {
            if (target.execution != null) {
                target.execution.interrupt();
            }
            if (target.bridge != null) {
                c.bridges.breakUp(target).finish();
            }
            target.dialTracker = null;
            c.startDialplan(target, toContext, toExten, priority);
        }
    }

    /**
     * Transfers the party bridged to {@code transferer} to {@code exten@context} (AMI BlindTransfer): raises
     * BlindTransfer and sends the transferee there; the transferer's leg ends with the bridge. Fails with
     * no-such-channel, or bad-argument when the channel is not bridged to anyone.
     */
    public CompletableFuture<Void> blindTransfer(String transferer, String context, String exten) {
        return run(c -> {
            Channel from = existing(c, transferer);
            Bridge bridge = from.bridge;
            Channel to = bridge == null ? null
                    : bridge.members.stream().filter(member -> member != from).findFirst().orElse(null);
            if (to == null) {
                throw PbxSimException.badArgument("Channel", transferer + " is not bridged to anyone");
            }
            c.events.blindTransfer(from, bridge, to, context, exten);
            moveTo(c, to, context, exten, 1);
            return null;
        });
    }

    /**
     * The phone on {@code channel} puts its call on hold ({@code hold}) or takes it off (re-INVITE); raises
     * Hold or Unhold on that channel.
     */
    public CompletableFuture<Void> hold(String channel, boolean hold) {
        return run(c -> {
            c.events.hold(existing(c, channel), hold);
            return null;
        });
    }

    /** Hangs a channel up as the AMI Hangup action does (a soft hang-up with {@code cause}). */
    public CompletableFuture<Void> hangup(String channel, int cause) {
        return run(c -> {
            c.hangups.requestHangup(existing(c, channel), cause);
            return null;
        });
    }

    /** Hangs up every channel whose name matches; answers the names, in listing order. */
    public CompletableFuture<List<String>> hangupMatching(Predicate<String> names, int cause) {
        return run(c -> {
            List<Channel> matched = c.registry.listed().stream().filter(ch -> names.test(ch.name)).toList();
            matched.forEach(ch -> ch.softHangupPending = true);
            for (Channel channel : matched) {
                if (channel.alive()) {
                    channel.softHangupPending = false;
                    c.hangups.requestHangup(channel, cause);
                }
            }
            return matched.stream().map(ch -> ch.name).toList();
        });
    }

    /** The far end of a channel (caller, callee, phone) hangs up. */
    public CompletableFuture<Void> hangupFromFarEnd(String channel, int cause) {
        return run(c -> {
            c.hangups.farEndHangup(existing(c, channel), cause);
            return null;
        });
    }

    /** Sets a channel variable (raising VarSet), or a global one when {@code channel} is null. */
    public CompletableFuture<Void> setVariable(String channel, String name, String value) {
        return run(c -> {
            if (channel == null || channel.isEmpty()) {
                c.globals.put(name, value);
            } else {
                c.setVariable(existing(c, channel), name, value);
            }
            return null;
        });
    }

    /** Reads a variable or function such as {@code CALLERID(num)}; global when {@code channel} is null. */
    public CompletableFuture<String> getVariable(String channel, String name) {
        return run(c -> Substitution.resolve(c,
                channel == null || channel.isEmpty() ? null : existing(c, channel), name));
    }

    /** A call arrives from outside and enters the dialplan; answers its channel. */
    public CompletableFuture<ChannelSnapshot> inboundCall(InboundCall call) {
        return run(c -> c.endpoints.inbound(call).snapshot());
    }

    /**
     * Follows a channel (see {@link ChannelWatcher}); answers false when there is no such channel. From the clock
     * thread (an endpoint behaviour, a watcher) the watcher is in place when this returns.
     */
    public CompletableFuture<Boolean> watch(String channel, ChannelWatcher watcher) {
        return run(c -> {
            Channel target = c.registry.find(channel);
            if (target == null) {
                return false;
            }
            target.watchers.add(watcher);
            return true;
        });
    }

    /**
     * The far end of a channel keys {@code digits}: each raises DTMFBegin/DTMFEnd and goes to the application
     * reading digits (Read); with none reading, they are lost, as music on hold or Wait drop them.
     */
    public CompletableFuture<Void> sendDtmf(String channel, String digits) {
        return run(c -> {
            Channel target = existing(c, channel);
            for (char digit : digits.toCharArray()) {
                if (target.dtmfReader != null) {
                    target.dtmfReader.accept(digit);
                } else if (target.alive()) {
                    c.events.dtmf(target, digit, null);
                    c.events.dtmf(target, digit, 100);
                }
            }
            return null;
        });
    }

    /**
     * Makes {@code device} (such as {@code PJSIP/2001}) reachable by Dial and Originate (in order with every other
     * operation asked for from the same thread); its device state becomes NOT_INUSE.
     */
    public CompletableFuture<Void> registerEndpoint(String device, EndpointBehaviour behaviour) {
        return run(c -> {
            c.endpoints.register(device, behaviour);
            return null;
        });
    }

    /** The endpoint goes offline: calls to it fail as unavailable and its device state is UNAVAILABLE. */
    public CompletableFuture<Void> unregisterEndpoint(String device) {
        return run(c -> {
            c.endpoints.unregister(device);
            return null;
        });
    }

    /** The live channels, in the order CoreShowChannels lists them. */
    public CompletableFuture<List<ChannelSnapshot>> channels() {
        return run(c -> c.registry.listed().stream().map(Channel::snapshot).toList());
    }

    public CompletableFuture<Optional<ChannelSnapshot>> channel(String name) {
        return run(c -> Optional.ofNullable(c.registry.find(name)).map(Channel::snapshot));
    }

    public CompletableFuture<List<BridgeSnapshot>> bridges() {
        return run(c -> {
            List<BridgeSnapshot> result = new ArrayList<>();
            for (Bridge bridge : c.bridges.all()) {
                result.add(new BridgeSnapshot(bridge.id, bridge.members.stream().map(ch -> ch.name).toList()));
            }
            return result;
        });
    }

    /** Live channels and channels ever created (CoreStatus' current and processed calls). */
    public CompletableFuture<CallCounts> counts() {
        return run(c -> new CallCounts(c.registry.size(), c.registry.createdCount()));
    }

    /** Stops the clock; live calls are dropped without events. */
    @Override
    public void close() {
        core.clock.close();
    }

    private static Channel existing(CallCore core, String name) {
        Channel channel = core.registry.find(name);
        if (channel == null) {
            throw PbxSimException.noSuchChannel(name);
        }
        return channel;
    }

    private <T> CompletableFuture<T> run(Function<CallCore, T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(operation.apply(core));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        // A listener acting on an event it is being told of would change the model in the middle of the change
        // that raised the event: such operations wait until that change is over.
        if (core.clock.isClockThread() && !core.events.publishing()) {
            task.run();
        } else {
            core.clock.execute(task);
        }
        return result;
    }
}
