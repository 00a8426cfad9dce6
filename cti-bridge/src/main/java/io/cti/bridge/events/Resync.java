package io.cti.bridge.events;

import io.cti.bridge.connection.AmiGateway;
import io.micrometer.core.instrument.MeterRegistry;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.GetVarAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Brings the translator's calls in line with the PBX after every (re)login: lists the live channels
 * (CoreShowChannels), reads the queue, the dialed number and the IVR choices of callers waiting in a holding
 * context that the bridge does not know yet, and hands the snapshot to {@link AmiEventTranslator#reconcile}. Runs asynchronously and never blocks the link's
 * threads. Thread-safe.
 */
final class Resync {

    private static final Logger log = LoggerFactory.getLogger(Resync.class);

    private final AmiEventTranslator translator;
    private final TranslatorSettings settings;
    private final MeterRegistry registry;

    Resync(AmiEventTranslator translator, TranslatorSettings settings, MeterRegistry registry) {
        this.translator = translator;
        this.settings = settings;
        this.registry = registry;
    }

    /** Starts a resync through {@code gateway}; the returned future completes when it is applied (or failed). */
    CompletableFuture<Void> run(AmiGateway gateway) {
        long mark = translator.beginResync();
        return gateway.list(new CoreShowChannelsAction())
                .thenCompose(events -> withQueues(gateway, events.stream().filter(CoreShowChannelEvent.class::isInstance)
                        .map(CoreShowChannelEvent.class::cast).map(Resync::live).toList()))
                .handle((live, error) -> {
                    if (error != null) {
                        // The link is probably going down again; the next link-up resyncs once more.
                        registry.counter("cti.bridge.resync.failed").increment();
                        log.warn("resync after AMI login failed: {}", error.toString());
                    } else {
                        translator.reconcile(mark, live, Instant.now());
                    }
                    return null;
                });
    }

    private CompletableFuture<List<LiveChannel>> withQueues(AmiGateway gateway, List<LiveChannel> live) {
        List<CompletableFuture<LiveChannel>> read = live.stream().map(channel -> {
            if (!settings.holdingContexts().contains(channel.context()) || translator.isKnown(key(channel))) {
                return CompletableFuture.completedFuture(channel);
            }
            CompletableFuture<LiveChannel> withQueue = gateway.send(new GetVarAction(channel.channel(),
                            settings.queueVariable()))
                    .handle((response, error) -> error != null || response == null ? channel
                            : channel.withQueue(response.getAttribute("value")));
            CompletableFuture<LiveChannel> withDialed = withQueue.thenCompose(known -> gateway.send(new GetVarAction(
                            channel.channel(), TranslatorSettings.DNIS_VARIABLE))
                    .handle((response, error) -> {
                        String dialed = error != null || response == null ? null
                                : ChannelNames.value(response.getAttribute("value"));
                        return dialed == null ? known : known.withDialed(dialed);
                    }));
            // One more Getvar per caller the bridge did not know, so their pop still shows what they chose.
            return withDialed.thenCompose(known -> gateway.send(new GetVarAction(channel.channel(),
                            TranslatorSettings.IVR_VARIABLE))
                    .handle((response, error) -> error != null || response == null ? known
                            : known.withIvr(response.getAttribute("value"))));
        }).toList();
        return CompletableFuture.allOf(read.toArray(CompletableFuture[]::new))
                .thenApply(done -> read.stream().map(CompletableFuture::join).toList());
    }

    private static String key(LiveChannel channel) {
        String linkedId = ChannelNames.value(channel.linkedId());
        return linkedId != null ? linkedId : channel.uniqueId();
    }

    private static LiveChannel live(CoreShowChannelEvent event) {
        return new LiveChannel(event.getChannel(), event.getUniqueid(), event.getLinkedid(), event.getContext(),
                event.getExten() != null ? event.getExten() : event.getExtension(), event.getCallerIdNum(), null);
    }
}
