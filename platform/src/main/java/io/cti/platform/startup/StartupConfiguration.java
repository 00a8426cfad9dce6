package io.cti.platform.startup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers what the platform says when it has started. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
class StartupConfiguration {

    @Bean
    ReadyAnnouncer readyAnnouncer() {
        return new ReadyAnnouncer();
    }
}
