package io.cti.bridge.events;

import io.cti.core.ids.CallId;
import io.cti.core.messages.CallbackDialed;
import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.event.AbstractHoldEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Turns asterisk-java's (mutable) AMI events into immutable domain events, following each call across all its
 * channels by Linkedid so that one call keeps one {@link CallId}. Every domain fact is published once: the
 * translator records what it published per call, so duplicated events change nothing, and the facts do not depend
 * on the order events arrive in (Asterisk can send OriginateResponse before Newstate). A call's CallEnded waits
 * until the call has been quiet for {@code endSettle} after its last channel hung up, so that late events are still
 * counted; {@link #tick(Instant)} publishes it. A callback the platform placed ({@link #callbackPlaced}) is read
 * differently: the Originate's own dial is the agent's leg and the dial from the agent's channel the customer's
 * ({@link CallbackDialed}). Events without a rule are counted, per type, in
 * {@code cti.bridge.ami.events} with {@code outcome=unknown}.
 * <p>
 * This class dispatches each event to the collaborator for its feature ({@link CallArrivals}, {@link AgentLegs},
 * {@link HoldsAndTransfers}, {@link CallHangups}, {@link Originations}, {@link AgentPhoneStates},
 * {@link Reconciliation}), all sharing one {@link CallBook}. Thread-safe: every method holds the translator's lock,
 * which guards the collaborators too, and published events go to the sink while it is held, so the sink must not
 * block.
 */
public final class AmiEventTranslator implements CallDirectory {

    private final CallBook book;
    private final PlacedCallbacks callbacks;
    private final CallArrivals arrivals;
    private final AgentLegs agentLegs;
    private final HoldsAndTransfers holdsAndTransfers;
    private final CallHangups hangups;
    private final Originations originations;
    private final AgentPhoneStates phoneStates;
    private final Reconciliation reconciliation;
    private final EventCounts counts;

    public AmiEventTranslator(TranslatorSettings settings, Consumer<DomainEvent> sink, MeterRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(registry, "registry");
        Pattern agentDevices = Pattern.compile(settings.agentDevicePattern());
        int remembered = settings.rememberedEndedCalls();
        this.book = new CallBook(remembered, settings.endedCallMemory());
        this.callbacks = new PlacedCallbacks(remembered);
        this.arrivals = new CallArrivals(settings, book, sink, registry);
        this.agentLegs = new AgentLegs(book, callbacks, sink);
        this.holdsAndTransfers = new HoldsAndTransfers(book, sink);
        this.hangups = new CallHangups(settings, book, sink);
        this.originations = new Originations(book, callbacks, sink, remembered);
        this.phoneStates = new AgentPhoneStates(agentDevices, sink);
        this.reconciliation = new Reconciliation(settings, book, arrivals, sink, registry);
        this.counts = new EventCounts(registry);
    }

    /** The custom UserEvent classes this translator reads; they must be registered with the AMI connection. */
    public static List<Class<? extends ManagerEvent>> userEventClasses() {
        return List.of(AcdEnterEvent.class, AcdRonaEvent.class, AcdCallbackEvent.class);
    }

    /** Reads one AMI event received at {@code receivedAt}; publishes what it newly tells. */
    public synchronized void onEvent(ManagerEvent event, Instant receivedAt) {
        counts.count(event, dispatch(event, receivedAt));
    }

    /** Hands the event to the collaborator for its feature; false when no rule reads it. */
    private boolean dispatch(ManagerEvent event, Instant at) {
        // The order matters where asterisk-java's event classes extend one another.
        if (event instanceof NewChannelEvent e) {
            book.channel(e.getLinkedid(), e.getUniqueId(), e.getChannel(), at);
        } else if (event instanceof NewStateEvent e) {
            book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        } else if (event instanceof AcdEnterEvent e) {
            arrivals.entered(e, at);
        } else if (event instanceof AcdRonaEvent e) {
            agentLegs.notAnswered(e, at);
        } else if (event instanceof AcdCallbackEvent e) {
            arrivals.callbackRequested(e, at);
        } else if (event instanceof DialBeginEvent e) {
            agentLegs.dialBegan(e, at);
        } else if (event instanceof DialEndEvent e) {
            agentLegs.dialEnded(e, at);
        } else if (event instanceof HangupEvent e) {
            hangups.hungUp(e, at);
        } else if (event instanceof MusicOnHoldStartEvent e) {
            return holdsAndTransfers.musicStarted(e, at);
        } else if (event instanceof BridgeEnterEvent e) {
            return holdsAndTransfers.bridged(e, at);
        } else if (event instanceof HangupRequestEvent e) {
            hangups.requested(e, at);
        } else if (event instanceof SoftHangupRequestEvent e) {
            hangups.softRequested(e, at);
        } else if (event instanceof AbstractHoldEvent e) {
            holdsAndTransfers.held(e, at);
        } else if (event instanceof BlindTransferEvent e) {
            holdsAndTransfers.blindTransfer(e, at);
        } else if (event instanceof AttendedTransferEvent e) {
            holdsAndTransfers.attendedTransfer(e, at);
        } else if (event instanceof OriginateResponseEvent e) {
            originations.originated(e, at);
        } else if (event instanceof VarSetEvent e) {
            originations.variableSet(e, at);
        } else if (event instanceof DeviceStateChangeEvent e) {
            phoneStates.changed(e, at);
        } else {
            return false;
        }
        return true;
    }

    /** Publishes the CallEnded of every call that has been quiet long enough since its last channel hung up. */
    public synchronized void tick(Instant now) {
        hangups.settle(now);
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

    /** Reconciles the calls with the live channels the PBX listed after a (re)connect; see {@link Reconciliation}. */
    synchronized void reconcile(long mark, List<LiveChannel> live, Instant now) {
        reconciliation.reconcile(mark, live, now);
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
        callbacks.placed(callId, agentEndpoint, actionRef);
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
        hangups.onStrandedChannel(handler);
    }
}
