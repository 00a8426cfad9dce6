package io.cti.platform.customers;

import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerValidator;
import io.cti.core.customers.FigureRules;
import io.cti.core.phone.PhoneNumberNormalizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.ZoneId;

/** Wires the customer database of cti-core (plain Java) into the application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomerDatabaseProperties.class)
@EnableScheduling
class CustomerDatabaseConfiguration {

    @Bean
    Clock clock(CustomerDatabaseProperties properties) {
        return Clock.system(ZoneId.of(properties.zone()));
    }

    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer(CustomerDatabaseProperties properties) {
        return new PhoneNumberNormalizer(properties.defaultRegion());
    }

    @Bean
    CustomerFigures customerFigures(DataSource dataSource, CustomerDatabaseProperties properties, Clock clock) {
        return new CustomerFigures(dataSource, new FigureRules(properties.churnDays()), clock);
    }

    @Bean
    CustomerRepository customerRepository(DataSource dataSource, CustomerFigures figures) {
        return new CustomerRepository(dataSource, figures);
    }

    @Bean
    CustomerHistory customerHistory(DataSource dataSource, CustomerFigures figures) {
        return new CustomerHistory(dataSource, figures);
    }

    @Bean
    CustomerCards customerCards(CustomerRepository customers, CustomerHistory history, CustomerFigures figures, Clock clock) {
        return new CustomerCards(customers, history, figures, clock);
    }

    @Bean
    CustomerValidator customerValidator(PhoneNumberNormalizer phones, Clock clock) {
        return new CustomerValidator(phones, clock);
    }
}
