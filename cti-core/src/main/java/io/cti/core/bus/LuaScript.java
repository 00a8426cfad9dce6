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

    /** Sets the processed marker and acknowledges the entry in one step, so neither happens without the other. */
    static final LuaScript MARK_AND_ACK = new LuaScript("""
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            return redis.call('XACK', KEYS[2], ARGV[2], ARGV[3])
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
