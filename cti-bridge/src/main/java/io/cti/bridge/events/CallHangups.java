package io.cti.bridge.events;

import io.cti.core.messages.DomainEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Records the hang-ups of a call's channels and ends the call (CallEnded) once its last channel hung up and it has
 * been quiet for the settle time, so that late events are still counted; names a channel a hang-up left alone in
 * the desktop hold context. Not thread-safe: used only under the translator's lock, except the stranded-channel
 * handler, which is volatile.
 */
final class CallHangups {

    private final TranslatorSettings settings;
    private final CallBook book;
    private final Consumer<DomainEvent> sink;
    /** Told the name of a channel left alone in the hold context (see {@link DeskHolds}); must not block. */
    private volatile Consumer<String> strandedChannels = channel -> { };

    CallHangups(TranslatorSettings settings, CallBook book, Consumer<DomainEvent> sink) {
        this.settings = settings;
        this.book = book;
        this.sink = sink;
    }

    void onStrandedChannel(Consumer<String> handler) {
        this.strandedChannels = Objects.requireNonNull(handler, "handler");
    }

    void hungUp(HangupEvent e, Instant at) {
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        if (channel != null) {
            channel.hangup(e.getCause(), e.getCauseTxt());
            strandedBy(channel);
        }
    }

    void requested(HangupRequestEvent e, Instant at) {
        requested(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getCause(), false, at);
    }

    void softRequested(SoftHangupRequestEvent e, Instant at) {
        requested(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getCause(), true, at);
    }

    /** Publishes the CallEnded of every call that has been quiet long enough since its last channel hung up. */
    void settle(Instant now) {
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

    private void requested(String linkedId, String uniqueId, String name, Integer cause, boolean soft, Instant at) {
        ChannelState channel = book.channel(linkedId, uniqueId, name, at);
        if (channel != null) {
            channel.hangupRequested(cause, soft);
        }
    }

    private void strandedBy(ChannelState channel) {
        CallState call = book.callOf(channel);
        String stranded = call == null ? null : DeskHolds.strandedBy(call, channel);
        if (stranded != null) {
            strandedChannels.accept(stranded);
        }
    }
}
