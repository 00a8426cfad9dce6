package io.cti.bridge.events;

import io.cti.core.ids.QueueName;
import io.cti.core.messages.CallArrived;
import io.cti.core.messages.CallbackRequested;
import io.cti.core.messages.DomainEvent;
import io.cti.core.messages.MessageId;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static io.cti.bridge.events.ChannelNames.first;
import static io.cti.bridge.events.ChannelNames.orEmpty;

/**
 * Tells when a caller starts waiting for an agent (the dialplan's AcdEnter, or a waiting caller adopted on resync:
 * CallArrived) and when a waiting caller asks to be called back instead (AcdCallback: CallbackRequested), each once
 * per call. Not thread-safe: used only under the translator's lock.
 */
final class CallArrivals {

    private final TranslatorSettings settings;
    private final CallBook book;
    private final Consumer<DomainEvent> sink;
    private final MeterRegistry registry;

    CallArrivals(TranslatorSettings settings, CallBook book, Consumer<DomainEvent> sink, MeterRegistry registry) {
        this.settings = settings;
        this.book = book;
        this.sink = sink;
        this.registry = registry;
    }

    /** The dialplan's word that a caller started waiting in the holding context. */
    void entered(AcdEnterEvent e, Instant at) {
        ChannelState channel = book.channel(e.getLinkedId(), e.getUniqueId(), e.getChannel(), at);
        CallState call = channel == null ? null : book.callOf(channel);
        if (call != null) {
            announce(call, channel.uniqueId, channel.name, e.getCallerIdNum(), first(e.getDnis(), e.getExten()),
                    queueOf(e.getSkill()), ivrChoices(e.getIvr()), at);
        }
    }

    /** A call the bridge did not know, found waiting in a holding context by a resync. */
    void foundWaiting(CallState call, LiveChannel waiting, Instant at) {
        announce(call, waiting.uniqueId(), waiting.channel(), waiting.callerIdNum(), waiting.exten(),
                queueOf(waiting.queue()), ivrChoices(waiting.ivr()), at);
    }

    /**
     * A caller asked to be called back (virtual hold) and is about to be hung up: the request, once per call, with
     * the moment the bridge first saw the call as the time the caller entered (their place in the queue).
     */
    void callbackRequested(AcdCallbackEvent e, Instant at) {
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

    private void announce(CallState call, String uniqueId, String channel, String ani, String dnis,
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
}
