package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.DomainMessage;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Takes each delivered stream entry of one subscription to its end: skipped (unwanted type or already handled),
 * handled and acknowledged, left pending for a retry, or dead-lettered. Works a batch at a time, so that a batch
 * costs Redis three round trips (read, marker checks, acknowledgements) rather than two per entry. Used by one polling thread at a time;
 * its collaborators are thread-safe.
 *
 * <p>Logs name entries by id and type only, never by payload: payloads may carry phone numbers.
 */
final class DeliveryProcessor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    static final String ORIGINAL_FIELD_PREFIX = "original.";

    private final Subscription subscription;
    private final MessageHandler handler;
    private final BusOptions options;
    private final MessageCodec codec;
    private final Set<String> wantedTypes;
    private final RedisCommands<String, String> redis;
    private final BusMetrics.GroupMeters meters;

    /** {@code wantedTypes} null means every type. */
    DeliveryProcessor(Subscription subscription, MessageHandler handler, BusOptions options, MessageCodec codec,
                      Set<String> wantedTypes, RedisCommands<String, String> redis, BusMetrics.GroupMeters meters) {
        this.subscription = subscription;
        this.handler = handler;
        this.options = options;
        this.codec = codec;
        this.wantedTypes = wantedTypes;
        this.redis = redis;
        this.meters = meters;
    }

    /**
     * Takes a batch of deliveries to their end, in order: one pipelined round trip asks which messages this group
     * handled already, each handler runs, the handler settles ({@link MessageHandler#settle}), and the
     * acknowledgements of every entry handled or skipped go out together at the end (also when a handler or Redis
     * failed midway, for those done by then; not those of handled entries when settling failed). Stops early,
     * leaving the rest pending, once {@code keepGoing} turns false.
     */
    void process(List<Delivery> batch, BooleanSupplier keepGoing) {
        Acknowledgements acks = new Acknowledgements(redis, group(), options.processedTtl().toMillis());
        RuntimeException failure = null;
        try {
            List<Decoded> decoded = new ArrayList<>(batch.size());
            for (Delivery delivery : batch) {
                Decoded candidate = screen(delivery, acks);
                if (candidate != null) {
                    decoded.add(candidate);
                }
            }
            handleInOrder(decoded, handledAlready(decoded), acks, keepGoing);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            if (!batch.isEmpty()) {
                settle(acks);
            }
            send(acks, failure);
        }
    }

    /**
     * Lets the handler finish what its handlings left under way ({@link MessageHandler#settle}) before any of them
     * is acknowledged; if it cannot, the handled entries stay pending and come again. Also after a batch whose
     * handlings all failed: what they published before failing is settled with their own batch, not the next one.
     */
    private void settle(Acknowledgements acks) {
        try {
            handler.settle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            int withdrawn = acks.withdrawHandled();
            log.info("settling group {}'s last {} handled messages was interrupted by shutdown; they stay pending",
                    group(), withdrawn);
        } catch (Exception | LinkageError | AssertionError e) {
            int withdrawn = acks.withdrawHandled();
            meters.failed().increment(withdrawn);
            log.warn("handler of group {} could not settle its last {} handled messages; they stay pending for a retry",
                    group(), withdrawn, e);
        }
    }

    private void handleInOrder(List<Decoded> decoded, boolean[] handledAlready, Acknowledgements acks,
                               BooleanSupplier keepGoing) {
        // A message published twice (a publisher's retry) may come twice in one batch: its marker is not set yet.
        Set<String> handledNow = new HashSet<>();
        for (int i = 0; i < decoded.size(); i++) {
            if (!keepGoing.getAsBoolean()) {
                return; // the rest stays pending and is claimed by a live consumer
            }
            Decoded entry = decoded.get(i);
            Delivery delivery = entry.delivery();
            if (handledAlready[i] || handledNow.contains(entry.marker())) {
                acks.skipped(delivery.stream(), delivery.entryId());
                meters.duplicatesSkipped().increment();
                log.debug("{} (entry {}) was handled by group {} already; acknowledged without handling",
                        entry.message().id(), delivery.entryId(), group());
            } else if (delivery.deliveries() > options.maxDeliveries()) {
                // Its handlers kept dying or timing out before they could report a failure.
                deadLetter(delivery, BusMetrics.REASON_MAX_DELIVERIES,
                        "delivered " + delivery.deliveries() + " times without being acknowledged");
                meters.deadLetteredExhausted().increment();
                log.warn("{} (entry {}) delivered {} times to group {} without success; moved to {}",
                        entry.message().id(), delivery.entryId(), delivery.deliveries(), group(), options.deadLetterKey());
            } else if (handle(delivery, entry.message())) {
                acks.handled(delivery.stream(), delivery.entryId(), entry.marker());
                handledNow.add(entry.marker());
            }
        }
    }

    /**
     * Owes the acknowledgement of what needs no handler (deleted entries, unwanted types) and dead-letters what
     * cannot be decoded (which acknowledges it); returns the rest, decoded.
     */
    private Decoded screen(Delivery delivery, Acknowledgements acks) {
        String stream = delivery.stream();
        String entryId = delivery.entryId();
        Map<String, String> fields = delivery.fields();
        if (fields.isEmpty()) {
            // Redis 6.2 keeps entries deleted (e.g. trimmed by MAXLEN) while pending in the pending list, and
            // claims return them without fields: nothing to handle, only the pending list to clean.
            log.warn("entry {} on {} was deleted from the stream while pending for group {}; acknowledging it",
                    entryId, stream, group());
            acks.skipped(stream, entryId);
            return null;
        }
        String type = fields.get(MessageCodec.TYPE);
        if (wantedTypes != null && type != null && !wantedTypes.contains(type)) {
            acks.skipped(stream, entryId);
            return null;
        }
        try {
            DomainMessage message = codec.decode(entryId, fields);
            return new Decoded(delivery, message, options.processedKey(group(), message.id().toString()));
        } catch (CoreException e) {
            deadLetter(delivery, BusMetrics.REASON_UNDECODABLE, describe(e));
            meters.deadLetteredUndecodable().increment();
            // The cause's text may quote payload fragments, so only its id goes to the log at WARN.
            log.warn("entry {} on {} ({}) for group {} is undecodable ({}); moved to {}",
                    entryId, stream, type, group(), e.errorId(), options.deadLetterKey());
            log.debug("entry {} could not be decoded", entryId, e);
            return null;
        }
    }

    /** Which of the messages this group handled already: all markers asked in one pipelined round trip. */
    private boolean[] handledAlready(List<Decoded> decoded) {
        boolean[] marked = new boolean[decoded.size()];
        if (decoded.isEmpty()) {
            return marked;
        }
        RedisAsyncCommands<String, String> async = redis.getStatefulConnection().async();
        List<RedisFuture<Long>> answers = new ArrayList<>(decoded.size());
        for (Decoded entry : decoded) {
            answers.add(async.exists(entry.marker()));
        }
        if (!LettuceFutures.awaitAll(options.commandTimeout(), answers.toArray(RedisFuture[]::new))) {
            throw new RedisCommandTimeoutException("no answer to the processed-marker checks within " + options.commandTimeout());
        }
        for (int i = 0; i < marked.length; i++) {
            marked[i] = answers.get(i).toCompletableFuture().join() > 0;
        }
        return marked;
    }

    /**
     * Sends the acknowledgements owed. If the batch already failed, a failure here only joins it; handled
     * entries left unacknowledged are redelivered, which their unset markers allow.
     */
    private void send(Acknowledgements acks, RuntimeException failure) {
        if (acks.isEmpty()) {
            return;
        }
        // Closing the subscription may have interrupted a handler; the batch's finished work is still worth
        // acknowledging, and Lettuce refuses to wait on an interrupted thread.
        boolean interrupted = Thread.interrupted();
        try {
            meters.handled().increment(acks.send());
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Calls the handler; true if it returned normally. */
    private boolean handle(Delivery delivery, DomainMessage message) {
        String entryId = delivery.entryId();
        long deliveries = delivery.deliveries();
        String type = MessageTypes.nameOf(message.getClass());
        try {
            handler.handle(message);
            return true;
        } catch (InterruptedException e) {
            // Only closing the subscription interrupts us: not the message's fault, so no failure is counted.
            Thread.currentThread().interrupt();
            log.info("handling {} {} (entry {}) was interrupted by shutdown; it stays pending", type, message.id(), entryId);
            return false;
        } catch (Exception | LinkageError | AssertionError e) {
            // Errors that belong to this message's handling count as failures too; a VirtualMachineError does not,
            // it ends the subscription's thread.
            meters.failed().increment();
            if (deliveries >= options.maxDeliveries()) {
                deadLetter(delivery, BusMetrics.REASON_MAX_DELIVERIES, describe(e));
                meters.deadLetteredExhausted().increment();
                log.warn("handler of group {} failed on {} {} (entry {}) at delivery {} of {}; moved to {}",
                        group(), type, message.id(), entryId, deliveries, options.maxDeliveries(),
                        options.deadLetterKey(), e);
            } else {
                log.warn("handler of group {} failed on {} {} (entry {}) at delivery {} of {}; it stays pending for a retry",
                        group(), type, message.id(), entryId, deliveries, options.maxDeliveries(), e);
            }
            return false;
        }
    }

    private void deadLetter(Delivery delivery, String reason, String error) {
        String stream = delivery.stream();
        String entryId = delivery.entryId();
        List<String> args = new ArrayList<>();
        args.add(group());
        args.add(entryId);
        args.add(Long.toString(options.maxStreamLength()));
        addField(args, "group", group());
        addField(args, "consumer", subscription.consumer());
        addField(args, "stream", stream);
        addField(args, "entryId", entryId);
        addField(args, "deliveries", Long.toString(delivery.deliveries()));
        addField(args, "reason", reason);
        addField(args, "error", error);
        addField(args, "deadLetteredAt", Instant.now().toString());
        // Prefixed, so that garbage fields of an undecodable entry can never overwrite the fields above.
        delivery.fields().forEach((name, value) -> addField(args, ORIGINAL_FIELD_PREFIX + name, value));
        LuaScript.DEAD_LETTER_AND_ACK.run(redis, new String[] {options.deadLetterKey(), stream}, args.toArray(String[]::new));
    }

    private static void addField(List<String> args, String name, String value) {
        args.add(name);
        args.add(value == null ? "" : value);
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    private String group() {
        return subscription.group();
    }

    private record Decoded(Delivery delivery, DomainMessage message, String marker) {
    }
}
