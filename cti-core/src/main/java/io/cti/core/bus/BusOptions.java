package io.cti.core.bus;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link RedisStreamsBus}: key prefix, stream trimming, read and claim timings, retry limit and
 * how long processed-message markers are kept. Immutable and thread-safe; build with {@link #builder()}.
 *
 * <p>Keys: {@code <prefix>events}, {@code <prefix>commands}, {@code <prefix>dead-letter} and
 * {@code <prefix>processed:<group>:<messageId>}. On Redis Cluster choose a prefix with a hash tag such as
 * {@code {cti}:}, because a marker and its stream are written by one script and must share a slot.
 */
public final class BusOptions {

    /** A blocking read must end well before the connection's command timeout fires. */
    static final Duration MAX_BLOCK_TIMEOUT = Duration.ofSeconds(30);

    private final String streamPrefix;
    private final long maxStreamLength;
    private final int readBatchSize;
    private final Duration blockTimeout;
    private final Duration claimMinIdle;
    private final Duration claimInterval;
    private final int maxDeliveries;
    private final Duration processedTtl;
    private final Duration commandTimeout;

    private BusOptions(Builder builder) {
        this.streamPrefix = builder.streamPrefix;
        this.maxStreamLength = builder.maxStreamLength;
        this.readBatchSize = builder.readBatchSize;
        this.blockTimeout = builder.blockTimeout;
        this.claimMinIdle = builder.claimMinIdle;
        this.claimInterval = builder.claimInterval;
        this.maxDeliveries = builder.maxDeliveries;
        this.processedTtl = builder.processedTtl;
        this.commandTimeout = builder.commandTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static BusOptions defaults() {
        return builder().build();
    }

    /** A builder holding this instance's values, to derive a variant. */
    public Builder toBuilder() {
        return new Builder()
                .streamPrefix(streamPrefix)
                .maxStreamLength(maxStreamLength)
                .readBatchSize(readBatchSize)
                .blockTimeout(blockTimeout)
                .claimMinIdle(claimMinIdle)
                .claimInterval(claimInterval)
                .maxDeliveries(maxDeliveries)
                .processedTtl(processedTtl)
                .commandTimeout(commandTimeout);
    }

    public String streamPrefix() {
        return streamPrefix;
    }

    public long maxStreamLength() {
        return maxStreamLength;
    }

    public int readBatchSize() {
        return readBatchSize;
    }

    public Duration blockTimeout() {
        return blockTimeout;
    }

    public Duration claimMinIdle() {
        return claimMinIdle;
    }

    public Duration claimInterval() {
        return claimInterval;
    }

    public int maxDeliveries() {
        return maxDeliveries;
    }

    public Duration processedTtl() {
        return processedTtl;
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    public String streamKey(BusStream stream) {
        return streamPrefix + stream.keySuffix();
    }

    public String deadLetterKey() {
        return streamPrefix + "dead-letter";
    }

    public String processedKey(String group, String messageId) {
        return streamPrefix + "processed:" + group + ":" + messageId;
    }

    @Override
    public String toString() {
        return "BusOptions[prefix=" + streamPrefix + ", maxStreamLength~" + maxStreamLength
                + ", readBatchSize=" + readBatchSize + ", blockTimeout=" + blockTimeout
                + ", claimMinIdle=" + claimMinIdle + ", claimInterval=" + claimInterval
                + ", maxDeliveries=" + maxDeliveries + ", processedTtl=" + processedTtl
                + ", commandTimeout=" + commandTimeout + "]";
    }

    /** Collects options; not thread-safe. Every setter validates at once, naming the setting and the value. */
    public static final class Builder {

        private String streamPrefix = "cti:";
        private long maxStreamLength = 1_000_000;
        private int readBatchSize = 100;
        private Duration blockTimeout = Duration.ofSeconds(2);
        private Duration claimMinIdle = Duration.ofSeconds(30);
        private Duration claimInterval = Duration.ofSeconds(5);
        private int maxDeliveries = 5;
        private Duration processedTtl = Duration.ofHours(24);
        private Duration commandTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Prefix of every key the bus writes (default {@code cti:}); no whitespace. */
        public Builder streamPrefix(String prefix) {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("streamPrefix must not be empty");
            }
            if (!prefix.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("streamPrefix must be printable ASCII without spaces: '" + prefix + "'");
            }
            this.streamPrefix = prefix;
            return this;
        }

        /** Approximate number of entries each stream keeps ({@code XADD MAXLEN ~}); default 1,000,000. */
        public Builder maxStreamLength(long entries) {
            if (entries < 1) {
                throw new IllegalArgumentException("maxStreamLength must be at least 1, was " + entries);
            }
            this.maxStreamLength = entries;
            return this;
        }

        /**
         * Most entries read (or claimed) per stream in one call, handled in order and then acknowledged together
         * with one Redis call; default 100. Larger batches cost fewer round trips per entry; a consumer that dies
         * midway leaves the batch's handled but unacknowledged entries to be handled again by the consumer that
         * claims them (at-least-once, as ever), so a larger batch means more such repeats after a crash.
         */
        public Builder readBatchSize(int entries) {
            if (entries < 1 || entries > 10_000) {
                throw new IllegalArgumentException("readBatchSize must be between 1 and 10000, was " + entries);
            }
            this.readBatchSize = entries;
            return this;
        }

        /** How long one read waits for new entries; bounds how long closing a subscription takes. Default 2 s. */
        public Builder blockTimeout(Duration timeout) {
            Duration checked = positive("blockTimeout", timeout, Duration.ofMillis(1));
            if (checked.compareTo(MAX_BLOCK_TIMEOUT) > 0) {
                throw new IllegalArgumentException("blockTimeout must be at most " + MAX_BLOCK_TIMEOUT + ", was " + timeout);
            }
            this.blockTimeout = checked;
            return this;
        }

        /**
         * How long an entry must have been pending before another consumer takes it over; must exceed the
         * longest handler run, or slow handlers get their entries handled twice. Default 30 s.
         */
        public Builder claimMinIdle(Duration idle) {
            this.claimMinIdle = positive("claimMinIdle", idle, Duration.ofMillis(1));
            return this;
        }

        /** How often each subscription looks for entries abandoned by other consumers. Default 5 s. */
        public Builder claimInterval(Duration interval) {
            this.claimInterval = positive("claimInterval", interval, Duration.ofMillis(1));
            return this;
        }

        /** Deliveries of one entry before it goes to the dead-letter stream; default 5. */
        public Builder maxDeliveries(int deliveries) {
            if (deliveries < 1) {
                throw new IllegalArgumentException("maxDeliveries must be at least 1, was " + deliveries);
            }
            this.maxDeliveries = deliveries;
            return this;
        }

        /** How long a group remembers that it handled a message id; default 24 h. */
        public Builder processedTtl(Duration ttl) {
            this.processedTtl = positive("processedTtl", ttl, Duration.ofMillis(1));
            return this;
        }

        /** Timeout of every non-blocking Redis command; default 10 s. */
        public Builder commandTimeout(Duration timeout) {
            this.commandTimeout = positive("commandTimeout", timeout, Duration.ofMillis(1));
            return this;
        }

        public BusOptions build() {
            return new BusOptions(this);
        }

        private static Duration positive(String name, Duration value, Duration minimum) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(minimum) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + minimum.toMillis() + " ms, was " + value);
            }
            return value;
        }
    }
}
