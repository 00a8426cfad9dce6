package io.cti.bridge.events;

import io.cti.core.messages.CallHeld;
import io.cti.core.messages.CallResumed;
import io.cti.core.messages.CallTransferred;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.cti.core.messages.TransferKind;
import org.asteriskjava.manager.event.AbstractHoldEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.HoldEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;

import java.time.Instant;
import java.util.function.Consumer;

import static io.cti.bridge.events.ChannelNames.first;
import static io.cti.bridge.events.ChannelNames.orEmpty;

/**
 * Tells a call's holds and resumes (from the phone's Hold/Unhold, or from the agent's desktop through the hold
 * context, see {@link DeskHolds}) and its transfers, blind and attended: a hold by the channel's state, so a
 * repeated Hold changes nothing, and each transfer once. Not thread-safe: used only under the translator's lock.
 */
final class HoldsAndTransfers {

    private final CallBook book;
    private final Consumer<DomainEvent> sink;

    HoldsAndTransfers(CallBook book, Consumer<DomainEvent> sink) {
        this.book = book;
        this.sink = sink;
    }

    void held(AbstractHoldEvent e, Instant at) {
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

    /** Music starting in the desktop hold context: a hold from the desktop; false when it means nothing here. */
    boolean musicStarted(MusicOnHoldStartEvent e, Instant at) {
        return deskHold(e, e.getLinkedId(), e.getUniqueId(), e.getChannel(), true, at);
    }

    /** A channel entering a bridge from the desktop hold context: resumed; false when it means nothing here. */
    boolean bridged(BridgeEnterEvent e, Instant at) {
        return deskHold(e, e.getLinkedId(), e.getUniqueId(), e.getChannel(), false, at);
    }

    void blindTransfer(BlindTransferEvent e, Instant at) {
        transferred(e.getTransfereeLinkedId(), e.getTransfereeUniqueId(), e.getTransfereeChannel(),
                TransferKind.BLIND, destination(e.getExtension(), e.getContext()), at);
    }

    void attendedTransfer(AttendedTransferEvent e, Instant at) {
        String target = first(e.getTransferTargetChannel(), e.getSecondTransfererChannel());
        transferred(e.getTransfereeLinkedId(), e.getTransfereeUniqueid(), e.getTransfereeChannel(),
                TransferKind.ATTENDED, target == null ? "" : target, at);
    }

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

    private void transferred(String linkedId, String uniqueId, String name, TransferKind kind, String target,
                             Instant at) {
        ChannelState channel = book.channel(linkedId, uniqueId, name, at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call != null && call.transfers.add(kind + ":" + channel.uniqueId + ":" + target)) {
            sink.accept(new CallTransferred(MessageId.random(), at, call.callId, kind, target));
        }
    }

    private static String destination(String extension, String context) {
        String exten = orEmpty(ChannelNames.value(extension));
        String ctx = ChannelNames.value(context);
        return ctx == null ? exten : exten + "@" + ctx;
    }
}
