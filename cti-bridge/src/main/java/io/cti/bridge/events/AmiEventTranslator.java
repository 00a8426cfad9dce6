package io.cti.bridge.events;

import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.AgentLegRinging;
import io.cti.core.messages.AgentLegUnanswered;
import io.cti.core.messages.AgentPhoneState;
import io.cti.core.messages.AmdResult;
import io.cti.core.messages.AmdVerdict;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallConnected;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.CallTransferred;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.messages.OriginateResult;
import io.cti.core.messages.PhoneDeviceState;
import io.cti.core.messages.TransferKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.event.AbstractHoldEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeCreateEvent;
import org.asteriskjava.manager.event.BridgeDestroyEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialStateEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.LocalBridgeEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewConnectedLineEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.SuccessfulAuthEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns asterisk-java's (mutable) AMI events into immutable domain events, following each call across all its
 * channels by Linkedid so that one call keeps one {@link CallId}. Every domain fact is published once: the
 * translator records what it published per call, so duplicated events change nothing, and the facts do not depend
 * on the order events arrive in (Asterisk can send OriginateResponse before Newstate). A call's CallEnded waits
 * until the call has been quiet for {@code endSettle} after its last channel hung up, so that late events are still
 * counted; {@link #tick(Instant)} publishes it. A callback the platform placed ({@link #callbackPlaced}) is read
 * differently: the Originate's own dial is the agent's leg and the dial from the agent's channel the customer's
 * ({@link CallbackDialed}). Events without a rule are counted, per type, in
 * {@code cti.bridge.ami.events} with {@code outcome=unknown}. Thread-safe: every method holds the translator's
 * lock, and published events go to the sink while it is held, so the sink must not block.
 */
public final class AmiEventTranslator implements CallDirectory {

    private static final Logger log = LoggerFactory.getLogger(AmiEventTranslator.class);
    /** The dialplan's agent-connect context dials {@code PJSIP/<Agent>} (config/asterisk/extensions_cti.conf). */
    private static final String AGENT_TECHNOLOGY = "PJSIP/";

    /** Events that carry nothing the domain needs; counted as ignored rather than unknown. */
    private static final Set<Class<?>> NO_DOMAIN_MEANING = Set.of(NewExtenEvent.class, NewCallerIdEvent.class,
            NewConnectedLineEvent.class, LocalBridgeEvent.class, DialStateEvent.class, BridgeCreateEvent.class,
            BridgeDestroyEvent.class, BridgeEnterEvent.class, BridgeLeaveEvent.class, BridgeEvent.class,
            MusicOnHoldStartEvent.class, MusicOnHoldStopEvent.class, FullyBootedEvent.class,
            SuccessfulAuthEvent.class, CoreShowChannelEvent.class, CoreShowChannelsCompleteEvent.class);

    private final TranslatorSettings settings;
    private final Consumer<DomainEvent> sink;
    private final MeterRegistry registry;
    private final Pattern agentDevices;
    private final CallBook book;
    private final Set<String> originateRefs;
    /** Callbacks being placed, by call id, and their Originate's ActionID; bounded like the ended calls. */
    private final Map<String, PendingCallback> callbacks;
    private final Map<String, PendingCallback> callbacksByRef;
    private final Map<String, PhoneDeviceState> deviceStates = new HashMap<>();
    /** Per event class: its counter when handled, and when not (ignored or unknown); no string built per event. */
    private final Map<Class<?>, Counter> handledCounters = new ConcurrentHashMap<>();
    private final Map<Class<?>, Counter> unhandledCounters = new ConcurrentHashMap<>();
    /** Told the name of a channel left alone in the hold context (see {@link DeskHolds}); must not block. */
    private volatile Consumer<String> strandedChannels = channel -> { };

    public AmiEventTranslator(TranslatorSettings settings, Consumer<DomainEvent> sink, MeterRegistry registry) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.agentDevices = Pattern.compile(settings.agentDevicePattern());
        this.book = new CallBook(settings.rememberedEndedCalls(), settings.endedCallMemory());
        int remembered = settings.rememberedEndedCalls();
        this.originateRefs = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        });
        this.callbacks = bounded(remembered);
        this.callbacksByRef = bounded(remembered);
    }

    /** A callback the platform is placing: its call, the agent's phone, and the Originate's ActionID. */
    private record PendingCallback(CallId callId, String agentEndpoint, String actionRef) {
    }

    private static <V> Map<String, V> bounded(int limit) {
        return new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > limit;
            }
        };
    }

    /** The custom UserEvent classes this translator reads; they must be registered with the AMI connection. */
    public static List<Class<? extends ManagerEvent>> userEventClasses() {
        return List.of(AcdEnterEvent.class, AcdRonaEvent.class, AcdCallbackEvent.class);
    }

    /** Reads one AMI event received at {@code receivedAt}; publishes what it newly tells. */
    public synchronized void onEvent(ManagerEvent event, Instant receivedAt) {
        boolean handled = true;
        if (event instanceof NewChannelEvent e) {
            book.channel(e.getLinkedid(), e.getUniqueId(), e.getChannel(), receivedAt);
        } else if (event instanceof NewStateEvent e) {
            book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), receivedAt);
        } else if (event instanceof AcdEnterEvent e) {
            arrived(e, receivedAt);
        } else if (event instanceof AcdRonaEvent e) {
            notAnswered(e, receivedAt);
        } else if (event instanceof AcdCallbackEvent e) {
            callbackRequested(e, receivedAt);
        } else if (event instanceof DialBeginEvent e) {
            dialled(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getDestLinkedId(), e.getDestUniqueId(),
                    e.getDestChannel(), null, receivedAt);
        } else if (event instanceof DialEndEvent e) {
            dialled(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getDestLinkedId(), e.getDestUniqueId(),
                    e.getDestChannel(), orEmpty(e.getDialStatus()).toUpperCase(Locale.ROOT), receivedAt);
        } else if (event instanceof HangupEvent e) {
            ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), receivedAt);
            if (channel != null) {
                channel.hangup(e.getCause(), e.getCauseTxt());
                strandedBy(channel);
            }
        } else if (event instanceof MusicOnHoldStartEvent e) {
            handled = deskHold(e, e.getLinkedId(), e.getUniqueId(), e.getChannel(), true, receivedAt);
        } else if (event instanceof BridgeEnterEvent e) {
            handled = deskHold(e, e.getLinkedId(), e.getUniqueId(), e.getChannel(), false, receivedAt);
        } else if (event instanceof HangupRequestEvent e) {
            hangupRequested(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getCause(), false, receivedAt);
        } else if (event instanceof SoftHangupRequestEvent e) {
            hangupRequested(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getCause(), true, receivedAt);
        } else if (event instanceof AbstractHoldEvent e) {
            held(e, receivedAt);
        } else if (event instanceof BlindTransferEvent e) {
            transferred(e.getTransfereeLinkedId(), e.getTransfereeUniqueId(), e.getTransfereeChannel(),
                    TransferKind.BLIND, destination(e.getExtension(), e.getContext()), receivedAt);
        } else if (event instanceof AttendedTransferEvent e) {
            String target = first(e.getTransferTargetChannel(), e.getSecondTransfererChannel());
            transferred(e.getTransfereeLinkedId(), e.getTransfereeUniqueid(), e.getTransfereeChannel(),
                    TransferKind.ATTENDED, target == null ? "" : target, receivedAt);
        } else if (event instanceof OriginateResponseEvent e) {
            originated(e, receivedAt);
        } else if (event instanceof VarSetEvent e) {
            variableSet(e, receivedAt);
        } else if (event instanceof DeviceStateChangeEvent e) {
            deviceState(e.getDevice(), e.getState(), receivedAt);
        } else {
            handled = false;
        }
        count(event, handled);
    }

    /** Publishes the CallEnded of every call that has been quiet long enough since its last channel hung up. */
    public synchronized void tick(Instant now) {
        // Runs under the lock the dispatch thread needs for every event: no copy of the calls, no allocation per
        // call, and the ended calls are collected first because ending one changes the book.
        book.forgetEndedBefore(now.minus(settings.endedCallMemory()));
        Instant settledBefore = now.minus(settings.endSettle());
        List<CallState> settled = null;
        for (CallState call : book.live()) {
            if (!call.pendingRonas.isEmpty()) {
                RonaNotices.settle(call, settledBefore, sink);
            }
            if (call.allHungUp() && !call.lastActivity.isAfter(settledBefore)) {
                if (settled == null) {
                    settled = new ArrayList<>();
                }
                settled.add(call);
            }
        }
        if (settled == null) {
            return;
        }
        for (CallState call : settled) {
            if (call.relevant) {
                sink.accept(CallEndings.ended(call, now));
            }
            book.end(call, now);
        }
    }

    /**
     * Starts a resynchronisation: returns its mark, to be passed to {@link #reconcile}. Calls that receive events
     * after the mark are alive and speak for themselves, so the snapshot cannot end them.
     */
    public synchronized long beginResync() {
        return book.beginEpoch();
    }

    /** How many ended calls are remembered now, so their late events are ignored. */
    synchronized int endedCallsRemembered() {
        return book.rememberedEnded();
    }

    /** Whether the call {@code linkedId} is being followed or has ended (so a resync must not adopt it). */
    synchronized boolean isKnown(String linkedId) {
        return book.isKnown(linkedId);
    }

    /**
     * Reconciles the calls with the live channels the PBX listed after a (re)connect: calls that vanished while the
     * link was down end as "lost during PBX disconnect", channels whose Hangup was missed are marked hung up,
     * unknown live calls are adopted (announced as arrived when waiting in a holding context). Nothing is
     * published twice: calls already followed or already ended are not announced again.
     */
    synchronized void reconcile(long mark, List<LiveChannel> live, Instant now) {
        Map<String, List<LiveChannel>> byCall = live.stream().filter(channel -> ChannelNames.value(channel.uniqueId()) != null)
                .collect(Collectors.groupingBy(channel -> Optional.ofNullable(ChannelNames.value(channel.linkedId()))
                        .orElse(channel.uniqueId()), LinkedHashMap::new, Collectors.toList()));
        int lost = 0;
        for (CallState call : book.all()) {
            if (call.epoch >= mark) {
                continue;
            }
            List<LiveChannel> channels = byCall.get(call.linkedId);
            if (channels == null && call.allHungUp()) {
                // It hung up for all to see and only waits out its settle time; tick() ends it as it ended.
                continue;
            }
            if (channels == null) {
                if (call.relevant) {
                    sink.accept(CallEndings.lost(call, now));
                }
                book.end(call, now);
                lost++;
                continue;
            }
            Set<String> alive = channels.stream().map(LiveChannel::uniqueId).collect(Collectors.toSet());
            call.channels.values().stream().filter(channel -> !channel.hungUp && !alive.contains(channel.uniqueId))
                    .forEach(channel -> channel.hangup(0, null));
        }
        int adopted = 0;
        for (Map.Entry<String, List<LiveChannel>> entry : byCall.entrySet()) {
            String linkedId = entry.getKey();
            if (book.hasEnded(linkedId)) {
                continue;
            }
            boolean known = book.find(linkedId) != null;
            for (LiveChannel channel : entry.getValue()) {
                book.channel(linkedId, channel.uniqueId(), channel.channel(), now);
            }
            CallState call = book.find(linkedId);
            if (!known && call != null) {
                call.relevant = true;
                adopted++;
                entry.getValue().stream().filter(channel -> settings.holdingContexts().contains(channel.context()))
                        .findFirst().ifPresent(waiting -> announceArrival(call, waiting.uniqueId(), waiting.channel(),
                                waiting.callerIdNum(), waiting.exten(), queueOf(waiting.queue()),
                                ivrChoices(waiting.ivr()), now));
            }
        }
        registry.counter("cti.bridge.resync.lost").increment(lost);
        registry.counter("cti.bridge.resync.adopted").increment(adopted);
        log.info("resync: {} live channels, {} calls lost during the disconnect, {} adopted, {} followed",
                live.size(), lost, adopted, book.size());
    }

    @Override
    public synchronized Optional<String> customerChannel(CallId callId) {
        CallState call = book.find(callId.value());
        if (call == null) {
            return Optional.empty();
        }
        for (String uniqueId : new String[]{call.arrivedUniqueId, call.originatedUniqueId, call.linkedId}) {
            ChannelState channel = call.liveChannel(uniqueId);
            if (channel != null) {
                return Optional.of(channel.name);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<String> agentChannel(CallId callId) {
        CallState call = book.find(callId.value());
        if (call == null) {
            return Optional.empty();
        }
        ChannelState connected = call.liveChannel(call.connectedUniqueId);
        if (connected != null) {
            return Optional.of(connected.name);
        }
        return call.channels.values().stream()
                .filter(channel -> !channel.hungUp && channel.name != null && call.isAgentSide(channel))
                .map(channel -> channel.name).findFirst();
    }

    @Override
    public synchronized void hangupRequestedByPlatform(CallId callId) {
        CallState call = book.find(callId.value());
        if (call != null) {
            call.hangupByPlatform = true;
        }
    }

    @Override
    public synchronized void callbackPlaced(CallId callId, String agentEndpoint, String actionRef) {
        PendingCallback pending = new PendingCallback(callId, agentEndpoint, actionRef);
        callbacks.put(callId.value(), pending);
        callbacksByRef.put(actionRef, pending);
    }

    @Override
    public synchronized void holdPlaced(CallId callId, String callerChannel, String agentChannel) {
        CallState call = book.find(callId.value());
        if (call != null) {
            DeskHolds.placed(call, callerChannel, agentChannel);
        }
    }

    /** Where to name a channel left alone in the hold context when the other party hung up (it is hung up). */
    public void onStrandedChannel(Consumer<String> handler) {
        this.strandedChannels = Objects.requireNonNull(handler, "handler");
    }

    // ---- rules ----------------------------------------------------------------------------------------

    /** Music starting, or a channel entering a bridge, in the desktop hold context: hold and resume. */
    private boolean deskHold(ManagerEvent e, String linkedId, String uniqueId, String name, boolean music,
                             Instant at) {
        if (!DeskHolds.CONTEXT.equals(e.getContext())) {
            return false;
        }
        ChannelState channel = book.channel(linkedId, uniqueId, name, at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call == null) {
            return false;
        }
        return music ? DeskHolds.musicStarted(call, channel, e.getContext(), at, sink)
                : DeskHolds.bridged(call, channel, e.getContext(), at, sink);
    }

    private void strandedBy(ChannelState channel) {
        CallState call = book.callOf(channel);
        String stranded = call == null ? null : DeskHolds.strandedBy(call, channel);
        if (stranded != null) {
            strandedChannels.accept(stranded);
        }
    }

    private void arrived(AcdEnterEvent e, Instant at) {
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call != null) {
            announceArrival(call, channel.uniqueId, channel.name, e.getCallerIdNum(),
                    first(e.getDnis(), e.getExten()), queueOf(e.getSkill()), ivrChoices(e.getIvr()), at);
        }
    }

    private void announceArrival(CallState call, String uniqueId, String channel, String ani, String dnis,
                                 QueueName queue, List<String> ivrChoices, Instant at) {
        if (call.arrived || channel == null) {
            return;
        }
        call.arrived = true;
        call.relevant = true;
        call.arrivedUniqueId = uniqueId;
        sink.accept(new CallArrived(MessageId.random(), at, call.callId, channel, uniqueId, orEmpty(ani),
                orEmpty(dnis), queue, ivrChoices));
    }

    /**
     * A caller asked to be called back (virtual hold) and is about to be hung up: the request, once per call, with
     * the moment the bridge first saw the call as the time the caller entered (their place in the queue).
     */
    private void callbackRequested(AcdCallbackEvent e, Instant at) {
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call == null || call.callbackRequested) {
            return;
        }
        call.callbackRequested = true;
        sink.accept(new CallbackRequested(MessageId.random(), at, call.callId, queueOf(e.getSkill()),
                orEmpty(first(ChannelNames.value(e.getNumber()), e.getCallerIdNum())),
                orEmpty(first(e.getDnis(), e.getExten())), ivrChoices(e.getIvr()), call.startedAt));
    }

    /**
     * A dial from a call's channel to another: the agent's leg ringing, and once the dial ended ({@code dialStatus}
     * of DialEnd; null for DialBegin) either connected (ANSWER) or unanswered (NOANSWER, BUSY, CHANUNAVAIL,
     * CONGESTION, CANCEL...: RONA). Each fact once per leg, whichever of DialBegin and DialEnd comes first. In a
     * callback the Originate's own dial is the agent's leg and the dial from the agent's channel the customer's.
     */
    private void dialled(String linkedId, String uniqueId, String channelName, String destLinkedId,
                         String destUniqueId, String destName, String dialStatus, Instant at) {
        String destination = ChannelNames.value(destName);
        String callerName = ChannelNames.value(channelName);
        if (destination == null) {
            return;
        }
        ChannelState dest = book.channel(first(destLinkedId, linkedId), destUniqueId, destination, at);
        if (dest == null) {
            return;
        }
        if (callerName == null) {
            // An originate dials without a calling channel: that dial is the call itself, not an agent's leg,
            // except in a callback, which rings the agent first.
            CallState originated = book.callOf(dest);
            if (originated != null && isCallback(originated)) {
                agentLeg(originated, dest, destination, dialStatus, at);
            }
            return;
        }
        ChannelState caller = book.channel(linkedId, uniqueId, callerName, at);
        CallState call = caller == null ? null : book.callOf(caller);
        if (call == null) {
            return;
        }
        if (isCallback(call)) {
            customerLeg(call, dest, destination, dialStatus, at);
        } else {
            agentLeg(call, dest, destination, dialStatus, at);
        }
    }

    private void agentLeg(CallState call, ChannelState dest, String destination, String dialStatus, Instant at) {
        call.agentPairs.add(ChannelNames.pairName(destination));
        String endpoint = ChannelNames.endpoint(destination);
        if (call.ringingLegs.add(dest.uniqueId)) {
            RonaNotices.legDialled(call, dest.uniqueId, endpoint);
            sink.accept(new AgentLegRinging(MessageId.random(), at, call.callId, endpoint, destination));
        }
        if (dialStatus == null || dialStatus.isEmpty()) {
            return;
        }
        if ("ANSWER".equals(dialStatus)) {
            if (call.connectedLegs.add(dest.uniqueId)) {
                call.connectedUniqueId = dest.uniqueId;
                sink.accept(new CallConnected(MessageId.random(), at, call.callId, endpoint, destination));
            }
        } else if (call.unansweredLegs.add(dest.uniqueId)) {
            sink.accept(new AgentLegUnanswered(MessageId.random(), at, call.callId, endpoint, destination, dialStatus));
        }
    }

    /** The dialplan's word that the agent's phone did not answer; the only one when it could not be reached. */
    private void notAnswered(AcdRonaEvent e, Instant at) {
        String agent = ChannelNames.value(e.getAgent());
        CallState call = book.find(first(ChannelNames.value(e.getLinkedId()), ChannelNames.value(e.getCallId())));
        if (agent == null || call == null) {
            return;
        }
        String status = ChannelNames.value(e.getDialStatus());
        RonaNotices.notice(call, AGENT_TECHNOLOGY + agent, status == null ? "CHANUNAVAIL" : status, at, sink);
    }

    /** A callback's dial of the customer ended: told once; answered, that channel is the customer's from now on. */
    private void customerLeg(CallState call, ChannelState dest, String destination, String dialStatus, Instant at) {
        if (dialStatus == null || dialStatus.isEmpty() || call.customerLegReported) {
            return;
        }
        call.customerLegReported = true;
        if ("ANSWER".equals(dialStatus)) {
            call.arrivedUniqueId = dest.uniqueId;
        }
        sink.accept(new CallbackDialed(MessageId.random(), at, call.callId, destination, dialOutcome(dialStatus),
                dialStatus));
    }

    /** Whether the platform placed this call as a callback; marks it so on first sight (and worth a CallEnded). */
    private boolean isCallback(CallState call) {
        if (!call.callback && callbacks.containsKey(call.linkedId)) {
            call.callback = true;
            call.relevant = true;
        }
        return call.callback;
    }

    private void hangupRequested(String linkedId, String uniqueId, String name, Integer cause, boolean soft,
                                 Instant at) {
        ChannelState channel = book.channel(linkedId, uniqueId, name, at);
        if (channel != null) {
            channel.hangupRequested(cause, soft);
        }
    }

    private void held(AbstractHoldEvent e, Instant at) {
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call == null) {
            return;
        }
        boolean hold = e instanceof HoldEvent;
        // Hold state, not event count: a repeated Hold while held is a duplicate.
        if (hold != channel.held) {
            channel.held = hold;
            sink.accept(hold ? new CallHeld(MessageId.random(), at, call.callId, channel.name)
                    : new CallResumed(MessageId.random(), at, call.callId, channel.name));
        }
    }

    private void transferred(String linkedId, String uniqueId, String name, TransferKind kind, String target,
                             Instant at) {
        ChannelState channel = book.channel(linkedId, uniqueId, name, at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call != null && call.transfers.add(kind + ":" + channel.uniqueId + ":" + target)) {
            sink.accept(new CallTransferred(MessageId.random(), at, call.callId, kind, target));
        }
    }

    private void originated(OriginateResponseEvent e, Instant at) {
        String uniqueId = ChannelNames.value(e.getUniqueId());
        String ref = first(ChannelNames.value(e.getActionId()), "channel:" + e.getChannel() + ":" + uniqueId);
        if (!originateRefs.add(ref)) {
            return;
        }
        int reason = e.getReason() == null ? 0 : e.getReason();
        OriginateOutcome outcome = outcome(reason, "Success".equalsIgnoreCase(e.getResponse()));
        CallId callId = null;
        if (outcome == OriginateOutcome.ANSWERED && uniqueId != null) {
            // An originated channel starts its own call: its Uniqueid is the Linkedid, unless we learnt otherwise.
            String linkedId = first(book.linkedIdOf(uniqueId), uniqueId);
            callId = CallId.of(linkedId);
            ChannelState channel = book.channel(linkedId, uniqueId, ChannelNames.value(e.getChannel()), at);
            CallState call = channel == null ? null : book.callOf(channel);
            if (call != null) {
                call.relevant = true;
                call.originatedUniqueId = uniqueId;
            }
        }
        sink.accept(new OriginateResult(MessageId.random(), at, ref, callId, outcome, reason, describe(reason)));
        PendingCallback callback = callbacksByRef.remove(ref);
        if (callback != null && outcome != OriginateOutcome.ANSWERED) {
            callbackAgentMissed(callback, outcome, at);
        }
    }

    /**
     * A callback's Originate failed: the agent's phone was not answered, was busy or could not be reached. The
     * agent leg's DialEnd may have said so already; if not (no channel was ever made, or the PBX ended the dial on
     * its timeout without one), this is the agent's unanswered leg.
     */
    private void callbackAgentMissed(PendingCallback callback, OriginateOutcome outcome, Instant at) {
        CallState call = book.find(callback.callId().value());
        String channel = "";
        if (call != null) {
            isCallback(call);
            if (!call.unansweredLegs.isEmpty() || !call.connectedLegs.isEmpty()) {
                return;
            }
            channel = call.channels.values().stream().filter(c -> c.name != null && call.isAgentSide(c))
                    .map(c -> c.name).findFirst().orElse("");
            call.unansweredLegs.add("originate");
        }
        // With the call already ended and forgotten, whether its DialEnd told of this leg is unknown: the router
        // takes a second telling of one unanswered leg as the same RONA.
        String status = switch (outcome) {
            case BUSY -> "BUSY";
            case NO_ANSWER -> "NOANSWER";
            case CONGESTION -> "CONGESTION";
            default -> "CHANUNAVAIL";
        };
        sink.accept(new AgentLegUnanswered(MessageId.random(), at, callback.callId(), callback.agentEndpoint(), channel,
                status));
    }

    private void variableSet(VarSetEvent e, Instant at) {
        String variable = e.getVariable();
        if (!"AMDSTATUS".equalsIgnoreCase(variable) && !"AMDCAUSE".equalsIgnoreCase(variable)) {
            return;
        }
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call == null || call.amdReported) {
            return;
        }
        if ("AMDSTATUS".equalsIgnoreCase(variable)) {
            call.amdStatus = orEmpty(e.getValue());
        } else {
            call.amdCause = orEmpty(e.getValue());
        }
        // AMD() sets both; whichever arrives second completes the result.
        if (call.amdStatus != null && call.amdCause != null) {
            call.amdReported = true;
            call.relevant = true;
            sink.accept(new AmdResult(MessageId.random(), at, call.callId, verdict(call.amdStatus), call.amdCause));
        }
    }

    private void deviceState(String device, String state, Instant at) {
        if (device == null || !agentDevices.matcher(device).matches()) {
            return;
        }
        PhoneDeviceState parsed = deviceStateOf(state);
        if (deviceStates.put(device, parsed) != parsed) {
            sink.accept(new AgentPhoneState(MessageId.random(), at, device, parsed));
        }
    }

    // ---- readings -------------------------------------------------------------------------------------

    private QueueName queueOf(String queue) {
        String name = ChannelNames.value(queue);
        if (name == null) {
            return settings.defaultQueue();
        }
        try {
            return QueueName.of(name);
        } catch (IllegalArgumentException e) {
            registry.counter("cti.bridge.events.unusable.queue").increment();
            return settings.defaultQueue();
        }
    }

    /** A callback's customer leg, by Asterisk's DIALSTATUS. */
    private static OriginateOutcome dialOutcome(String dialStatus) {
        return switch (dialStatus) {
            case "ANSWER" -> OriginateOutcome.ANSWERED;
            case "BUSY" -> OriginateOutcome.BUSY;
            case "NOANSWER" -> OriginateOutcome.NO_ANSWER;
            case "CONGESTION" -> OriginateOutcome.CONGESTION;
            default -> OriginateOutcome.FAILED;
        };
    }

    /** The IVR choices of an {@code Ivr} header or the {@code CTI_IVR} variable: '|'-separated, blanks dropped. */
    static List<String> ivrChoices(String header) {
        String value = ChannelNames.value(header);
        if (value == null) {
            return List.of();
        }
        List<String> choices = new ArrayList<>();
        for (String choice : value.split("\\|")) {
            String trimmed = choice.strip();
            if (!trimmed.isEmpty()) {
                choices.add(trimmed);
            }
        }
        return List.copyOf(choices);
    }

    private static OriginateOutcome outcome(int reason, boolean success) {
        // Asterisk's reasons are its control frame numbers: 4 answer, 5 busy, 3 ringing (no answer), 8 congestion.
        return switch (reason) {
            case 4 -> OriginateOutcome.ANSWERED;
            case 5 -> OriginateOutcome.BUSY;
            case 3 -> OriginateOutcome.NO_ANSWER;
            case 8 -> OriginateOutcome.CONGESTION;
            default -> success ? OriginateOutcome.ANSWERED : OriginateOutcome.FAILED;
        };
    }

    private static String describe(int reason) {
        return switch (reason) {
            case 0 -> "no such extension or number, or the channel could not be created";
            case 1 -> "hung up before answer";
            case 3 -> "no answer";
            case 4 -> "answered";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "reason " + reason;
        };
    }

    private static AmdVerdict verdict(String status) {
        if ("HUMAN".equalsIgnoreCase(status)) {
            return AmdVerdict.HUMAN;
        }
        return "MACHINE".equalsIgnoreCase(status) ? AmdVerdict.MACHINE : AmdVerdict.NOTSURE;
    }

    private static PhoneDeviceState deviceStateOf(String state) {
        try {
            return state == null ? PhoneDeviceState.UNKNOWN : PhoneDeviceState.valueOf(state.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return PhoneDeviceState.UNKNOWN;
        }
    }

    private void count(ManagerEvent event, boolean handled) {
        Class<?> type = event.getClass();
        Map<Class<?>, Counter> counters = handled ? handledCounters : unhandledCounters;
        Counter counter = counters.get(type);
        if (counter == null) {
            String outcome = handled ? "handled" : NO_DOMAIN_MEANING.contains(type) ? "ignored" : "unknown";
            counter = counters.computeIfAbsent(type, key -> registry.counter("cti.bridge.ami.events",
                    "outcome", outcome, "type", key.getSimpleName()));
        }
        counter.increment();
    }

    private static String destination(String extension, String context) {
        String exten = orEmpty(ChannelNames.value(extension));
        String ctx = ChannelNames.value(context);
        return ctx == null ? exten : exten + "@" + ctx;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String orEmpty(String text) {
        String value = ChannelNames.value(text);
        return value == null ? "" : value;
    }
}
