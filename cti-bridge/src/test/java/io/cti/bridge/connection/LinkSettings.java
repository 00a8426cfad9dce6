package io.cti.bridge.connection;

import java.time.Duration;

/** Link settings for tests: short timeouts, so a test sees detection and reconnects in well under a second. */
final class LinkSettings {

    private LinkSettings() {
    }

    static AmiLinkSettings fast(int port) {
        return new AmiLinkSettings("127.0.0.1", port, "cti", "cti-secret", "on", Duration.ofMillis(500),
                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofMillis(1500), Duration.ofMillis(20), Duration.ofMillis(200));
    }

    /** The production keep-alive and read timeout, with quick reconnects. */
    static AmiLinkSettings productionKeepAlive(int port) {
        AmiLinkSettings defaults = AmiLinkSettings.defaults("127.0.0.1", port, "cti", "cti-secret");
        return new AmiLinkSettings(defaults.host(), port, defaults.username(), defaults.secret(), defaults.eventMask(),
                defaults.connectTimeout(), defaults.actionTimeout(), defaults.listTimeout(), defaults.pingInterval(),
                defaults.pingTimeout(), defaults.readTimeout(), Duration.ofMillis(20), Duration.ofMillis(200));
    }
}
