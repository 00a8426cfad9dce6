package io.cti.core.bus;

import io.cti.core.CoreException;
import io.cti.core.messages.Command;
import io.cti.core.messages.DomainMessage;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The message bus on Redis Streams (Lettuce): one stream for events and one for commands, consumer groups per
 * role, retries through pending-entry claims, a dead-letter stream, and per-group processed markers that make
 * redeliveries harmless. Thread-safe: publish and subscribe from any thread.
 *
 * <p>It owns its Lettuce client: one shared connection for publishing, acknowledging and claiming, plus one
 * connection per subscription for its blocking reads (a blocked connection could serve nobody else), plus, from
 * the first {@link #publishAll} or {@link #publishAllAsync}, one connection for pipelined publishing (its commands
 * are flushed by hand, which is a per-connection setting that must not touch the shared one).
 */
public final class RedisStreamsBus implements MessageBus {

    private static final Logger log = LoggerFactory.getLogger(RedisStreamsBus.class);

    private final BusOptions options;
    private final RedisClient client;
    private final RedisURI uri;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final MessageCodec codec;
    private final BusMetrics metrics;
    private final Set<SubscriptionWorker> workers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Guards {@link #pipeline}: one batch at a time owns its manual flush. */
    private final Object pipelineLock = new Object();
    private StatefulRedisConnection<String, String> pipeline;

    private RedisStreamsBus(BusOptions options, RedisClient client, RedisURI uri,
                            StatefulRedisConnection<String, String> connection, MessageCodec codec, BusMetrics metrics) {
        this.options = options;
        this.client = client;
        this.uri = uri;
        this.connection = connection;
        this.redis = connection.sync();
        this.codec = codec;
        this.metrics = metrics;
    }

    /**
     * Connects to Redis at {@code redisUri} (e.g. {@code redis://127.0.0.1:6379}) and registers the bus's
     * counters on {@code registry}.
     *
     * @throws CoreException {@code bus-failure} when Redis cannot be reached
     */
    public static RedisStreamsBus connect(String redisUri, BusOptions options, MeterRegistry registry) {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(registry, "registry");
        // Walk the message types before connecting: a type the bus cannot carry is a start-up error.
        MessageCodec codec = new MessageCodec(MessageTypes.discover());
        RedisURI uri = RedisURI.create(redisUri);
        uri.setTimeout(options.commandTimeout());
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.sync().clientSetname(clientName(options, "shared"));
            log.info("bus connected to Redis at {}:{} with {}", uri.getHost(), uri.getPort(), options);
            return new RedisStreamsBus(options, client, uri, connection, codec, new BusMetrics(registry));
        } catch (RedisException e) {
            client.shutdown();
            // Host and port only: the URI may hold a password.
            throw CoreException.busFailure("connecting to Redis at " + uri.getHost() + ":" + uri.getPort(), e);
        }
    }

    public BusOptions options() {
        return options;
    }

    @Override
    public String publish(DomainMessage message) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        BusStream stream = message instanceof Command ? BusStream.COMMANDS : BusStream.EVENTS;
        String key = options.streamKey(stream);
        Map<String, String> fields = codec.encode(message);
        try {
            String entryId = redis.xadd(key, XAddArgs.Builder.maxlen(options.maxStreamLength()).approximateTrimming(), fields);
            metrics.published(stream);
            log.debug("published {} {} as entry {} on {}", fields.get(MessageCodec.TYPE), message.id(), entryId, key);
            return entryId;
        } catch (RedisException e) {
            throw CoreException.busFailure("publishing " + fields.get(MessageCodec.TYPE) + " " + message.id() + " to " + key, e);
        }
    }

    /**
     * {@link #publishAllAsync}, waited for. A message whose answer does not come within the command timeout is
     * reported as failed; a timed-out XADD may still have been appended (as with {@link #publish}).
     */
    @Override
    public List<PublishResult> publishAll(List<? extends DomainMessage> messages) {
        CompletableFuture<List<PublishResult>> answer = publishAllAsync(messages);
        try {
            List<PublishResult> results = answer.get();
            log.debug("published a batch of {} messages", results.size());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return messages.stream().map(message -> PublishResult.failed(message,
                    CoreException.busFailure("publishing " + message.id(), e))).toList();
        } catch (ExecutionException e) {
            // publishAllAsync maps every failure and the timeout to a result; nothing completes exceptionally.
            throw new IllegalStateException("a pipelined batch failed unmapped", e.getCause());
        }
    }

    /**
     * Pipelines the batch: every XADD is written on a connection of its own without waiting and all are flushed at
     * once; the future completes when every answer came, or when the command timeout passed (the unanswered ones
     * then fail). Redis executes one connection's commands in order, so messages of one stream keep the list order,
     * and a later batch never overtakes an earlier one (a {@link #publish} goes on another connection and may). A
     * message that cannot be encoded, that Redis refuses, or that goes unanswered is reported as failed with the
     * {@code bus-failure} error {@link #publish} would throw. Batches from several threads take turns.
     */
    @Override
    public CompletableFuture<List<PublishResult>> publishAllAsync(List<? extends DomainMessage> messages) {
        List<CompletableFuture<PublishResult>> answers = pipelined(messages);
        CompletableFuture<?>[] all = answers.toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(all)
                .orTimeout(options.commandTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .handle((done, timedOut) -> {
                    List<PublishResult> results = new ArrayList<>(answers.size());
                    for (int i = 0; i < answers.size(); i++) {
                        CompletableFuture<PublishResult> answer = answers.get(i);
                        results.add(answer.isDone() ? answer.join() : unanswered(messages.get(i)));
                    }
                    return results;
                });
    }

    private PublishResult unanswered(DomainMessage message) {
        return PublishResult.failed(message, CoreException.busFailure("publishing " + message.id(),
                new RedisException("no answer within " + options.commandTimeout())));
    }

    /** Writes the batch's XADDs on the pipeline and flushes them; one future per message, never failing. */
    private List<CompletableFuture<PublishResult>> pipelined(List<? extends DomainMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        ensureOpen();
        if (messages.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<PublishResult>> answers = new ArrayList<>(messages.size());
        XAddArgs trimming = XAddArgs.Builder.maxlen(options.maxStreamLength()).approximateTrimming();
        synchronized (pipelineLock) {
            RedisAsyncCommands<String, String> async;
            try {
                async = pipelineConnection().async();
            } catch (CoreException e) {
                // Redis cannot be reached: every message fails as its publish would have.
                return messages.stream().map(message -> CompletableFuture.completedFuture(
                        PublishResult.failed(message, e))).toList();
            }
            for (DomainMessage message : messages) {
                Objects.requireNonNull(message, "message");
                BusStream stream = message instanceof Command ? BusStream.COMMANDS : BusStream.EVENTS;
                String key = options.streamKey(stream);
                try {
                    Map<String, String> fields = codec.encode(message);
                    String what = "publishing " + fields.get(MessageCodec.TYPE) + " " + message.id() + " to " + key;
                    answers.add(async.xadd(key, trimming, fields).toCompletableFuture().handle((entryId, error) -> {
                        if (error != null) {
                            return PublishResult.failed(message, CoreException.busFailure(what,
                                    error instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                                            ? c.getCause() : error));
                        }
                        metrics.published(stream);
                        return PublishResult.appended(message, entryId);
                    }));
                } catch (RuntimeException e) {
                    answers.add(CompletableFuture.completedFuture(PublishResult.failed(message, e)));
                }
            }
            pipeline.flushCommands();
        }
        return answers;
    }

    /** Called with {@link #pipelineLock} held. */
    private StatefulRedisConnection<String, String> pipelineConnection() {
        if (pipeline == null) {
            try {
                StatefulRedisConnection<String, String> created = client.connect();
                created.sync().clientSetname(clientName(options, "pipeline"));
                created.setAutoFlushCommands(false);
                pipeline = created;
            } catch (RedisException e) {
                throw CoreException.busFailure("connecting the publishing pipeline", e);
            }
        }
        return pipeline;
    }

    @Override
    public RunningSubscription subscribe(Subscription subscription, MessageHandler handler) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        Set<String> wantedTypes = subscription.types().isEmpty()
                ? null
                : codec.types().namesAssignableTo(subscription.types());
        BusMetrics.GroupMeters meters = metrics.forGroup(subscription.group());
        DeliveryProcessor processor = new DeliveryProcessor(subscription, handler, options, codec, wantedTypes, redis, meters);
        StatefulRedisConnection<String, String> readConnection;
        try {
            readConnection = client.connect();
        } catch (RedisException e) {
            throw CoreException.busFailure("connecting subscription " + subscription, e);
        }
        // The blocking read must come back before its own command timeout fires.
        readConnection.setTimeout(options.blockTimeout().plus(options.commandTimeout()));
        SubscriptionWorker worker = new SubscriptionWorker(subscription, options, readConnection, redis, processor, meters,
                workers::remove);
        try {
            readConnection.sync().clientSetname(clientName(options,
                    "sub:" + subscription.group() + ":" + subscription.consumer()));
            worker.ensureGroups();
        } catch (RedisException e) {
            readConnection.close();
            throw CoreException.busFailure("creating the consumer groups of " + subscription, e);
        }
        workers.add(worker);
        worker.start();
        if (closed.get()) {
            // close() ran concurrently and may have missed this worker.
            worker.close();
            throw new IllegalStateException("the bus is closed");
        }
        return worker;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (SubscriptionWorker worker : new ArrayList<>(workers)) {
            worker.close();
        }
        connection.close();
        synchronized (pipelineLock) {
            if (pipeline != null) {
                pipeline.close();
            }
        }
        // Our own client, so its thread pools go too; nothing else uses them.
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        log.info("bus to Redis at {}:{} closed", uri.getHost(), uri.getPort());
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the bus is closed");
        }
    }

    /** CLIENT LIST shows which connection belongs to which bus and subscription. */
    static String clientName(BusOptions options, String role) {
        return "cti-bus:" + options.streamPrefix() + role;
    }
}
