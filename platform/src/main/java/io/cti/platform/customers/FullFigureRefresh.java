package io.cti.platform.customers;

import io.cti.core.customers.CustomerFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes every customer's figures and the RFM breakpoints on a fixed interval, since recency and churn
 * warnings change with the calendar even when nothing is written. Several platform processes may run it: the
 * database lets only one at a time proceed. Thread-safe.
 */
@Component
class FullFigureRefresh {

    private static final Logger log = LoggerFactory.getLogger(FullFigureRefresh.class);

    private final CustomerFigures figures;

    FullFigureRefresh(CustomerFigures figures) {
        this.figures = figures;
    }

    @Scheduled(initialDelayString = "${cti.core.customers.full-refresh-interval:1h}",
            fixedDelayString = "${cti.core.customers.full-refresh-interval:1h}")
    void run() {
        try {
            long started = System.nanoTime();
            int refreshed = figures.refreshAll();
            if (refreshed >= 0) {
                log.info("Refreshed derived figures of {} customers in {} ms", refreshed, (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Skipped the full figure refresh: another process is running it");
            }
        } catch (RuntimeException e) {
            // Keep the schedule alive: the next run may succeed (e.g. after a database restart).
            log.error("Full refresh of derived figures failed; will retry in the next interval", e);
        }
    }
}
