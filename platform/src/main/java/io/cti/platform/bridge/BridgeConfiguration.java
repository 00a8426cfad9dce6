package io.cti.platform.bridge;

import io.cti.bridge.CtiBridge;
import io.cti.bridge.actions.BridgeCommandHandler;
import io.cti.bridge.connection.AmiLinkSettings;
import io.cti.bridge.events.DomainEventPublisher;
import io.cti.core.bus.MessageBus;
import io.cti.core.messages.ReservationFence;
import io.cti.platform.bridge.PbxChoice.OnAnyPbx;
import io.cti.platform.bridge.PbxChoice.OnExternalAsterisk;
import io.cti.platform.bus.ConsumerName;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires cti-bridge (plain Java) into the application: the AMI link to the external Asterisk named by
 * {@code cti.bridge.host}, or to the embedded pbx-sim (whose {@link AmiEndpoint} the pbx package gives); domain
 * events published to the bus; PBX commands from the bus executed, a connect or callback whose reservation is no
 * longer current ignored when the router runs in this process ({@link ReservationFence}); the {@code ami} health component. The bridge's
 * Micrometer meters go to the application's registry, so they reach {@code /actuator/prometheus}. Wiring only.
 *
 * <p>Bean dependencies (bridge on publisher on bus, bridge on endpoint on pbx-sim) make Spring close the bridge
 * first, then publish what it queued, then close the bus and the embedded PBX.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BridgeProperties.class)
@Conditional(OnAnyPbx.class)
class BridgeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BridgeConfiguration.class);

    @Bean
    @Conditional(OnExternalAsterisk.class)
    AmiEndpoint externalAmiEndpoint(BridgeProperties properties) {
        AmiEndpoint endpoint = properties.externalEndpoint();
        log.info("PBX: external Asterisk, AMI at {} as {} (cti.bridge.host); no embedded pbx-sim started",
                endpoint.address(), endpoint.username());
        return endpoint;
    }

    @Bean(destroyMethod = "close")
    DomainEventPublisher bridgeEventPublisher(MessageBus bus, BridgeProperties properties, MeterRegistry meters) {
        return new DomainEventPublisher(bus, properties.publishQueue(), meters);
    }

    @Bean(destroyMethod = "close")
    CtiBridge ctiBridge(AmiEndpoint endpoint, BridgeProperties properties, DomainEventPublisher publisher,
                        MeterRegistry meters) {
        AmiLinkSettings link = properties.linkSettings(endpoint);
        if (endpoint.embedded() && properties.secret() != null && !properties.secret().isBlank()) {
            // a secret without a host is almost always a forgotten CTI_BRIDGE_HOST: say so
            log.warn("cti.bridge.secret is set but cti.bridge.host (CTI_BRIDGE_HOST) is not: linking to the embedded"
                    + " pbx-sim and ignoring it");
        }
        log.debug("CTI bridge settings: {}", link);
        return new CtiBridge(link, properties.translatorSettings(), properties.callControlSettings(), publisher,
                meters);
    }

    @Bean(destroyMethod = "close")
    LinkWatch amiLinkWatch(CtiBridge bridge) {
        return new LinkWatch(bridge::linkState, Clock.systemUTC());
    }

    @Bean
    BridgeLifecycle bridgeLifecycle(CtiBridge bridge, LinkWatch watch, MessageBus bus, ConsumerName consumer,
                                    BridgeProperties properties, AmiEndpoint endpoint, MeterRegistry meters,
                                    ObjectProvider<ReservationFence> fence) {
        AmiLinkSettings link = properties.linkSettings(endpoint);
        // With the router in this process, a connect whose reservation is over is ignored; without, all run.
        BridgeCommandHandler commands = new BridgeCommandHandler(bridge.callControl(), link.actionTimeout(), meters,
                fence.getIfAvailable(() -> ReservationFence.NONE));
        return new BridgeLifecycle(bridge, watch, bus, properties.consumerGroup(), consumer.value(),
                new FreshCommands(commands, properties.commandMaxAge(), Clock.systemUTC(), meters), endpoint);
    }

    @Bean
    AmiHealthIndicator amiHealthIndicator(AmiEndpoint endpoint, LinkWatch watch, MeterRegistry meters,
                                          BridgeLifecycle lifecycle) {
        return new AmiHealthIndicator(endpoint, watch, meters, lifecycle::isRunning);
    }
}
