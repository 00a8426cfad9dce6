package io.cti.core.demo;

import io.cti.core.CoreException;
import io.cti.core.customers.CustomerBulkLoader;
import io.cti.core.customers.CustomerFigures;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Fills an empty customer database with demo customers on first start, then recomputes every customer's
 * figures. A database that already holds any customer is left alone, so restarts keep what users entered and
 * never load the demo twice. Processes starting together against one database take turns (a PostgreSQL
 * advisory lock), and only the first finds the table empty. Up to {@value #BATCH} customers are loaded in one
 * transaction: a smaller demo is there entirely or not at all. Thread-safe.
 */
public final class DemoSeeder {

    /** The seed of the demo set unless configured otherwise. */
    public static final long DEFAULT_SEED = 7L;

    static final int BATCH = 10_000;

    /** Advisory lock key of demo seeding ("DEMOSEED" in ASCII). */
    private static final long LOCK = 0x4445_4D4F_5345_4544L;

    /**
     * What {@link #seedIfEmpty} did: {@code loaded} with the loader's report (figures refreshed included), or
     * not, with the reason.
     */
    public record Outcome(boolean loaded, String reason, CustomerBulkLoader.Report report) {
    }

    private final DataSource dataSource;
    private final CustomerFigures figures;

    public DemoSeeder(DataSource dataSource, CustomerFigures figures) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.figures = Objects.requireNonNull(figures, "figures");
    }

    /**
     * Loads customers {@code 0..customers-1} of {@code new DemoCustomers(seed, today)} and refreshes all figures,
     * only if the customer table is empty.
     */
    public Outcome seedIfEmpty(int customers, long seed, LocalDate today) {
        if (customers <= 0) {
            return new Outcome(false, "no demo customers asked for", null);
        }
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            try (Statement statement = lock.createStatement()) {
                statement.execute("select pg_advisory_lock(" + LOCK + ")");
            }
            try {
                if (!isEmpty(lock)) {
                    return new Outcome(false, "the customer table already holds customers", null);
                }
                CustomerBulkLoader loader = new CustomerBulkLoader(dataSource,
                        new CustomerBulkLoader.Options(Math.min(customers, BATCH), 1, true));
                CustomerBulkLoader.Report report = loader.loadAndRefresh(new DemoCustomers(seed, today).stream(customers), figures);
                return new Outcome(true, "the customer table was empty", report);
            } finally {
                try (Statement statement = lock.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw CoreException.database("loading the demo customers", e);
        }
    }

    /** Whether the customer table holds no customer at all. */
    public boolean customerTableIsEmpty() {
        try (Connection connection = dataSource.getConnection()) {
            return isEmpty(connection);
        } catch (SQLException e) {
            throw CoreException.database("checking whether the customer table is empty", e);
        }
    }

    private static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select not exists (select 1 from customer)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
