package io.cti.router.queues;

import io.cti.core.web.BodySizeLimitFilter;
import io.cti.router.RouterException;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import javax.sql.DataSource;

/**
 * Puts the router's stored queue definitions into any application that has a {@code DataSource} and acd-router
 * on its classpath (listed in META-INF/spring/...AutoConfiguration.imports): migrates the router's tables once
 * ({@link RouterSchema}), then the repository and catalog; in a servlet web application also the REST API
 * under /api/queues and the error handling, JSON rules and body limit shared with /api/agents and
 * /api/reason-codes (see io.cti.router.staff.StaffAutoConfiguration). Stateless.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class RouterApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RouterSchema routerSchema(DataSource dataSource) {
        return RouterSchema.migrate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    QueueRepository queueRepository(DataSource dataSource, RouterSchema schema) {
        return new QueueRepository(dataSource, schema);
    }

    @Bean
    @ConditionalOnMissingBean
    QueueValidator queueValidator() {
        return new QueueValidator();
    }

    @Bean
    @ConditionalOnMissingBean
    QueueCatalog queueCatalog(QueueRepository queues, QueueValidator validator) {
        return new QueueCatalog(queues, validator);
    }

    /** The HTTP edge, only where there is a servlet web server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({QueueController.class, RouterApiErrors.class})
    static class Web {

        @Bean
        UnroutedRequests routerApiUnroutedRequests() {
            return new UnroutedRequests();
        }

        @Bean
        JsonMapperBuilderCustomizer routerApiStrictDrafts() {
            return builder -> builder.addHandler(new StrictDraftProperties());
        }

        @Bean
        FilterRegistrationBean<BodySizeLimitFilter> routerApiBodySizeLimit() {
            // The customer API's limit too; a queue with every list full (20 skills, 10 overflow steps) is a few KiB.
            int limit = BodySizeLimitFilter.LIMIT_BYTES;
            BodySizeLimitFilter filter = new BodySizeLimitFilter(limit,
                    RouterApiErrors.bodyOf(RouterException.payloadTooLarge(limit)), RouterApiErrors.JSON);
            FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
            UnroutedRequests.ROOTS.forEach(root -> registration.addUrlPatterns(root + "/*"));
            // Before anything that might read the body.
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }
}
