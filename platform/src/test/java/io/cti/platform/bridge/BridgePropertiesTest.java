package io.cti.platform.bridge;

import io.cti.bridge.actions.CallControlSettings;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.events.TranslatorSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of {@code cti.bridge.*}, without connecting anywhere. */
class BridgePropertiesTest {

    private static final AmiEndpoint SIM = new AmiEndpoint("127.0.0.1", 40123, "cti", "run-secret", true);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void unsetValuesTakeTheBridgesOwnDefaults() {
        runner.run(context -> {
            BridgeProperties properties = context.getBean(BridgeProperties.class);
            assertThat(properties.host()).isNull();
            assertThat(properties.linkSettings(SIM)).isEqualTo(AmiLinkSettings.defaults("127.0.0.1", 40123, "cti",
                    "run-secret"));
            assertThat(properties.translatorSettings()).isEqualTo(TranslatorSettings.defaults());
            assertThat(properties.callControlSettings()).isEqualTo(CallControlSettings.defaults());
            assertThat(properties.consumerGroup()).isEqualTo("cti-bridge");
            assertThat(properties.commandMaxAge()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @Test
    void anExternalAsteriskIsReadFromKebabCaseProperties() {
        runner.withPropertyValues("cti.bridge.host=pbx.example.com", "cti.bridge.port=5039",
                "cti.bridge.username=platform", "cti.bridge.secret=s3cret", "cti.bridge.read-timeout=6s",
                "cti.bridge.ping-interval=1s", "cti.bridge.backoff-max=10s").run(context -> {
            BridgeProperties properties = context.getBean(BridgeProperties.class);
            AmiEndpoint endpoint = properties.externalEndpoint();
            AmiLinkSettings link = properties.linkSettings(endpoint);

            assertThat(endpoint).isEqualTo(new AmiEndpoint("pbx.example.com", 5039, "platform", "s3cret", false));
            assertThat(link.readTimeout()).isEqualTo(Duration.ofSeconds(6));
            assertThat(link.pingInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(link.backoffMax()).isEqualTo(Duration.ofSeconds(10));
            assertThat(link.actionTimeout()).isEqualTo(AmiLinkSettings.defaults("h", 1, "u", "s").actionTimeout());
        });
    }

    @Test
    void dialplanNamesCanBeChanged() {
        runner.withPropertyValues("cti.bridge.events.holding-contexts=my-hold,my-inbound",
                "cti.bridge.events.queue-variable=MY_QUEUE", "cti.bridge.actions.agent-context=my-agent-connect",
                "cti.bridge.actions.dial-string=SIP/{trunk}/{number}").run(context -> {
            BridgeProperties properties = context.getBean(BridgeProperties.class);

            assertThat(properties.translatorSettings().holdingContexts()).isEqualTo(Set.of("my-hold", "my-inbound"));
            assertThat(properties.translatorSettings().queueVariable()).isEqualTo("MY_QUEUE");
            assertThat(properties.callControlSettings().agentContext()).isEqualTo("my-agent-connect");
            assertThat(properties.callControlSettings().dialString()).isEqualTo("SIP/{trunk}/{number}");
            assertThat(properties.callControlSettings().outboundContext())
                    .isEqualTo(CallControlSettings.defaults().outboundContext());
        });
    }

    @Test
    void aHostWithoutASecretStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("cti.bridge.host=pbx.example.com").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("cti.bridge.secret").hasMessageContaining("CTI_BRIDGE_SECRET"));
    }

    @Test
    void aReadTimeoutThatWouldMissASilentLinkStopsTheStart() {
        runner.withPropertyValues("cti.bridge.read-timeout=30s").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("cti.bridge.readTimeout").hasMessageContaining("10 s"));
    }

    @Test
    void aContextNameAmiCouldNotCarryStopsTheStart() {
        runner.withPropertyValues("cti.bridge.actions.agent-context=bad context").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("cti.bridge.actions.agentContext"));
    }

    @Test
    void aStaleCommandAgeMustBePositive() {
        runner.withPropertyValues("cti.bridge.command-max-age=0s").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("cti.bridge.commandMaxAge"));
    }

    @Test
    void theSecretNeverReachesALogLine() {
        runner.withPropertyValues("cti.bridge.host=pbx.example.com", "cti.bridge.secret=s3cret-value").run(context -> {
            BridgeProperties properties = context.getBean(BridgeProperties.class);

            assertThat(properties.toString()).doesNotContain("s3cret-value").contains("secret=(hidden)");
            assertThat(properties.externalEndpoint().toString()).doesNotContain("s3cret-value");
            assertThat(properties.linkSettings(properties.externalEndpoint()).toString()).doesNotContain("s3cret-value");
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(BridgeProperties.class)
    static class PropertiesOnly {
    }
}
