package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.DomainMessage;
import io.lettuce.core.api.sync.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one delivered stream entry of one subscription to its end: skipped (unwanted type or already handled),
 * handled and acknowledged, left pending for a retry, or dead-lettered. Used by one polling thread at a time;
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

    /** {@code deliveries} counts this delivery too: 1 for an entry read for the first time. */
    void process(String stream, String entryId, Map<String, String> fields, long deliveries) {
        if (fields == null || fields.isEmpty()) {
            // Redis 6.2 keeps entries deleted (e.g. trimmed by MAXLEN) while pending in the pending list, and
            // claims return them without fields: nothing to handle, only the pending list to clean.
            log.warn("entry {} on {} was deleted from the stream while pending for group {}; acknowledging it",
                    entryId, stream, group());
            ack(stream, entryId);
            return;
        }
        String type = fields.get(MessageCodec.TYPE);
        if (wantedTypes != null && type != null && !wantedTypes.contains(type)) {
            ack(stream, entryId);
            return;
        }
        DomainMessage message;
        try {
            message = codec.decode(entryId, fields);
        } catch (CoreException e) {
            deadLetter(stream, entryId, fields, deliveries, BusMetrics.REASON_UNDECODABLE, describe(e));
            meters.deadLetteredUndecodable().increment();
            // The cause's text may quote payload fragments, so only its id goes to the log at WARN.
            log.warn("entry {} on {} ({}) for group {} is undecodable ({}); moved to {}",
                    entryId, stream, type, group(), e.errorId(), options.deadLetterKey());
            log.debug("entry {} could not be decoded", entryId, e);
            return;
        }
        String marker = options.processedKey(group(), message.id().toString());
        if (redis.exists(marker) > 0) {
            ack(stream, entryId);
            meters.duplicatesSkipped().increment();
            log.debug("{} {} (entry {}) was handled by group {} already; acknowledged without handling",
                    type, message.id(), entryId, group());
            return;
        }
        if (deliveries > options.maxDeliveries()) {
            // Its handlers kept dying or timing out before they could report a failure.
            deadLetter(stream, entryId, fields, deliveries, BusMetrics.REASON_MAX_DELIVERIES,
                    "delivered " + deliveries + " times without being acknowledged");
            meters.deadLetteredExhausted().increment();
            log.warn("{} {} (entry {}) delivered {} times to group {} without success; moved to {}",
                    type, message.id(), entryId, deliveries, group(), options.deadLetterKey());
            return;
        }
        if (handle(stream, entryId, fields, message, deliveries)) {
            LuaScript.MARK_AND_ACK.run(redis, new String[] {marker, stream},
                    Long.toString(options.processedTtl().toMillis()), group(), entryId);
            meters.handled().increment();
        }
    }

    /** Calls the handler; true if it returned normally. */
    private boolean handle(String stream, String entryId, Map<String, String> fields, DomainMessage message,
                           long deliveries) {
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
                deadLetter(stream, entryId, fields, deliveries, BusMetrics.REASON_MAX_DELIVERIES, describe(e));
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

    private void ack(String stream, String entryId) {
        redis.xack(stream, group(), entryId);
    }

    private void deadLetter(String stream, String entryId, Map<String, String> fields, long deliveries,
                            String reason, String error) {
        List<String> args = new ArrayList<>();
        args.add(group());
        args.add(entryId);
        args.add(Long.toString(options.maxStreamLength()));
        addField(args, "group", group());
        addField(args, "consumer", subscription.consumer());
        addField(args, "stream", stream);
        addField(args, "entryId", entryId);
        addField(args, "deliveries", Long.toString(deliveries));
        addField(args, "reason", reason);
        addField(args, "error", error);
        addField(args, "deadLetteredAt", Instant.now().toString());
        // Prefixed, so that garbage fields of an undecodable entry can never overwrite the fields above.
        fields.forEach((name, value) -> addField(args, ORIGINAL_FIELD_PREFIX + name, value));
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
}
