package io.cti.bridge.connection;

import io.cti.bridge.BridgeException;

import java.time.Duration;

/**
 * How the bridge connects to Asterisk's Manager Interface and how it notices a dead link. A half-open link (the
 * PBX stops answering without closing the socket) is noticed by the first of: nothing at all read for
 * {@code pingInterval + pingTimeout} (pings every {@code pingInterval} make a quiet PBX answer, so a live link
 * always reads something), or nothing read for {@code readTimeout} (the socket's own timeout); both are bounded so
 * that this happens within 10 s. A ping answered late while events keep arriving is not a dead link. Immutable; {@link #toString()} hides the secret.
 *
 * @param connectTimeout TCP connect timeout
 * @param actionTimeout  longest wait for the PBX's answer to any action, login steps included
 * @param listTimeout    longest wait for a whole list (e.g. CoreShowChannels during resync)
 * @param pingInterval   time between keep-alive pings
 * @param pingTimeout    how much longer than {@code pingInterval} the link may read nothing before it is declared
 *                       dead
 * @param readTimeout    socket read timeout; longer than {@code pingInterval}, since pings keep a quiet link busy
 * @param backoffInitial first delay before reconnecting; doubled after every failed attempt
 * @param backoffMax     cap of the reconnect delay
 */
public record AmiLinkSettings(String host, int port, String username, String secret, String eventMask,
                              Duration connectTimeout, Duration actionTimeout, Duration listTimeout,
                              Duration pingInterval, Duration pingTimeout, Duration readTimeout,
                              Duration backoffInitial, Duration backoffMax) {

    /** The bound the issue sets on noticing a silent link. */
    public static final Duration MAX_DETECTION = Duration.ofSeconds(10);

    public AmiLinkSettings {
        requireText("host", host);
        requireText("username", username);
        requireText("eventMask", eventMask);
        if (secret == null || !printable(secret)) {
            throw BridgeException.invalidSetting("secret", "(hidden)", "must be set and free of control characters");
        }
        if (port < 1 || port > 65535) {
            throw BridgeException.invalidSetting("port", port, "must be 1-65535");
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("actionTimeout", actionTimeout);
        requirePositive("listTimeout", listTimeout);
        requirePositive("pingInterval", pingInterval);
        requirePositive("pingTimeout", pingTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("backoffInitial", backoffInitial);
        requirePositive("backoffMax", backoffMax);
        if (readTimeout.compareTo(pingInterval.plus(pingTimeout)) <= 0) {
            throw BridgeException.invalidSetting("readTimeout", readTimeout,
                    "must exceed pingInterval + pingTimeout, or a quiet but healthy link would time out between pings");
        }
        if (readTimeout.compareTo(MAX_DETECTION) > 0 || pingInterval.plus(pingTimeout).compareTo(MAX_DETECTION) > 0) {
            throw BridgeException.invalidSetting("readTimeout", readTimeout,
                    "readTimeout and pingInterval + pingTimeout must stay within " + MAX_DETECTION.toSeconds()
                            + " s so that a silent link is noticed in time");
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw BridgeException.invalidSetting("backoffMax", backoffMax, "must not be below backoffInitial");
        }
        for (Duration d : new Duration[]{connectTimeout, actionTimeout, listTimeout, readTimeout}) {
            if (d.toMillis() > Integer.MAX_VALUE) {
                throw BridgeException.invalidSetting("timeouts", d, "asterisk-java takes timeouts as int milliseconds");
            }
        }
    }

    /** Production defaults for a PBX at {@code host:port}: a silent link is noticed in about 5 s, 8 s at worst. */
    public static AmiLinkSettings defaults(String host, int port, String username, String secret) {
        return new AmiLinkSettings(host, port, username, secret, "on", Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(8),
                Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "AmiLinkSettings[host=" + host + ", port=" + port + ", username=" + username + ", secret=(hidden)"
                + ", eventMask=" + eventMask + ", connectTimeout=" + connectTimeout + ", actionTimeout=" + actionTimeout
                + ", listTimeout=" + listTimeout + ", pingInterval=" + pingInterval + ", pingTimeout=" + pingTimeout
                + ", readTimeout=" + readTimeout + ", backoffInitial=" + backoffInitial + ", backoffMax=" + backoffMax
                + "]";
    }

    private static void requireText(String name, String value) {
        // These go into the Login action that asterisk-java writes unescaped, like any other action value.
        if (value == null || value.isBlank() || !printable(value)) {
            throw BridgeException.invalidSetting(name, value == null ? null : value.strip(),
                    "must be set and free of control characters");
        }
    }

    private static boolean printable(String value) {
        return value.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw BridgeException.invalidSetting(name, value, "must be a positive duration");
        }
    }
}
