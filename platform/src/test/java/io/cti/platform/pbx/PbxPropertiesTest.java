package io.cti.platform.pbx;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of {@code cti.platform.pbx.*}, without starting pbx-sim. */
class PbxPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void defaultsGiveTheDemo() {
        runner.run(context -> {
            PbxProperties properties = context.getBean(PbxProperties.class);
            assertThat(properties.embedded()).isTrue();
            assertThat(properties.port()).isZero();
            assertThat(properties.username()).isEqualTo("cti");
            assertThat(properties.traffic().enabled()).isTrue();
            assertThat(properties.traffic().callsPerHour()).isEqualTo(120.0);
            assertThat(properties.traffic().firstAgent()).isEqualTo(2001);
            assertThat(properties.traffic().lastAgent()).isEqualTo(2010);
            assertThat(properties.traffic().autoRoute()).isTrue();
        });
    }

    @Test
    void bindsKebabCaseProperties() {
        runner.withPropertyValues("cti.platform.pbx.port=5038", "cti.platform.pbx.traffic.calls-per-hour=600",
                "cti.platform.pbx.traffic.agents=3001-3004", "cti.platform.pbx.traffic.auto-route=false",
                "cti.platform.pbx.traffic.unknown-share=0.5").run(context -> {
            PbxProperties properties = context.getBean(PbxProperties.class);
            assertThat(properties.port()).isEqualTo(5038);
            assertThat(properties.traffic().callsPerHour()).isEqualTo(600.0);
            assertThat(properties.traffic().firstAgent()).isEqualTo(3001);
            assertThat(properties.traffic().lastAgent()).isEqualTo(3004);
            assertThat(properties.traffic().autoRoute()).isFalse();
            assertThat(properties.traffic().unknownShare()).isEqualTo(0.5);
        });
    }

    @Test
    void rejectsAReversedAgentRange() {
        runner.withPropertyValues("cti.platform.pbx.traffic.agents=2010-2001").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("cti.platform.pbx.traffic.agents"));
    }

    @Test
    void rejectsAShareAboveOne() {
        runner.withPropertyValues("cti.platform.pbx.traffic.unknown-share=1.5").run(context ->
                assertThat(context).hasFailed());
    }

    @Test
    void rejectsARateOfZero() {
        runner.withPropertyValues("cti.platform.pbx.traffic.calls-per-hour=0").run(context ->
                assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PbxProperties.class)
    static class PropertiesOnly {
    }
}
