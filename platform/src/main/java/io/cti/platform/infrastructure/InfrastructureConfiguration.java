package io.cti.platform.infrastructure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code cti.platform.*} and turns it into the {@link InfrastructurePlan} that the database and
 * Redis configurations follow. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class InfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureConfiguration.class);

    @Bean
    InfrastructurePlan infrastructurePlan(PlatformProperties properties) {
        InfrastructurePlan plan = InfrastructurePlan.from(properties);
        plan.warnings().forEach(log::warn);
        return plan;
    }
}
