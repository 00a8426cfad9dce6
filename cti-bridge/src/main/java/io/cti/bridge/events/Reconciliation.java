package io.cti.bridge.events;

import io.cti.core.messages.DomainEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reconciles the followed calls with the live channels the PBX listed after a (re)connect (the snapshot
 * {@link Resync} gathers): calls that vanished while the link was down end as "lost during PBX disconnect", channels
 * whose Hangup was missed are marked hung up, unknown live calls are adopted (announced as arrived when waiting in a
 * holding context). Nothing is published twice: calls already followed or already ended are not announced again.
 * Not thread-safe: used only under the translator's lock.
 */
final class Reconciliation {

    /** The translator's logger, as before this class was split from it, so log settings keep applying. */
    private static final Logger log = LoggerFactory.getLogger(AmiEventTranslator.class);

    private final TranslatorSettings settings;
    private final CallBook book;
    private final CallArrivals arrivals;
    private final Consumer<DomainEvent> sink;
    private final MeterRegistry registry;

    Reconciliation(TranslatorSettings settings, CallBook book, CallArrivals arrivals, Consumer<DomainEvent> sink,
                   MeterRegistry registry) {
        this.settings = settings;
        this.book = book;
        this.arrivals = arrivals;
        this.sink = sink;
        this.registry = registry;
    }

    /** Applies the snapshot {@code live} of a resync begun at {@code mark}. */
    void reconcile(long mark, List<LiveChannel> live, Instant now) {
        Map<String, List<LiveChannel>> byCall = live.stream().filter(channel -> ChannelNames.value(channel.uniqueId()) != null)
                .collect(Collectors.groupingBy(channel -> Optional.ofNullable(ChannelNames.value(channel.linkedId()))
                        .orElse(channel.uniqueId()), LinkedHashMap::new, Collectors.toList()));
        int lost = endVanished(mark, byCall, now);
        int adopted = adoptUnknown(byCall, now);
        registry.counter("cti.bridge.resync.lost").increment(lost);
        registry.counter("cti.bridge.resync.adopted").increment(adopted);
        log.info("resync: {} live channels, {} calls lost during the disconnect, {} adopted, {} followed",
                live.size(), lost, adopted, book.size());
    }

    /** Ends the calls followed before {@code mark} that the PBX no longer has; returns how many. */
    private int endVanished(long mark, Map<String, List<LiveChannel>> byCall, Instant now) {
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
        return lost;
    }

    /** Follows the live calls the bridge did not know and that have not ended; returns how many. */
    private int adoptUnknown(Map<String, List<LiveChannel>> byCall, Instant now) {
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
                        .findFirst().ifPresent(waiting -> arrivals.foundWaiting(call, waiting, now));
            }
        }
        return adopted;
    }
}
