package io.cti.router.waiting;

import io.cti.router.RouterException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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

    /**
     * Sends the script by its digest without waiting for the answer, after whatever was sent on the connection before
     * it and before whatever is sent after it. Not sent in full when the server does not know it: the answer then
     * fails with {@link #unknownToServer}, and the caller may run it again with {@link #run} - after whatever it sent
     * meanwhile, which it must allow for. The future fails with Lettuce's exception; see {@link #failure}.
     */
    public <T> CompletableFuture<T> runLater(RedisAsyncCommands<String, String> redis, ScriptOutputType type,
                                             String[] keys, String... args) {
        return redis.<T>evalsha(sha, type, keys, args).toCompletableFuture();
    }

    /**
     * The answer of a {@link #runLater}, waited for if it is not in yet. When the server did not know the script
     * (restarted or flushed since it was loaded), the answer of {@code runAgain}, which runs it in full after whatever
     * was sent meanwhile (the caller allows for that); any other failure as {@link #failure}.
     */
    public <T> T answerOf(CompletableFuture<T> sent, Supplier<T> runAgain) {
        try {
            return sent.join();
        } catch (CompletionException | CancellationException e) {
            if (!unknownToServer(e)) {
                throw failure(e);
            }
            return runAgain.get();
        }
    }

    /** Whether {@code failure} of {@link #runLater} says the server did not know the script. */
    public static boolean unknownToServer(Throwable failure) {
        return unwrap(failure) instanceof RedisNoScriptException;
    }

    /** A failure of {@link #runLater} as {@code router-state-unavailable}. */
    public RouterException failure(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof RouterException e ? e : RouterException.routerStateUnavailable(name, cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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
