package io.cti.core.bus;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The consumer that {@link ConsumerCrashTest} runs in a JVM of its own and kills: it handles events slowly,
 * records every handled message id in a Redis set, and never claims others' entries. Runs until killed; its
 * one subscription thread is the only one touching the handler.
 *
 * <p>Arguments: redis URI, stream prefix, group, name of the set of handled ids, milliseconds per message;
 * optionally the read batch size (default {@value #BATCH}) and a number of messages after which its handler
 * hangs (so that it is killed in the middle of a batch, whatever the machine's speed).
 */
public final class DoomedConsumerMain {

    static final String CONSUMER = "doomed";
    static final String READY = "SUBSCRIBED";
    static final int BATCH = 4;

    private DoomedConsumerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        QuietLogs.install();
        String redisUri = args[0];
        String prefix = args[1];
        String group = args[2];
        String handledSet = args[3];
        long millisPerMessage = Long.parseLong(args[4]);
        int batch = args.length > 5 ? Integer.parseInt(args[5]) : BATCH;
        long hangAfter = args.length > 6 ? Long.parseLong(args[6]) : Long.MAX_VALUE;
        AtomicLong handled = new AtomicLong();
        RedisCommands<String, String> recorder = RedisClient.create(redisUri).connect().sync();
        BusOptions options = BusOptions.builder()
                .streamPrefix(prefix)
                .readBatchSize(batch)
                .blockTimeout(Duration.ofMillis(200))
                .claimMinIdle(Duration.ofHours(1))
                .claimInterval(Duration.ofHours(1))
                .build();
        RedisStreamsBus bus = RedisStreamsBus.connect(redisUri, options, new SimpleMeterRegistry());
        bus.subscribe(Subscription.builder(group, CONSUMER).streams(BusStream.EVENTS)
                .startFrom(BusStream.EVENTS, StartPosition.BEGINNING).build(), message -> {
            if (handled.get() >= hangAfter) {
                Thread.sleep(Long.MAX_VALUE);
            }
            Thread.sleep(millisPerMessage);
            recorder.sadd(handledSet, message.id().toString());
            handled.incrementAndGet();
        });
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
