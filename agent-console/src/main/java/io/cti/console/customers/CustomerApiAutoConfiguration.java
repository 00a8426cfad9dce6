package io.cti.console.customers;

import io.cti.console.ConsoleException;
import io.cti.core.web.BodySizeLimitFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/**
 * Puts the customer REST API into any servlet web application that has agent-console on its classpath (listed
 * in META-INF/spring/...AutoConfiguration.imports, so the platform needs no component scan of this module). It
 * only injects the customer beans of cti-core (CustomerRepository, CustomerHistory, CustomerCards,
 * CustomerValidator, PhoneNumberNormalizer, Clock); the application wires those. Stateless.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({CustomerController.class, CustomerSearchController.class, CustomerHistoryController.class,
        CustomerApiErrors.class, CustomerApiRoutingErrors.class, CustomerJsonConfiguration.class})
public class CustomerApiAutoConfiguration {

    @Bean
    HistoryValidator customerHistoryValidator(Clock clock) {
        return new HistoryValidator(clock);
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> customerApiBodySizeLimit(JsonMapper json) {
        // A customer with every field full is well under the shared limit; the validator caps attributes at 16 KiB.
        int limit = BodySizeLimitFilter.LIMIT_BYTES;
        BodySizeLimitFilter filter = new BodySizeLimitFilter(limit,
                CustomerApiErrors.bodyOf(ConsoleException.payloadTooLarge(limit)), json);
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/customers/*");
        // Before anything that might read the body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
