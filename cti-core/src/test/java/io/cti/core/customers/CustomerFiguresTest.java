package io.cti.core.customers;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import io.cti.core.testing.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.cti.core.customers.CustomerFixtures.individual;
import static io.cti.core.customers.CustomerFixtures.mobile;
import static io.cti.core.customers.CustomerFixtures.newNumber;
import static io.cti.core.customers.CustomerFixtures.onCredit;
import static io.cti.core.customers.CustomerFixtures.paid;
import static io.cti.core.customers.CustomerFixtures.refreshAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomerFiguresTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneId.of("UTC"));
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    /** Single-customer behaviour: no full refresh ever runs in this database, so breakpoints stay NONE. */
    private static HikariDataSource database;
    private static CustomerFigures figures;
    private static CustomerHistory history;
    private static CustomerRepository customers;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        database = EmbeddedServers.shared().freshDatabase();
        figures = new CustomerFigures(database, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
        history = new CustomerHistory(database, figures);
        customers = new CustomerRepository(database, figures);
        jdbc = JdbcClient.create(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void addingAPurchaseRefreshesThatCustomersFigures() {
        CustomerId id = newCustomer();

        history.addPurchase(id, paid(TODAY.minusDays(40), "120.00"));
        history.addPurchase(id, paid(TODAY.minusDays(10), "80.50"));

        DerivedFigures f = figures.find(id).orElseThrow();
        assertThat(f.purchaseCount()).isEqualTo(2);
        assertThat(f.monetary()).isEqualByComparingTo("200.50");
        assertThat(f.firstPurchaseOn()).isEqualTo(TODAY.minusDays(40));
        assertThat(f.lastPurchaseOn()).isEqualTo(TODAY.minusDays(10));
        assertThat(f.recencyDays()).isEqualTo(10);
        assertThat(f.purchaseCycleDays()).isEqualByComparingTo("30");
        assertThat(f.computedOn()).isEqualTo(TODAY);
    }

    @Test
    void aPurchaseWhoseFiguresCannotBeWrittenIsNotWrittenEither() throws SQLException {
        CustomerId id = newCustomer();
        execute("""
                create or replace function refuse_figures_of_%1$d() returns trigger language plpgsql as $$
                begin
                    if new.customer_id = %1$d then raise exception 'figures refused for the test'; end if;
                    return new;
                end $$""".formatted(id.value()));
        execute("create trigger refuse_figures_%1$d before insert or update on customer_figures for each row execute function refuse_figures_of_%1$d()"
                .formatted(id.value()));
        try {
            Throwable failure = catchThrowable(() -> history.addPurchase(id, paid(TODAY, "99.00")));

            assertThat(failure).isNotNull();
            assertThat(count("select count(*) from purchase where customer_id = " + id.value())).isZero();
        } finally {
            execute("drop trigger refuse_figures_%1$d on customer_figures".formatted(id.value()));
        }
    }

    @Test
    void anOverdueUnpaidPurchaseFlagsCreditAndPayingItClearsTheFlag() {
        CustomerId id = newCustomer();
        long purchase = history.addPurchase(id, onCredit(TODAY.minusDays(45), "300.00", TODAY.minusDays(15)));

        DerivedFigures owing = figures.find(id).orElseThrow();
        assertThat(owing.creditFlag()).isTrue();
        assertThat(owing.overdueAmount()).isEqualByComparingTo("300.00");

        history.markPaid(id, purchase, TODAY);

        DerivedFigures paidUp = figures.find(id).orElseThrow();
        assertThat(paidUp.creditFlag()).isFalse();
        assertThat(paidUp.overdueAmount()).isEqualByComparingTo("0");
    }

    @Test
    void anUnpaidPurchaseNotYetDueDoesNotFlagCredit() {
        CustomerId id = newCustomer();

        history.addPurchase(id, onCredit(TODAY.minusDays(5), "300.00", TODAY));

        assertThat(figures.find(id).orElseThrow().creditFlag()).isFalse();
    }

    @Test
    void markingAnotherCustomersPurchasePaidIsRefusedAndChangesNothing() {
        CustomerId owner = newCustomer();
        CustomerId other = newCustomer();
        long purchase = history.addPurchase(owner, onCredit(TODAY.minusDays(45), "300.00", TODAY.minusDays(15)));

        CoreException e = catchThrowableOfType(() -> history.markPaid(other, purchase, TODAY), CoreException.class);

        assertThat(e.errorId()).isEqualTo("no-such-record");
        assertThat(figures.find(owner).orElseThrow().creditFlag()).isTrue();
    }

    @Test
    void noPurchaseFor114DaysRaisesAChurnWarning() {
        CustomerId id = newCustomer();

        history.addPurchase(id, paid(TODAY.minusDays(114), "50.00"));

        DerivedFigures f = figures.find(id).orElseThrow();
        assertThat(f.churnWarning()).isTrue();
        assertThat(f.churnReason()).contains("114");
    }

    @Test
    void noPurchaseFor113DaysRaisesNoChurnWarning() {
        CustomerId id = newCustomer();

        history.addPurchase(id, paid(TODAY.minusDays(113), "50.00"));

        assertThat(figures.find(id).orElseThrow().churnWarning()).isFalse();
    }

    @Test
    void theChurnThresholdComesFromTheConfiguredRules() {
        CustomerFigures strict = new CustomerFigures(database, new FigureRules(30), CLOCK);
        CustomerId id = newCustomer();
        new CustomerHistory(database, strict).addPurchase(id, paid(TODAY.minusDays(31), "50.00"));

        assertThat(figures.find(id).orElseThrow().churnWarning()).isTrue();
        assertThat(figures.refresh(id).churnWarning()).as("default 113 days").isFalse();
    }

    @Test
    void aGapOfMoreThanTwiceTheCustomersOwnCycleRaisesAChurnWarning() {
        CustomerId id = newCustomer();
        for (int daysAgo : new int[] {81, 71, 61, 51}) {
            history.addPurchase(id, paid(TODAY.minusDays(daysAgo), "20.00"));
        }

        DerivedFigures f = figures.find(id).orElseThrow();
        assertThat(f.purchaseCycleDays()).isEqualByComparingTo("10");
        assertThat(f.churnWarning()).isTrue();
        assertThat(f.churnReason()).contains("twice");
    }

    @Test
    void aGapWithinTwiceTheCustomersOwnCycleRaisesNoChurnWarning() {
        CustomerId id = newCustomer();
        for (int daysAgo : new int[] {50, 40, 30, 20}) {
            history.addPurchase(id, paid(TODAY.minusDays(daysAgo), "20.00"));
        }

        assertThat(figures.find(id).orElseThrow().churnWarning()).isFalse();
    }

    @Test
    void satisfactionScoresKeepTheAverageCurrent() {
        CustomerId id = newCustomer();

        history.recordSatisfaction(id, 5, null, CLOCK.instant(), "great");
        history.recordSatisfaction(id, 2, null, CLOCK.instant(), null);

        assertThat(figures.find(id).orElseThrow().averageSatisfaction()).isEqualByComparingTo("3.50");
    }

    @Test
    void aPurchaseForANonExistentCustomerWritesNothing() {
        int purchases = count("select count(*) from purchase");
        int figureRows = count("select count(*) from customer_figures");

        CoreException e = catchThrowableOfType(() -> history.addPurchase(CustomerId.of(987_654_321), paid(TODAY, "10.00")),
                CoreException.class);

        assertThat(e.errorId()).isEqualTo("no-such-customer");
        assertThat(count("select count(*) from purchase")).isEqualTo(purchases);
        assertThat(count("select count(*) from customer_figures")).isEqualTo(figureRows);
    }

    @Test
    void refreshingANonExistentCustomerIsRefused() {
        CoreException e = catchThrowableOfType(() -> figures.refresh(CustomerId.of(987_654_321)), CoreException.class);

        assertThat(e.errorId()).isEqualTo("no-such-customer");
    }

    @Test
    void aLostCustomersLifetimeValueIsWhatTheySpent() {
        CustomerId id = customers.create(individual("Lost Buyer", CustomerType.LOST));
        history.addPurchase(id, paid(TODAY.minusDays(20), "100.00"));
        history.addPurchase(id, paid(TODAY.minusDays(10), "100.00"));

        assertThat(figures.find(id).orElseThrow().lifetimeValue()).isEqualByComparingTo("200.00");
    }

    @Test
    void markingACustomerLostRefreshesTheirFigures() {
        CustomerProfile profile = individual("Soon Lost", mobile(newNumber(), true));
        CustomerId id = customers.create(profile);
        history.addPurchase(id, paid(TODAY.minusDays(20), "100.00"));
        history.addPurchase(id, paid(TODAY.minusDays(10), "100.00"));
        assertThat(figures.find(id).orElseThrow().lifetimeValue()).isGreaterThan(new BigDecimal("200.00"));

        customers.update(id, CustomerFixtures.withType(profile, CustomerType.LOST), 0);

        assertThat(figures.find(id).orElseThrow().lifetimeValue()).isEqualByComparingTo("200.00");
    }

    private static CustomerId newCustomer() {
        return customers.create(individual("Figure Tester", mobile(newNumber(), true)));
    }

    private static int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = database.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A full refresh over 200 customers (and 20 who never bought) whose spending follows a Pareto-like curve,
     * in a database of its own.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FullRefresh {

        private static final int BUYERS = 200;

        private HikariDataSource db;
        private CustomerFigures all;
        private CustomerHistory dbHistory;
        private CustomerRepository dbCustomers;
        private JdbcClient dbJdbc;
        private List<CustomerId> buyers;
        private List<CustomerId> nonBuyers;
        private int refreshed;
        private Breakpoints stored;

        @BeforeAll
        void population() {
            db = EmbeddedServers.shared().freshDatabase();
            all = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
            dbHistory = new CustomerHistory(db, all);
            dbCustomers = new CustomerRepository(db, all);
            dbJdbc = JdbcClient.create(db);
            buyers = insertCustomers(BUYERS);
            nonBuyers = insertCustomers(20);
            List<Object[]> purchases = new ArrayList<>();
            for (int i = 0; i < BUYERS; i++) {
                // rank i: Pareto-like total spending, 1..20 purchases, last purchase 0..199 days ago, all spread independently
                int count = 1 + (i * 7) % 20;
                int lastDaysAgo = (i * 37) % BUYERS;
                BigDecimal total = BigDecimal.valueOf(100_000.0 / Math.pow(i + 1, 1.2)).setScale(2, java.math.RoundingMode.HALF_UP);
                BigDecimal each = total.divide(BigDecimal.valueOf(count), 2, java.math.RoundingMode.DOWN);
                for (int p = 0; p < count; p++) {
                    purchases.add(new Object[] {buyers.get(i).value(), java.sql.Date.valueOf(TODAY.minusDays(lastDaysAgo + 3L * p)), each});
                }
            }
            try (Connection c = db.getConnection(); var insert = c.prepareStatement(
                    "insert into purchase (customer_id, purchased_on, product, amount) values (?, ?, 'bulk', ?)")) {
                for (Object[] row : purchases) {
                    insert.setLong(1, (Long) row[0]);
                    insert.setDate(2, (java.sql.Date) row[1]);
                    insert.setBigDecimal(3, (BigDecimal) row[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            refreshed = refreshAll(all);
            stored = all.breakpoints();
        }

        @AfterAll
        void close() {
            db.close();
        }

        private List<CustomerId> insertCustomers(int n) {
            return dbJdbc.sql("""
                            insert into customer (kind, type, name) select 'INDIVIDUAL', 'CURRENT', 'Bulk ' || g
                            from generate_series(1, ?) g returning id""")
                    .param(n).query(Long.class).list().stream().map(CustomerId::of).toList();
        }

        @Test
        void refreshAllRewritesEveryCustomersFigures() {
            assertThat(refreshed).isEqualTo(BUYERS + 20);
            // these customers were inserted with SQL, so only the full refresh can have written their figures
            assertThat(buyers).allSatisfy(id -> assertThat(all.find(id)).get().extracting(DerivedFigures::computedOn).isEqualTo(TODAY));
            assertThat(nonBuyers).allSatisfy(id -> assertThat(all.find(id)).isPresent());
        }

        @Test
        void aboutOneBuyerInFiveIsTopValue() {
            long top = buyers.stream().filter(id -> all.find(id).orElseThrow().topValue()).count();

            assertThat(top).isBetween(38L, 42L);
            assertThat(stored.customersScored()).isEqualTo(BUYERS);
        }

        @Test
        void theTopValueBuyersAreTheBiggestSpenders() {
            List<DerivedFigures> ranked = buyers.stream().map(id -> all.find(id).orElseThrow())
                    .sorted(Comparator.comparing(DerivedFigures::monetary).reversed()).toList();
            BigDecimal total = ranked.stream().map(DerivedFigures::monetary).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal topShare = ranked.stream().filter(DerivedFigures::topValue).map(DerivedFigures::monetary)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);

            int topCount = (int) ranked.stream().filter(DerivedFigures::topValue).count();
            assertThat(ranked.subList(0, topCount)).allMatch(DerivedFigures::topValue);
            assertThat(topShare.divide(total, 2, java.math.RoundingMode.HALF_UP)).isGreaterThan(new BigDecimal("0.60"));
        }

        @Test
        void everyRecencyFrequencyAndMonetaryScoreIsUsed() {
            List<DerivedFigures> scored = buyers.stream().map(id -> all.find(id).orElseThrow()).toList();

            assertThat(scored.stream().map(DerivedFigures::recencyScore).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(scored.stream().map(DerivedFigures::frequencyScore).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            assertThat(scored.stream().map(DerivedFigures::monetaryScore).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
            Map<Integer, Long> mScores = scored.stream().collect(Collectors.groupingBy(DerivedFigures::monetaryScore, Collectors.counting()));
            assertThat(mScores.values()).as("quintiles of distinct amounts hold a fifth each").allMatch(n -> n == BUYERS / 5);
        }

        @Test
        void customersWhoNeverBoughtGetNoScoresAndGradeD() {
            assertThat(nonBuyers).allSatisfy(id -> {
                DerivedFigures f = all.find(id).orElseThrow();
                assertThat(f.rfm()).isEmpty();
                assertThat(f.grade()).isEqualTo(Grade.D);
                assertThat(f.topValue()).isFalse();
            });
        }

        @Test
        void theStoredBreakpointsAreTheQuintilesOfTheBuyers() {
            assertThat(stored.recencyCuts()).isSorted().hasSize(4);
            assertThat(stored.frequencyCuts()).isSorted().hasSize(4);
            assertThat(stored.monetaryCuts()).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(stored.computedAt()).isEqualTo(CLOCK.instant());
            List<Integer> recencies = buyers.stream().map(id -> all.find(id).orElseThrow().recencyDays()).sorted().toList();
            assertThat(stored.recencyCuts()).containsExactly(recencies.get(39), recencies.get(79), recencies.get(119),
                    recencies.get(159));
        }

        @Test
        void everyFigureWrittenByTheFullRefreshIsWhatTheRulesGiveWithTheNewBreakpoints() {
            FigureRules rules = new FigureRules(FigureRules.DEFAULT_CHURN_DAYS);
            for (CustomerId id : buyers.subList(0, 20)) {
                DerivedFigures f = all.find(id).orElseThrow();
                PurchaseHistory h = new PurchaseHistory(CustomerType.CURRENT, f.purchaseCount(), f.monetary(),
                        f.firstPurchaseOn(), f.lastPurchaseOn(), BigDecimal.ZERO, null);
                assertThat(f).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                        .isEqualTo(rules.derive(h, stored, TODAY));
            }
        }

        @Test
        void aSingleRefreshAfterTheFullRefreshScoresAgainstTheStoredBreakpoints() {
            CustomerId newcomer = dbCustomers.create(individual("Newcomer", mobile(newNumber(), true)));

            dbHistory.addPurchase(newcomer, paid(TODAY, "1.00"));

            DerivedFigures f = all.find(newcomer).orElseThrow();
            assertThat(all.breakpoints()).isEqualTo(stored);
            // one small purchase today: most recent (R 5), fewest purchases (F 1), least spent (M 1)
            assertThat(f.rfm()).isEqualTo("511");
            assertThat(f.topValue()).isFalse();
        }
    }

    /** Ten buyers who each spent a different amount, in a database of its own. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ValueRank {

        private HikariDataSource db;

        @BeforeAll
        void database() {
            db = EmbeddedServers.shared().freshDatabase();
        }

        @AfterAll
        void close() {
            db.close();
        }

        @Test
        void exactlyTheTopFifthOfTenBuyersIsTopValue() {
            CustomerFigures figs = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
            CustomerRepository repo = new CustomerRepository(db, figs);
            CustomerHistory hist = new CustomerHistory(db, figs);
            List<CustomerId> ids = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                CustomerId id = repo.create(individual("Spender " + i, mobile(newNumber(), true)));
                hist.addPurchase(id, paid(TODAY.minusDays(i), i + "00.00"));
                ids.add(id);
            }

            refreshAll(figs);

            assertThat(ids.stream().filter(id -> figs.find(id).orElseThrow().topValue()).toList())
                    .containsExactlyInAnyOrder(ids.get(8), ids.get(9));
        }
    }

    /** A purchase recorded while a full refresh is running, in a database of its own. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DuringAFullRefresh {

        private HikariDataSource db;

        @BeforeAll
        void database() {
            db = EmbeddedServers.shared().freshDatabase();
        }

        @AfterAll
        void close() {
            db.close();
        }

        @Test
        void aPurchaseRecordedWhileAFullRefreshRunsIsNotOverwrittenByIt() throws Exception {
            CustomerFigures figs = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
            CustomerRepository repo = new CustomerRepository(db, figs);
            CustomerHistory hist = new CustomerHistory(db, figs);
            CustomerId id = repo.create(individual("Busy Buyer", mobile(newNumber(), true)));
            hist.addPurchase(id, paid(TODAY.minusDays(30), "100.00"));
            // The full refresh's final write into customer_figures waits a second, after it has read every history.
            try (Connection c = db.getConnection(); var s = c.createStatement()) {
                s.execute("""
                        create function slow_full_refresh() returns trigger language plpgsql as $$
                        begin
                            if current_setting('application_name') = 'full-refresh' then perform pg_sleep(1.5); end if;
                            return null;
                        end $$""");
                s.execute("create trigger slow_full_refresh before insert on customer_figures for each statement "
                        + "execute function slow_full_refresh()");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.getJdbcUrl());
            config.setUsername(db.getUsername());
            config.setMaximumPoolSize(2);
            config.addDataSourceProperty("ApplicationName", "full-refresh");
            try (HikariDataSource refresherPool = new HikariDataSource(config)) {
                CustomerFigures refresher = new CustomerFigures(refresherPool, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
                CustomerFixtures.RunningRefresh full = CustomerFixtures.refreshAllAsync(refresher);
                awaitSleepingRefresh(full);

                hist.addPurchase(id, paid(TODAY, "50.00"));
                full.join(CustomerFixtures.FULL_REFRESH_LIMIT);
            }

            DerivedFigures f = figs.find(id).orElseThrow();
            assertThat(f.purchaseCount()).isEqualTo(2);
            assertThat(f.monetary()).isEqualByComparingTo("150.00");
            assertThat(f.lastPurchaseOn()).isEqualTo(TODAY);
        }

        @Test
        void aFullRefreshWhileAnotherIsRunningIsSkippedAndWritesNothing() throws Exception {
            CustomerFigures figs = new CustomerFigures(db, new FigureRules(FigureRules.DEFAULT_CHURN_DAYS), CLOCK);
            Breakpoints before = figs.breakpoints();
            long figuresLock = 0x4649_4755_5245_53L; // "FIGURES": the key CustomerFigures documents for its full refresh
            try (Connection other = db.getConnection(); var s = other.createStatement()) {
                s.execute("select pg_advisory_lock(" + figuresLock + ")");
                try {
                    assertThat(refreshAll(figs)).isEqualTo(-1);
                } finally {
                    s.execute("select pg_advisory_unlock(" + figuresLock + ")");
                }
            }

            assertThat(figs.breakpoints()).isEqualTo(before);
        }

        private void awaitSleepingRefresh(CustomerFixtures.RunningRefresh full) throws Exception {
            long deadline = System.nanoTime() + CustomerFixtures.FULL_REFRESH_LIMIT.toNanos();
            JdbcClient watch = JdbcClient.create(db);
            while (System.nanoTime() < deadline) {
                if (full.result().isDone()) {
                    full.join(CustomerFixtures.FULL_REFRESH_LIMIT);
                    throw new AssertionError("the full refresh ended without writing the figures");
                }
                boolean sleeping = watch.sql("select exists(select 1 from pg_stat_activity where application_name = "
                        + "'full-refresh' and wait_event = 'PgSleep')").query(Boolean.class).single();
                if (sleeping) {
                    return;
                }
                Thread.sleep(20);
            }
            full.thread().interrupt();
            throw new AssertionError("the full refresh never reached its final write within "
                    + CustomerFixtures.FULL_REFRESH_LIMIT + ": it is stuck");
        }
    }
}
