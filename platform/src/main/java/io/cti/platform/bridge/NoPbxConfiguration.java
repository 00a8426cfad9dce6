package io.cti.platform.bridge;

import io.cti.platform.bridge.PbxChoice.OnNoPbx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Says once why there is no AMI link when no PBX is configured, so a missing {@code ami} health component is no mystery. */
@Configuration(proxyBeanMethods = false)
@Conditional(OnNoPbx.class)
class NoPbxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NoPbxConfiguration.class);

    @Bean
    ApplicationRunner noPbxNotice() {
        return args -> log.warn("PBX: none (cti.bridge.host is not set and cti.platform.pbx.embedded=false):"
                + " no AMI link, no calls");
    }
}
