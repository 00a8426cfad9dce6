package io.cti.router.waiting;

import io.cti.router.RouterException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script from the classpath, run by its SHA-1 digest and sent in full only when the server does not know it
 * (after a restart or SCRIPT FLUSH). Immutable and thread-safe. Public because the reservations package runs its
 * scripts the same way, on top of the shared {@code keys.lua}.
 */
public final class RedisScript {

    /** The key layout every script starts with, so Java and Lua name keys alike. */
    public static final String KEYS_PRELUDE = "/io/cti/router/waiting/keys.lua";

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script made of these classpath resources (absolute names) in order: preludes first, then the body. */
    public static RedisScript load(String... resources) {
        StringBuilder source = new StringBuilder();
        for (String resource : resources) {
            source.append(read(resource)).append('\n');
        }
        return new RedisScript(resources[resources.length - 1], source.toString());
    }

    /**
     * Runs the script; {@code keys} must hold at least one key with the hash tag so that a cluster sends it to the
     * slot where all of the router's keys live. Redis failures become {@code router-state-unavailable}.
     */
    public <T> T run(RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
        try {
            try {
                return redis.evalsha(sha, type, keys, args);
            } catch (RedisNoScriptException e) {
                // EVAL caches the script too, so the next run goes by digest again.
                return redis.eval(source, type, keys, args);
            }
        } catch (RedisException e) {
            throw RouterException.routerStateUnavailable(name, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = RedisScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw RouterException.routerScriptMissing(resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-1", e);
        }
    }
}
