package io.cti.platform.demo;

import io.cti.core.customers.CustomerFigures;
import io.cti.core.demo.DemoSeeder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Loads the demo customers on first start unless {@code cti.platform.demo.enabled=false}. Uses the application's
 * {@code DataSource} and {@link CustomerFigures}, and its {@link Clock} for "today" (UTC when there is none).
 * Wiring only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoDataConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "cti.platform.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
    DemoDataLoader demoDataLoader(DataSource dataSource, CustomerFigures figures, DemoDataProperties properties,
                                  ObjectProvider<Clock> clock) {
        return new DemoDataLoader(new DemoSeeder(dataSource, figures), properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
