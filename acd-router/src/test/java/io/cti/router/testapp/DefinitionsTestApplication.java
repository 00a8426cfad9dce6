package io.cti.router.testapp;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.testing.EmbeddedServers;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.FigureRules;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.router.queues.RouterSchema;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The smallest application the router's definition API runs in: a fresh database of the shared embedded
 * PostgreSQL, the customer database on it and a phone-number reader (as the platform has them), and the API itself
 * arriving through acd-router's auto-configurations exactly as in the platform (this package holds nothing else to
 * scan). Stateless.
 */
@SpringBootApplication
public class DefinitionsTestApplication {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
        return EmbeddedServers.shared().freshDatabase();
    }

    /** The customer database and the number reader, as the platform has them, for the callback API. */
    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer() {
        return new PhoneNumberNormalizer("US");
    }

    @Bean
    CustomerCards customerCards(DataSource dataSource, RouterSchema schema) {
        Clock clock = Clock.systemUTC();
        CustomerFigures figures = new CustomerFigures(dataSource, new FigureRules(113), clock);
        return new CustomerCards(new CustomerRepository(dataSource, figures), new CustomerHistory(dataSource, figures),
                figures, clock);
    }
}
