package io.cti.bench;

import io.lettuce.core.api.sync.RedisCommands;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts the synchronous Redis commands a component sends, by command, and the time it waits for their replies, so
 * that a benchmark can report round trips per operation. Thread-safe.
 */
final class CountedRedis {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();

    @SuppressWarnings("unchecked")
    RedisCommands<String, String> wrap(RedisCommands<String, String> redis) {
        return (RedisCommands<String, String>) Proxy.newProxyInstance(RedisCommands.class.getClassLoader(),
                new Class<?>[]{RedisCommands.class}, (proxy, method, args) -> {
                    counts.computeIfAbsent(method.getName(), k -> new LongAdder()).increment();
                    long started = System.nanoTime();
                    try {
                        return method.invoke(redis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        nanos.add(System.nanoTime() - started);
                    }
                });
    }

    void reset() {
        counts.clear();
        nanos.reset();
    }

    /** Time spent waiting for the commands' replies, in milliseconds per operation. */
    double millisPerOperation(long operations) {
        return nanos.sum() / 1e6 / operations;
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** "command count/operation" for each command, most frequent first. */
    String perOperation(long operations) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(),
                        e.getValue() / (double) operations))
                .collect(Collectors.joining(", "));
    }
}
