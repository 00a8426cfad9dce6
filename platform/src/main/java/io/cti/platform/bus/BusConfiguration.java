package io.cti.platform.bus;

import io.cti.core.bus.BusOptions;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.platform.infrastructure.RedisEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;

/** Gives the application its event bus on the platform's Redis, and this process's consumer name. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BusProperties.class)
class BusConfiguration {

    @Bean(destroyMethod = "close")
    MessageBus messageBus(RedisEndpoint redis, BusProperties properties, MeterRegistry meters) {
        BusOptions options = BusOptions.builder()
                .streamPrefix(properties.streamPrefix())
                .claimMinIdle(properties.claimMinIdle())
                .readBatchSize(properties.readBatchSize())
                .build();
        return RedisStreamsBus.connect(redis.uri(), options, meters);
    }

    @Bean
    ConsumerName consumerName(BusProperties properties) {
        String configured = properties.consumerName();
        // RuntimeMXBean's name is "pid@host": unique per process on a host, and readable in XINFO CONSUMERS.
        return new ConsumerName(configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured);
    }
}
