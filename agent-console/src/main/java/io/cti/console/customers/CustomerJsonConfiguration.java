package io.cti.console.customers;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.DateTimeFeature;

/**
 * How the customer API's types travel as JSON on the application's (Spring Boot's) JsonMapper: dates as ISO
 * strings, {@code ZoneId} as its id (Jackson's default), phone numbers as E.164 strings, customer ids as
 * numbers, and unknown properties in request bodies refused. Stateless.
 */
@Configuration(proxyBeanMethods = false)
class CustomerJsonConfiguration {

    /** Spring Boot registers every {@link JacksonModule} bean with the JsonMapper it builds. */
    @Bean
    JacksonModule ctiCoreTypesJsonModule() {
        return new CoreTypesJsonModule();
    }

    @Bean
    JsonMapperBuilderCustomizer customerApiJsonRules() {
        // Jackson 3 and Boot 4 already write dates as ISO text; stated here because the console relies on it.
        return builder -> builder
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addHandler(new StrictDraftProperties());
    }
}
