package io.cti.pbxsim.ami;

import java.time.Duration;
import java.util.List;

/**
 * How the AMI server behaves. {@code authFailureDelay} is how long a wrong login waits before "Authentication
 * failed" (Asterisk sleeps 1 s); {@code authTimeout} closes connections that do not log in (Asterisk's
 * authtimeout, 30 s); {@code maxLineBytes} and {@code maxHeaders} are Asterisk's limits on one message (1024
 * bytes per line, 128 lines); {@code maxFrameBytes} caps one message as a whole; {@code maxPendingOutputBytes}
 * closes a connection whose reader falls that far behind. {@code asteriskVersion} is what CoreSettings and
 * {@code core show version} report. Immutable.
 */
public record AmiServerConfig(
        List<AmiUser> users,
        Duration authFailureDelay,
        Duration authTimeout,
        int maxLineBytes,
        int maxHeaders,
        int maxFrameBytes,
        int maxPendingOutputBytes,
        int ioThreads,
        String asteriskVersion) {

    public AmiServerConfig {
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the AMI server needs at least one user");
        }
        if (maxLineBytes < 64 || maxHeaders < 1 || maxFrameBytes < maxLineBytes || ioThreads < 1) {
            throw new IllegalArgumentException("AMI limits out of range");
        }
    }

    /** Asterisk's defaults for the given accounts. */
    public static AmiServerConfig defaults(List<AmiUser> users) {
        return new AmiServerConfig(users, Duration.ofSeconds(1), Duration.ofSeconds(30), 1024, 128, 64 * 1024,
                32 * 1024 * 1024, 2, "20.20.1");
    }

    public AmiServerConfig withAuthFailureDelay(Duration delay) {
        return new AmiServerConfig(users, delay, authTimeout, maxLineBytes, maxHeaders, maxFrameBytes,
                maxPendingOutputBytes, ioThreads, asteriskVersion);
    }

    public AmiServerConfig withAuthTimeout(Duration timeout) {
        return new AmiServerConfig(users, authFailureDelay, timeout, maxLineBytes, maxHeaders, maxFrameBytes,
                maxPendingOutputBytes, ioThreads, asteriskVersion);
    }

    public AmiServerConfig withMaxPendingOutputBytes(int bytes) {
        return new AmiServerConfig(users, authFailureDelay, authTimeout, maxLineBytes, maxHeaders, maxFrameBytes,
                bytes, ioThreads, asteriskVersion);
    }

    AmiUser user(String username) {
        for (AmiUser user : users) {
            if (user.username().equalsIgnoreCase(username)) {
                return user;
            }
        }
        return null;
    }
}
