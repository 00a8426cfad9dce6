package io.cti.platform.infrastructure;

import io.cti.core.embedded.DataFolders;
import io.cti.core.embedded.EmbeddedRedisServer;
import io.cti.platform.infrastructure.InfrastructurePlan.EmbeddedRedis;
import io.cti.platform.infrastructure.InfrastructurePlan.ExternalRedis;
import io.cti.platform.infrastructure.PlanConditions.OnEmbeddedRedis;
import io.cti.platform.infrastructure.PlanConditions.OnExternalRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Gives the application its Redis: a Lettuce {@link RedisClient} and the resolved {@link RedisEndpoint},
 * on the embedded Redis (append-only file in {@code <data-dir>/redis}) unless {@code cti.platform.redis.url}
 * names an external server; plus the {@code redis} health component. Wiring only.
 *
 * <p>Bean dependencies (client on endpoint on server) make Spring shut the client down before it stops
 * the embedded server when the context closes.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(OnEmbeddedRedis.class)
    EmbeddedRedisServer embeddedRedisServer(InfrastructurePlan plan) {
        EmbeddedRedis embedded = (EmbeddedRedis) plan.redis();
        if (embedded.wipe()) {
            log.info("Wiping the embedded Redis data in {} (cti.platform.wipe-data=true)", embedded.dataDirectory());
            DataFolders.wipe(embedded.dataDirectory());
        }
        long start = System.nanoTime();
        // persistent: streams and agent reservations must survive a restart of the platform
        EmbeddedRedisServer server = EmbeddedRedisServer.start(embedded.dataDirectory(), embedded.port(), true);
        log.info("Started the embedded Redis on port {} in {} ms", server.port(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return server;
    }

    @Bean
    @Conditional(OnEmbeddedRedis.class)
    RedisEndpoint embeddedRedisEndpoint(EmbeddedRedisServer server, InfrastructurePlan plan) {
        RedisEndpoint endpoint = new RedisEndpoint(server.uri(), true);
        log.info("Redis: embedded, data in {} (append-only file, kept between runs), at {}",
                ((EmbeddedRedis) plan.redis()).dataDirectory(), endpoint.uri());
        return endpoint;
    }

    @Bean
    @Conditional(OnExternalRedis.class)
    RedisEndpoint externalRedisEndpoint(InfrastructurePlan plan) {
        RedisEndpoint endpoint = new RedisEndpoint(((ExternalRedis) plan.redis()).uri(), false);
        log.info("Redis: external at {} (cti.platform.redis.url); no embedded server started", endpoint.redactedUri());
        return endpoint;
    }

    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient(RedisEndpoint endpoint) {
        return RedisClient.create(RedisURI.create(endpoint.uri()));
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(RedisClient redisClient, RedisEndpoint endpoint) {
        return new RedisHealthIndicator(redisClient, endpoint);
    }
}
