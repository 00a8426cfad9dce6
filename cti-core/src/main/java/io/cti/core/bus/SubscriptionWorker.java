package io.cti.core.bus;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The polling thread of one running subscription: reads new entries of its group in batches of up to
 * {@link BusOptions#readBatchSize()} with a blocking XREADGROUP on a connection of its own, hands each batch to
 * the {@link DeliveryProcessor} (which acknowledges it with one call), and every claim interval takes over entries that other (dead or
 * stuck) consumers of the group left pending too long, with XAUTOCLAIM. Thread-safe: {@link #close()} may be
 * called from any thread, including the handler's own.
 */
final class SubscriptionWorker implements RunningSubscription {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionWorker.class);
    /** Bounds one claim round, so a large backlog of abandoned entries cannot starve new ones. */
    private static final int MAX_CLAIM_PAGES = 10;
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final Subscription subscription;
    private final BusOptions options;
    private final StatefulRedisConnection<String, String> readConnection;
    private final RedisCommands<String, String> redis;
    private final DeliveryProcessor processor;
    private final BusMetrics.GroupMeters meters;
    private final java.util.function.Consumer<SubscriptionWorker> onStopped;
    private final Consumer<String> me;
    private final List<String> streamKeys;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean running = true;

    /**
     * @param readConnection used for the blocking reads only, owned (closed) by this worker
     * @param redis          the bus's shared connection for everything else
     */
    SubscriptionWorker(Subscription subscription, BusOptions options, StatefulRedisConnection<String, String> readConnection,
                       RedisCommands<String, String> redis, DeliveryProcessor processor, BusMetrics.GroupMeters meters,
                       java.util.function.Consumer<SubscriptionWorker> onStopped) {
        this.subscription = subscription;
        this.options = options;
        this.readConnection = readConnection;
        this.redis = redis;
        this.processor = processor;
        this.meters = meters;
        this.onStopped = onStopped;
        this.me = Consumer.from(subscription.group(), subscription.consumer());
        this.streamKeys = subscription.streams().stream().map(options::streamKey).toList();
        this.thread = new Thread(this::loop, "cti-bus-" + subscription.group() + "-" + subscription.consumer());
        // A forgotten subscription must not keep the JVM alive.
        this.thread.setDaemon(true);
    }

    /** Creates the missing consumer groups (and streams); an existing group keeps its position. */
    void ensureGroups() {
        for (BusStream stream : subscription.streams()) {
            String key = options.streamKey(stream);
            StartPosition start = subscription.startPosition(stream);
            try {
                redis.xgroupCreate(XReadArgs.StreamOffset.from(key, start.redisId()), subscription.group(),
                        XGroupCreateArgs.Builder.mkstream());
                log.info("created consumer group {} on {} starting at {}", subscription.group(), key, start);
            } catch (RedisCommandExecutionException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                    throw e;
                }
                log.debug("consumer group {} exists on {}; it resumes where it left off", subscription.group(), key);
            }
        }
    }

    void start() {
        thread.start();
        log.info("subscription {} started", subscription);
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public boolean isRunning() {
        return running && thread.isAlive();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        if (Thread.currentThread() == thread) {
            return; // called by our own handler: the loop ends after it returns
        }
        try {
            thread.join(options.blockTimeout().plus(GRACE).toMillis());
            if (thread.isAlive()) {
                // Most likely a slow handler; an interrupt ends sleeps and waits, the entry stays pending.
                thread.interrupt();
                thread.join(GRACE.toMillis() * 2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while closing subscription {}; its thread ends on its own", subscription);
        }
        if (thread.isAlive()) {
            log.warn("subscription {} did not stop in time; its handler is still busy", subscription);
            readConnection.closeAsync();
        }
    }

    private void loop() {
        long nextClaim = System.nanoTime(); // claim at once: pick up what a dead predecessor left behind
        try {
            while (running) {
                try {
                    if (System.nanoTime() - nextClaim >= 0) {
                        claimAbandoned();
                        nextClaim = System.nanoTime() + options.claimInterval().toNanos();
                    }
                    long untilClaim = TimeUnit.NANOSECONDS.toMillis(nextClaim - System.nanoTime());
                    // BLOCK 0 would mean "forever", hence at least 1 ms.
                    readNew(Math.max(1, Math.min(untilClaim, options.blockTimeout().toMillis())));
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    recover(e);
                }
            }
        } catch (Error e) {
            log.error("subscription {} stopped by an error", subscription, e);
            throw e;
        } finally {
            running = false;
            try {
                // Synchronously, so the client no longer tracks it when the bus shuts the client down.
                readConnection.close();
            } finally {
                onStopped.accept(this);
                log.info("subscription {} stopped", subscription);
            }
        }
    }

    private void readNew(long blockMillis) {
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] offsets = streamKeys.stream()
                .map(XReadArgs.StreamOffset::lastConsumed)
                .toArray(XReadArgs.StreamOffset[]::new);
        List<StreamMessage<String, String>> entries = readConnection.sync()
                .xreadgroup(me, XReadArgs.Builder.block(blockMillis).count(options.readBatchSize()), offsets);
        if (entries.isEmpty()) {
            return;
        }
        List<Delivery> batch = new ArrayList<>(entries.size());
        for (StreamMessage<String, String> entry : entries) {
            batch.add(new Delivery(entry.getStream(), entry.getId(), entry.getBody(), 1));
        }
        processor.process(batch, () -> running);
    }

    private void claimAbandoned() {
        for (String stream : streamKeys) {
            String cursor = "0-0";
            for (int page = 0; page < MAX_CLAIM_PAGES && running; page++) {
                // JUSTID, because Redis 6.2 answers a trimmed entry with a bare nil that Lettuce drops, id and
                // all; the ids alone let takeOver() see it and clear it from the pending list.
                ClaimedMessages<String, String> claimed = redis.xautoclaim(stream,
                        XAutoClaimArgs.Builder.justid(me, options.claimMinIdle(), cursor).count(options.readBatchSize()));
                List<String> entryIds = claimed.getMessages().stream()
                        .map(StreamMessage::getId)
                        .filter(Objects::nonNull)
                        .toList();
                if (!entryIds.isEmpty()) {
                    meters.claimed().increment(entryIds.size());
                    log.info("consumer {} of group {} claimed {} entries of {} idle for more than {}",
                            subscription.consumer(), subscription.group(), entryIds.size(), stream, options.claimMinIdle());
                }
                List<Delivery> batch = new ArrayList<>(entryIds.size());
                for (String entryId : entryIds) {
                    if (!running) {
                        break; // what we claimed stays pending under our name; a live consumer claims it later
                    }
                    Delivery delivery = takeOver(stream, entryId);
                    if (delivery != null) {
                        batch.add(delivery);
                    }
                }
                processor.process(batch, () -> running);
                cursor = claimed.getId();
                if (cursor == null || "0-0".equals(cursor)) {
                    break;
                }
            }
        }
    }

    /**
     * Fetches an entry just claimed by id, or null if there is nothing left to handle. The claim did not count as
     * a delivery, so this XCLAIM counts it (no other consumer can have claimed it since: its idle time was just
     * reset) and fetches its fields.
     */
    private Delivery takeOver(String stream, String entryId) {
        List<StreamMessage<String, String>> fetched =
                redis.xclaim(stream, me, XClaimArgs.Builder.minIdleTime(0), entryId);
        if (fetched.isEmpty()) {
            return null; // acknowledged meanwhile (its slow consumer finished), or dropped by Redis 7 as deleted
        }
        StreamMessage<String, String> entry = fetched.get(0);
        boolean deleted = entry == null || entry.getId() == null || entry.getBody() == null;
        Map<String, String> fields = deleted ? Map.of() : entry.getBody();
        long deliveries = deliveries(stream, entryId);
        return deliveries > 0 ? new Delivery(stream, entryId, fields, deliveries) : null;
    }

    /** How often the entry was delivered, claims included; 0 if it is no longer pending for us. */
    private long deliveries(String stream, String entryId) {
        List<PendingMessage> pending = redis.xpending(stream, me, Range.create(entryId, entryId), Limit.from(1));
        return pending.isEmpty() ? 0 : pending.get(0).getRedeliveryCount();
    }

    private void recover(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("NOGROUP")) {
            // The stream or group was deleted (or Redis lost its data): recreate them and carry on.
            log.warn("consumer group {} vanished; recreating it", subscription.group());
            try {
                ensureGroups();
            } catch (RuntimeException again) {
                log.warn("could not recreate consumer group {}: {}", subscription.group(), again.toString());
            }
        } else {
            log.warn("subscription {} failed to read or handle; retrying shortly", subscription, e);
        }
        pause(Math.min(options.blockTimeout().toMillis(), 1000));
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Only close() interrupts this thread; treat it as the request to stop that it is.
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
