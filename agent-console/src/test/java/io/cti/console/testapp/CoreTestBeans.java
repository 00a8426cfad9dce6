package io.cti.console.testapp;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.console.push.QueueDay;
import io.cti.console.push.QueueDaySource;
import io.cti.core.bus.BusOptions;
import io.cti.core.bus.MessageBus;
import io.cti.core.bus.RedisStreamsBus;
import io.cti.core.customers.CustomerCards;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerHistory;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerValidator;
import io.cti.core.customers.FigureRules;
import io.cti.core.phone.PhoneNumberNormalizer;
import io.cti.core.testing.EmbeddedServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Wires cti-core's customer beans the way the platform does, on a fresh database of the shared embedded
 * PostgreSQL, with phone numbers read in the US and a clock fixed at {@link #NOW}, and an event bus on the shared
 * embedded Redis under a key prefix of its own. Stateless.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoreTestBeans {

    /** "Now" for every test: a Sunday morning, 15 June 2025, in UTC (the zone of customers without one). */
    public static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource() {
        return EmbeddedServers.shared().freshDatabase();
    }

    @Bean(destroyMethod = "close")
    MessageBus messageBus() {
        return RedisStreamsBus.connect(EmbeddedServers.shared().redisUri(),
                BusOptions.builder().streamPrefix("test-" + UUID.randomUUID() + ":").build(), new SimpleMeterRegistry());
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer() {
        return new PhoneNumberNormalizer("US");
    }

    @Bean
    CustomerFigures customerFigures(HikariDataSource dataSource, Clock clock) {
        return new CustomerFigures(dataSource, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), clock);
    }

    @Bean
    CustomerRepository customerRepository(HikariDataSource dataSource, CustomerFigures figures) {
        return new CustomerRepository(dataSource, figures);
    }

    @Bean
    CustomerHistory customerHistory(HikariDataSource dataSource, CustomerFigures figures) {
        return new CustomerHistory(dataSource, figures);
    }

    @Bean
    CustomerCards customerCards(CustomerRepository customers, CustomerHistory history, CustomerFigures figures,
                                Clock clock) {
        return new CustomerCards(customers, history, figures, clock);
    }

    @Bean
    CustomerValidator customerValidator(PhoneNumberNormalizer phones, Clock clock) {
        return new CustomerValidator(phones, clock);
    }

    /** The wallboard's day charts' source: the router's counts, as a fixed two-queue morning (see QueueDayApiTest). */
    @Bean
    QueueDaySource queueDaySource() {
        return now -> new QueueDay(LocalDate.ofInstant(now, ZoneOffset.UTC), "UTC", 15, List.of(
                new QueueDay.Queue("sales", List.of(
                        new QueueDay.Slot(now.truncatedTo(ChronoUnit.HOURS), 0, 0, 0, null),
                        new QueueDay.Slot(now.truncatedTo(ChronoUnit.HOURS).plusSeconds(900), 7, 5, 1, 0.5))),
                new QueueDay.Queue("support", List.of())));
    }
}
