package io.cti.platform.pbx;

import io.cti.platform.bridge.AmiEndpoint;
import io.cti.platform.bridge.PbxChoice.OnEmbeddedPbxSim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * Starts pbx-sim inside the platform when no Asterisk is configured ({@code cti.bridge.host} unset, and
 * {@code cti.platform.pbx.embedded} not false), gives the bridge its {@link AmiEndpoint}, and places the demo
 * calls. Wiring only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PbxProperties.class)
@Conditional(OnEmbeddedPbxSim.class)
class PbxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PbxConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPbx embeddedPbx(PbxProperties properties) {
        long start = System.nanoTime();
        EmbeddedPbx pbx = EmbeddedPbx.start(properties.username(), properties.port());
        log.info("PBX: embedded pbx-sim, AMI on {} (account {}, secret made for this run) in {} ms;"
                        + " set cti.bridge.host to use an Asterisk instead", pbx.endpoint().address(),
                pbx.endpoint().username(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        return pbx;
    }

    @Bean
    AmiEndpoint embeddedAmiEndpoint(EmbeddedPbx pbx) {
        return pbx.endpoint();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "cti.platform.pbx.traffic", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    DemoTraffic demoTraffic(EmbeddedPbx pbx, PbxProperties properties, JdbcTemplate jdbc, Environment environment) {
        // pbx-sim's own routing stands in for the platform's router only while that router does not run.
        boolean platformRoutes = environment.getProperty("cti.router.enabled", Boolean.class, true);
        return new DemoTraffic(pbx, properties.traffic(), jdbc, properties.traffic().autoRoute() && !platformRoutes);
    }
}
