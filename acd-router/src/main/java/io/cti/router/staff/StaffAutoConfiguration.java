package io.cti.router.staff;

import io.cti.router.queues.RouterApiAutoConfiguration;
import io.cti.router.queues.RouterSchema;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/**
 * Puts the stored agent profiles and reason codes into any application where {@link RouterApiAutoConfiguration}
 * has migrated the router's tables; in a servlet web application also their REST API under /api/agents and
 * /api/reason-codes (error handling, JSON rules and the body limit come from that auto-configuration). Stateless.
 */
@AutoConfiguration(after = RouterApiAutoConfiguration.class)
@ConditionalOnBean(RouterSchema.class)
public class StaffAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AgentRepository agentRepository(DataSource dataSource, RouterSchema schema) {
        return new AgentRepository(dataSource, schema);
    }

    @Bean
    @ConditionalOnMissingBean
    ReasonCodeRepository reasonCodeRepository(DataSource dataSource, RouterSchema schema) {
        return new ReasonCodeRepository(dataSource, schema);
    }

    @Bean
    @ConditionalOnMissingBean
    AgentValidator agentValidator() {
        return new AgentValidator();
    }

    @Bean
    @ConditionalOnMissingBean
    AgentCatalog agentCatalog(AgentRepository agents, AgentValidator validator) {
        return new AgentCatalog(agents, validator);
    }

    /** The HTTP edge, only where there is a servlet web server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({AgentController.class, ReasonCodeController.class})
    static class Web {
    }
}
