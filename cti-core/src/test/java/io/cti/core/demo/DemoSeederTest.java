package io.cti.core.demo;

import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.customers.CustomerFigures;
import io.cti.core.customers.CustomerKind;
import io.cti.core.customers.CustomerPhone;
import io.cti.core.customers.CustomerProfile;
import io.cti.core.customers.CustomerRepository;
import io.cti.core.customers.CustomerType;
import io.cti.core.customers.FigureRules;
import io.cti.core.customers.PhoneLabel;
import io.cti.core.phone.PhoneNumber;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The "only when the customer table is empty" rule of the demo data, against a real PostgreSQL. */
@Timeout(120)
class DemoSeederTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private HikariDataSource database;
    private JdbcClient jdbc;
    private CustomerFigures figures;
    private DemoSeeder seeder;

    @BeforeEach
    void database() {
        database = EmbeddedServers.shared().freshDatabase();
        jdbc = JdbcClient.create(database);
        figures = new CustomerFigures(database, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS),
                Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC")));
        seeder = new DemoSeeder(database, figures);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void loadsTheDemoIntoAnEmptyDatabaseOnceWithFigures() {
        assertThat(seeder.customerTableIsEmpty()).isTrue();

        DemoSeeder.Outcome first = seeder.seedIfEmpty(300, 5, TODAY);

        assertThat(first.loaded()).isTrue();
        assertThat(first.report().customers()).isEqualTo(300);
        assertThat(first.report().figuresRefreshed()).isEqualTo(300);
        assertThat(count("customer")).isEqualTo(300);
        assertThat(count("customer_figures")).isEqualTo(300);
        assertThat(figures.breakpoints().isEmpty()).isFalse();

        // a restart finds the customers and leaves them alone
        DemoSeeder.Outcome again = seeder.seedIfEmpty(300, 5, TODAY);

        assertThat(again.loaded()).isFalse();
        assertThat(again.reason()).contains("already holds customers");
        assertThat(count("customer")).isEqualTo(300);
    }

    @Test
    void leavesADatabaseWithTheUsersOwnCustomersAlone() {
        new CustomerRepository(database, figures).create(new CustomerProfile(CustomerKind.INDIVIDUAL, CustomerType.CURRENT,
                "张伟", null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(new CustomerPhone(new PhoneNumber("+8613812345678"), PhoneLabel.MOBILE, true)), Map.of()));

        DemoSeeder.Outcome outcome = seeder.seedIfEmpty(300, 5, TODAY);

        assertThat(outcome.loaded()).isFalse();
        assertThat(count("customer")).isEqualTo(1);
    }

    @Test
    void processesStartingTogetherLoadTheDemoOnce() {
        CompletableFuture<DemoSeeder.Outcome> one = CompletableFuture.supplyAsync(() -> seeder.seedIfEmpty(200, 5, TODAY));
        CompletableFuture<DemoSeeder.Outcome> two = CompletableFuture.supplyAsync(
                () -> new DemoSeeder(database, figures).seedIfEmpty(200, 5, TODAY));

        assertThat(List.of(one.join().loaded(), two.join().loaded())).containsExactlyInAnyOrder(true, false);
        assertThat(count("customer")).isEqualTo(200);
    }

    @Test
    void zeroCustomersLoadsNothing() {
        assertThat(seeder.seedIfEmpty(0, 5, TODAY).loaded()).isFalse();
        assertThat(seeder.customerTableIsEmpty()).isTrue();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
