package io.cti.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The web console's settings ({@code cti.console.*}): login, sessions, lockout, the push channel and the demo
 * users. Checked at start-up, so a wrong value stops the start naming the property. Immutable.
 *
 * @param sessionTimeout   a session unused this long ends; the user logs in again (an open push socket does not
 *                         count as use: the desktop refreshes its session while it runs)
 * @param lockout          how many failed logins in a row lock an account, and for how long
 * @param allowedOrigins   origins besides the console's own that may open the push socket, e.g.
 *                         {@code https://console.example.com} behind a TLS-terminating load balancer
 * @param passwordMinLength the shortest password an administrator may set
 * @param bcryptStrength   BCrypt's log2 work factor for stored passwords (each login costs 2^strength rounds)
 * @param push             the WebSocket push channel
 * @param demo             the demo users of the default run
 */
@Validated
@ConfigurationProperties("cti.console")
public record ConsoleProperties(
        @DefaultValue("30m") @NotNull Duration sessionTimeout,
        @DefaultValue @NotNull @Valid Lockout lockout,
        @DefaultValue({}) @NotNull List<@NotNull @Pattern(regexp = "https?://[^/\\s]+",
                message = "must be an origin such as https://console.example.com (scheme, host, optional port)")
                String> allowedOrigins,
        @DefaultValue("10") @Min(8) @Max(64) int passwordMinLength,
        @DefaultValue("10") @Min(4) @Max(16) int bcryptStrength,
        @DefaultValue @NotNull @Valid Push push,
        @DefaultValue @NotNull @Valid Demo demo) {

    public ConsoleProperties {
        if (sessionTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("cti.console.session-timeout must be at least 1s: " + sessionTimeout);
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * @param maxFailures failed logins in a row that lock the account
     * @param duration    how long a locked account stays locked (an administrator can unlock it sooner)
     */
    public record Lockout(@DefaultValue("5") @Min(1) @Max(100) int maxFailures,
                          @DefaultValue("15m") @NotNull Duration duration) {
    }

    /**
     * @param consumerGroup   the bus group the console reads pops, agent states and queue figures as; every console
     *                        instance must see every event, so several instances need one group each
     * @param consumerName    this process within the group; empty: host and process id
     * @param sendQueueFrames frames one socket may have waiting behind the one being sent before it is cut off
     * @param sendQueueBytes  bytes one socket may have waiting before it is cut off
     * @param sendTimeLimit   a frame that has not left for this long cuts the socket off at the next frame
     * @param heartbeat       how often every socket gets a heartbeat frame (keeps proxies from closing idle sockets)
     * @param popMaxAge       a screen-pop older than this is not pushed (it would be one replayed after a restart)
     * @param maxInboundBytes the largest message a client may send over the socket
     */
    public record Push(@DefaultValue("agent-console") @NotNull @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String consumerGroup,
                       @DefaultValue("") @NotNull @Pattern(regexp = "[\\x21-\\x7e]{0,128}") String consumerName,
                       @DefaultValue("256") @Min(1) @Max(100_000) int sendQueueFrames,
                       @DefaultValue("4MB") @NotNull DataSize sendQueueBytes,
                       @DefaultValue("10s") @NotNull Duration sendTimeLimit,
                       @DefaultValue("25s") @NotNull Duration heartbeat,
                       @DefaultValue("2m") @NotNull Duration popMaxAge,
                       @DefaultValue("16KB") @NotNull DataSize maxInboundBytes) {

        public Push {
            if (sendQueueBytes.toBytes() < 1024) {
                throw new IllegalArgumentException("cti.console.push.send-queue-bytes must be at least 1KB: " + sendQueueBytes);
            }
            if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("cti.console.push.heartbeat must be at least 1s: " + heartbeat);
            }
            if (maxInboundBytes.toBytes() < 1024 || maxInboundBytes.toBytes() > 1024 * 1024) {
                throw new IllegalArgumentException("cti.console.push.max-inbound-bytes must be 1KB to 1MB: " + maxInboundBytes);
            }
        }
    }

    /**
     * @param enabled create the demo users on start when they are absent, and print them with their passwords
     * @param agents  the demo agents (router agent ids) that get a console user each; the platform's agent bots
     *                leave every agent with a console user to the people who log in as it
     */
    public record Demo(@DefaultValue("true") boolean enabled,
                       @DefaultValue({"agent01", "agent02", "agent09"}) @NotNull
                       List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String> agents) {

        public Demo {
            agents = List.copyOf(agents);
        }
    }
}
