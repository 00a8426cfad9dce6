package io.cti.bridge.connection;

import io.cti.bridge.BridgeException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmiLinkSettingsTest {

    @Test
    void productionDefaultsNoticeASilentLinkWithin10Seconds() {
        AmiLinkSettings defaults = AmiLinkSettings.defaults("pbx", 5038, "cti", "secret");

        assertThat(defaults.pingInterval().plus(defaults.pingTimeout())).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.toString()).doesNotContain("secret=secret").contains("secret=(hidden)");
    }

    @Test
    void refusesTimeoutsThatCouldNotNoticeASilentLinkIn10Seconds() {
        assertThatThrownBy(() -> with(Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(12)))
                .isInstanceOf(BridgeException.class).hasMessageContaining("10 s");
        assertThatThrownBy(() -> with(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4)))
                .hasMessageContaining("quiet but healthy link");
    }

    @Test
    void refusesCredentialsThatWouldBreakTheLoginAction() {
        assertThatThrownBy(() -> AmiLinkSettings.defaults("pbx", 5038, "cti\r\nAction: Originate", "s"))
                .isInstanceOf(BridgeException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> AmiLinkSettings.defaults("pbx", 5038, "cti", "s\n"))
                .isInstanceOf(BridgeException.class).hasMessageContaining("secret").hasMessageNotContaining("s\n");
    }

    private static AmiLinkSettings with(Duration pingInterval, Duration pingTimeout, Duration readTimeout) {
        return new AmiLinkSettings("pbx", 5038, "cti", "secret", "on", Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(10), pingInterval, pingTimeout, readTimeout, Duration.ofMillis(200),
                Duration.ofSeconds(30));
    }
}
