package io.cti.platform.startup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyLineTest {

    @Test
    void defaultsGiveTheUrlToOpenAndTheHealthUrl() {
        ReadyLine line = new ReadyLine("localhost", 8080, "", 8080, "/actuator");

        assertThat(line.format())
                .isEqualTo("CTI platform ready: http://localhost:8080/ (health: http://localhost:8080/actuator/health)");
    }

    @Test
    void showsTheBoundPortAndContextPath() {
        ReadyLine line = new ReadyLine("localhost", 41234, "/cti/", 41234, "/actuator");

        assertThat(line.applicationUrl()).isEqualTo("http://localhost:41234/cti/");
        assertThat(line.healthUrl()).isEqualTo("http://localhost:41234/cti/actuator/health");
    }

    @Test
    void aSeparateManagementServerHasNoContextPath() {
        ReadyLine line = new ReadyLine("localhost", 8080, "/cti", 9090, "manage/");

        assertThat(line.healthUrl()).isEqualTo("http://localhost:9090/manage/health");
    }

    @Test
    void wildcardBindAddressesAreShownAsLocalhost() {
        assertThat(ReadyAnnouncer.host(null)).isEqualTo("localhost");
        assertThat(ReadyAnnouncer.host("0.0.0.0")).isEqualTo("localhost");
        assertThat(ReadyAnnouncer.host("::")).isEqualTo("localhost");
        assertThat(ReadyAnnouncer.host("10.0.0.5")).isEqualTo("10.0.0.5");
        assertThat(ReadyAnnouncer.host("fe80::1")).isEqualTo("[fe80::1]");
    }
}
