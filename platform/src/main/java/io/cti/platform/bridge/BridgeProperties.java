package io.cti.platform.bridge;

import io.cti.bridge.BridgeException;
import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.events.TranslatorSettings;
import io.cti.core.ids.QueueName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Set;

/**
 * The CTI bridge's settings ({@code cti.bridge.*}): which Asterisk to log in to, how the AMI link notices a dead
 * PBX, how the dialplan is read ({@code events.*}) and driven ({@code actions.*}). A blank {@code host} means the
 * embedded pbx-sim ({@code cti.platform.pbx.*}), whose account is made per run. Every link, event and action
 * setting left unset takes cti-bridge's own default ({@code AmiLinkSettings.defaults}, {@code
 * TranslatorSettings.defaults}, {@code CallControlSettings.defaults}), so the dialplan names stay defined in one
 * place. The whole set is checked while binding, with cti-bridge's own rules, so a bad value stops the start with
 * a message naming the property. Immutable; {@link #toString()} hides the secret.
 *
 * @param host           an Asterisk's AMI host; blank: the embedded pbx-sim
 * @param port           its AMI port
 * @param username       the AMI account ({@code [cti]} in config/asterisk/manager.conf)
 * @param secret         the account's secret; required with a host, never logged
 * @param eventMask      the Events mask asked for at login
 * @param connectTimeout TCP connect timeout
 * @param actionTimeout  longest wait for any action's answer (login included); no caller waits longer
 * @param listTimeout    longest wait for a whole event list (the resync's CoreShowChannels)
 * @param pingInterval   time between keep-alive pings
 * @param pingTimeout    a ping unanswered this long declares the link dead
 * @param readTimeout    nothing read for this long declares the link dead; together with the pings this notices a
 *                       silent link within 10 s
 * @param backoffInitial first delay before reconnecting, doubled per failed attempt
 * @param backoffMax     cap of that delay
 * @param consumerGroup  the bus consumer group whose commands the bridge executes
 * @param commandMaxAge  a command older than this (e.g. queued while the platform was down) is dropped, not run:
 *                       a late originate or redirect would surprise a customer or an agent
 * @param publishQueue   domain events the bridge may hold while the bus is slow before it drops (and counts) them
 */
@Validated
@ConfigurationProperties(BridgeProperties.PREFIX)
public record BridgeProperties(
        String host,
        @DefaultValue("5038") @Min(1) @Max(65535) int port,
        @DefaultValue("cti") String username,
        String secret,
        String eventMask,
        Duration connectTimeout,
        Duration actionTimeout,
        Duration listTimeout,
        Duration pingInterval,
        Duration pingTimeout,
        Duration readTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        @DefaultValue("cti-bridge") @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}",
                message = "must be 1-64 letters, digits or _ . : -") String consumerGroup,
        @DefaultValue("1m") @NotNull Duration commandMaxAge,
        @DefaultValue("10000") @Min(100) @Max(10_000_000) int publishQueue,
        @DefaultValue @NotNull @Valid Events events,
        @DefaultValue @NotNull @Valid Actions actions) {

    static final String PREFIX = "cti.bridge";

    /** Stands in for the embedded pbx-sim's address and account while the settings are checked at binding. */
    private static final AmiEndpoint PLACEHOLDER = new AmiEndpoint("127.0.0.1", 5038, "cti", "placeholder", true);

    public BridgeProperties {
        if (isBlank(host)) {
            host = null;
        } else if (isBlank(secret)) {
            throw BridgeException.invalidSetting("secret", "(empty)",
                    "must be set (CTI_BRIDGE_SECRET) when cti.bridge.host names an Asterisk");
        }
        if (commandMaxAge != null && (commandMaxAge.isNegative() || commandMaxAge.isZero())) {
            throw BridgeException.invalidSetting("commandMaxAge", commandMaxAge, "must be a positive duration");
        }
        // cti-bridge's constructors hold the rules (a silent link noticed within 10 s, names the dialplan can
        // take...): run them now, so a bad value fails the start instead of the first connection or command.
        AmiEndpoint endpoint = host == null ? PLACEHOLDER : new AmiEndpoint(host, port, username, secret, false);
        linkSettings(endpoint, username, eventMask, connectTimeout, actionTimeout, listTimeout, pingInterval,
                pingTimeout, readTimeout, backoffInitial, backoffMax);
        if (events != null) {
            events.toSettings();
        }
        if (actions != null) {
            actions.toSettings();
        }
    }

    /** The external Asterisk named by {@code host}; only when it is set. */
    AmiEndpoint externalEndpoint() {
        if (host == null) {
            throw new IllegalStateException("cti.bridge.host is not set");
        }
        return new AmiEndpoint(host.strip(), port, username, secret, false);
    }

    /** The link settings for {@code endpoint} (the external Asterisk, or the embedded pbx-sim's address and account). */
    AmiLinkSettings linkSettings(AmiEndpoint endpoint) {
        return linkSettings(endpoint, endpoint.username(), eventMask, connectTimeout, actionTimeout, listTimeout,
                pingInterval, pingTimeout, readTimeout, backoffInitial, backoffMax);
    }

    TranslatorSettings translatorSettings() {
        return events.toSettings();
    }

    CallControlSettings callControlSettings() {
        return actions.toSettings();
    }

    private static AmiLinkSettings linkSettings(AmiEndpoint endpoint, String username, String eventMask,
                                                Duration connectTimeout, Duration actionTimeout, Duration listTimeout,
                                                Duration pingInterval, Duration pingTimeout, Duration readTimeout,
                                                Duration backoffInitial, Duration backoffMax) {
        AmiLinkSettings d = AmiLinkSettings.defaults(endpoint.host(), endpoint.port(), username, endpoint.secret());
        return new AmiLinkSettings(d.host(), d.port(), d.username(), d.secret(), or(eventMask, d.eventMask()),
                or(connectTimeout, d.connectTimeout()), or(actionTimeout, d.actionTimeout()),
                or(listTimeout, d.listTimeout()), or(pingInterval, d.pingInterval()), or(pingTimeout, d.pingTimeout()),
                or(readTimeout, d.readTimeout()), or(backoffInitial, d.backoffInitial()),
                or(backoffMax, d.backoffMax()));
    }

    /**
     * How AMI events are read ({@code cti.bridge.events.*}); unset values take {@code TranslatorSettings.defaults()}.
     *
     * @param endSettle            how long an ended call waits for late events before CallEnded is published
     * @param agentDevicePattern   regular expression of the devices that are agents' phones
     * @param defaultQueue         the queue of a caller whose event names none
     * @param holdingContexts      dialplan contexts where callers wait (a live call found there on resync arrives)
     * @param queueVariable        channel variable holding a waiting caller's queue, read on resync
     * @param rememberedEndedCalls at most how many ended calls are remembered so their late or repeated events are
     *                             ignored
     * @param endedCallMemory      how long an ended call is remembered (default 2 minutes)
     */
    public record Events(Duration endSettle, String agentDevicePattern, String defaultQueue,
                         Set<String> holdingContexts, String queueVariable, Integer rememberedEndedCalls,
                         Duration endedCallMemory) {

        TranslatorSettings toSettings() {
            TranslatorSettings d = TranslatorSettings.defaults();
            QueueName queue;
            try {
                queue = defaultQueue == null ? d.defaultQueue() : QueueName.of(defaultQueue);
            } catch (IllegalArgumentException e) {
                throw BridgeException.invalidSetting("events.defaultQueue", defaultQueue, e.getMessage());
            }
            return new TranslatorSettings(or(endSettle, d.endSettle()), or(agentDevicePattern, d.agentDevicePattern()),
                    queue, holdingContexts == null || holdingContexts.isEmpty() ? d.holdingContexts() : holdingContexts,
                    or(queueVariable, d.queueVariable()), or(rememberedEndedCalls, d.rememberedEndedCalls()),
                    or(endedCallMemory, d.endedCallMemory()));
        }
    }

    /**
     * How commands drive the dialplan ({@code cti.bridge.actions.*}); unset values take
     * {@code CallControlSettings.defaults()}.
     *
     * @param dialString          an outbound call's dial string, with {@code {trunk}} (the command's trunk) and
     *                            {@code {number}}
     * @param outboundContext     where an answered outbound call continues (AMD, then the wait for an agent)
     * @param outboundExten       the extension there
     * @param agentContext        the context that rings an agent's phone (RONA back to waiting)
     * @param agentVariable       channel variable set to the agent id before connecting
     * @param ringTimeoutVariable channel variable set to the ring timeout in seconds before connecting
     * @param amdVariable         channel variable telling the outbound context whether to run AMD
     * @param maxOriginateTimeout longest ring time an originate may ask for
     * @param agentDialString     an agent's phone, with {@code {extension}}: where a callback rings first
     * @param callbackContext     where a callback continues once the agent answered (it dials the customer)
     * @param callbackTrunk       the trunk that context dials the customer through
     */
    public record Actions(String dialString, String outboundContext, String outboundExten, String agentContext,
                          String agentVariable, String ringTimeoutVariable, String amdVariable,
                          Duration maxOriginateTimeout, String agentDialString, String callbackContext,
                          String callbackTrunk) {

        CallControlSettings toSettings() {
            CallControlSettings d = CallControlSettings.defaults();
            return new CallControlSettings(or(dialString, d.dialString()), or(outboundContext, d.outboundContext()),
                    or(outboundExten, d.outboundExten()), or(agentContext, d.agentContext()),
                    or(agentVariable, d.agentVariable()), or(ringTimeoutVariable, d.ringTimeoutVariable()),
                    or(amdVariable, d.amdVariable()), or(maxOriginateTimeout, d.maxOriginateTimeout()),
                    or(agentDialString, d.agentDialString()), or(callbackContext, d.callbackContext()),
                    or(callbackTrunk, d.callbackTrunk()));
        }
    }

    @Override
    public String toString() {
        return "BridgeProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", secret=" + (isBlank(secret) ? "" : "(hidden)") + ", eventMask=" + eventMask
                + ", connectTimeout=" + connectTimeout + ", actionTimeout=" + actionTimeout
                + ", listTimeout=" + listTimeout + ", pingInterval=" + pingInterval + ", pingTimeout=" + pingTimeout
                + ", readTimeout=" + readTimeout + ", backoffInitial=" + backoffInitial + ", backoffMax=" + backoffMax
                + ", consumerGroup=" + consumerGroup + ", commandMaxAge=" + commandMaxAge
                + ", publishQueue=" + publishQueue + ", events=" + events + ", actions=" + actions + "]";
    }

    private static <T> T or(T value, T fallback) {
        if (value instanceof String text && text.isBlank()) {
            return fallback;
        }
        return value == null ? fallback : value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
