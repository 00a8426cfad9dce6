package io.cti.platform.infrastructure;

/**
 * The Redis the platform uses, as resolved at start: the configured {@code cti.platform.redis.url}, or the
 * URI of the embedded server the platform started. For roles that open their own Lettuce connections
 * (streams, reservations). Immutable and thread-safe.
 *
 * @param uri      a Lettuce URI such as {@code redis://127.0.0.1:6379}; may carry a password
 * @param embedded whether the platform started the server itself
 */
public record RedisEndpoint(String uri, boolean embedded) {

    /** The URI with any credentials masked, for logs and health details. */
    public String redactedUri() {
        return Redaction.redisUri(uri);
    }

    @Override
    public String toString() {
        return "RedisEndpoint[uri=" + redactedUri() + ", embedded=" + embedded + "]";
    }
}
