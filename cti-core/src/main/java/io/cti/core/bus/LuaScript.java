package io.cti.core.bus;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run by its SHA-1 digest, sent in full only when the server does not know it yet (after a
 * restart or SCRIPT FLUSH). Immutable and thread-safe.
 */
final class LuaScript {

    /**
     * Acknowledges a batch of entries of one stream with one XACK, first setting the processed marker of each
     * handled one, in one step: no marker without its acknowledgement and no acknowledgement without its marker.
     * KEYS[1] is the stream, KEYS[2..] the markers; ARGV[1] the markers' lifetime in ms, ARGV[2] the group,
     * ARGV[3..] the entry ids to acknowledge (handled and skipped ones alike).
     */
    static final LuaScript MARK_ALL_AND_ACK = new LuaScript("""
            for i = 2, #KEYS do redis.call('SET', KEYS[i], '1', 'PX', ARGV[1]) end
            return redis.call('XACK', KEYS[1], ARGV[2], unpack(ARGV, 3))
            """);

    /**
     * Appends to the dead-letter stream and acknowledges the entry in one step, so a crash in between neither
     * loses the entry nor dead-letters it twice.
     */
    static final LuaScript DEAD_LETTER_AND_ACK = new LuaScript("""
            local fields = {}
            for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
            return redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
            """);

    private final String source;
    private final String sha;

    private LuaScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    long run(RedisCommands<String, String> redis, String[] keys, String... args) {
        Long result;
        try {
            result = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            // EVAL also caches the script, so the next call goes by digest again.
            result = redis.eval(source, ScriptOutputType.INTEGER, keys, args);
        }
        return result == null ? 0 : result;
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
