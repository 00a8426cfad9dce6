package io.cti.platform.demo;

import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.demo.DemoSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

import java.time.Clock;
import java.time.LocalDate;

/**
 * On start, fills an empty customer database with the demo customers and recomputes every customer's figures,
 * then logs how many were loaded and how long it took. A database holding any customer is left alone. A failed
 * load is logged and does not stop the platform: the demo is a convenience, not a duty. Runs once per start.
 */
final class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoSeeder seeder;
    private final DemoDataProperties properties;
    private final Clock clock;

    DemoDataLoader(DemoSeeder seeder, DemoDataProperties properties, Clock clock) {
        this.seeder = seeder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            DemoSeeder.Outcome outcome = seeder.seedIfEmpty(properties.customers(), properties.seed(), LocalDate.now(clock));
            if (!outcome.loaded()) {
                log.info("Demo customers not loaded: {} (cti.platform.demo)", outcome.reason());
                return;
            }
            CustomerBulkLoader.Report r = outcome.report();
            log.info("Loaded {} demo customers (seed {}) in {} ms: {} phones, {} purchases, {} interactions, {} service"
                            + " requests, {} satisfaction scores, {} campaign entries, {} planned contacts; figures of {}"
                            + " customers refreshed in {} ms",
                    r.customers(), properties.seed(), r.loadTime().toMillis(), r.phones(), r.purchases(), r.interactions(),
                    r.serviceRequests(), r.satisfactionScores(), r.campaigns(), r.carePlanContacts(), r.figuresRefreshed(),
                    r.refreshTime().toMillis());
        } catch (RuntimeException e) {
            log.error("Loading the demo customers failed; the platform runs on without them", e);
        }
    }
}
