package io.cti.platform.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding of {@code cti.router.*}: the call center's time zone and the change feed's following, without starting the
 * router.
 */
class RouterPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void withoutATimeZoneTheCenterIsInTheSystemsZone() {
        runner.run(context -> assertThat(context.getBean(RouterProperties.class).timeZone())
                .isEqualTo(ZoneId.systemDefault()));
    }

    @Test
    void theCentersTimeZoneIsBoundByRegionName() {
        runner.withPropertyValues("cti.router.time-zone=Asia/Shanghai").run(context ->
                assertThat(context.getBean(RouterProperties.class).timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theFlowCountsItsDaysInTheCentersTimeZone() {
        runner.withPropertyValues("cti.router.time-zone=Europe/Berlin").run(context ->
                assertThat(RoutingConfiguration.flowSettings(context.getBean(RouterProperties.class)).zone())
                        .isEqualTo(ZoneId.of("Europe/Berlin")));
    }

    @Test
    void anUnknownTimeZoneStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("cti.router.time-zone=Mars/Olympus").run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("cti.router.time-zone"));
    }

    @Test
    void theChangeFeedIsFollowedEveryTwentyMillisecondsUnlessSaidOtherwise() {
        runner.run(context -> assertThat(context.getBean(RouterProperties.class).followChanges())
                .isEqualTo(Duration.ofMillis(20)));
    }

    /** Negative, or under a millisecond (the follower would read back to back). */
    @ParameterizedTest
    @ValueSource(strings = {"-5ms", "500us"})
    void aDelayForFollowingTheChangeFeedThatIsNegativeOrUnderAMillisecondStopsTheStartNamingTheProperty(String delay) {
        runner.withPropertyValues("cti.router.follow-changes=" + delay).run(context ->
                assertThat(context).getFailure().hasStackTraceContaining("cti.router.follow-changes"));
    }

    @Test
    void followingTheChangeFeedCanBeLeftToTheTick() {
        runner.withPropertyValues("cti.router.follow-changes=0").run(context ->
                assertThat(context.getBean(RouterProperties.class).followChanges()).isZero());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RouterProperties.class)
    static class PropertiesOnly {
    }
}
