package io.cti.console;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The cti.console.* settings: defaults without configuration, and a wrong value stops the start naming it. */
class ConsolePropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleProperties.class)
    static class Bound {
    }

    @Test
    void withoutConfigurationTheDefaultsApply() {
        runner.run(context -> {
            ConsoleProperties properties = context.getBean(ConsoleProperties.class);
            assertThat(properties.sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.lockout().maxFailures()).isEqualTo(5);
            assertThat(properties.allowedOrigins()).isEmpty();
            assertThat(properties.push().consumerGroup()).isEqualTo("agent-console");
            assertThat(properties.demo().agents()).containsExactly("agent01", "agent02", "agent09");
        });
    }

    @Test
    void anAllowedOriginThatIsNoOriginStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("cti.console.allowed-origins=https://ok.example,console.example/path")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("allowedOrigins")
                        .hasStackTraceContaining("must be an origin"));
    }

    @Test
    void aLockoutAfterNoFailuresIsRefused() {
        runner.withPropertyValues("cti.console.lockout.max-failures=0")
                .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("maxFailures"));
    }

    @Test
    void aSessionTimeoutUnderASecondIsRefused() {
        runner.withPropertyValues("cti.console.session-timeout=500ms")
                .run(context -> assertThat(context.getStartupFailure())
                        .hasStackTraceContaining("cti.console.session-timeout must be at least 1s"));
    }
}
