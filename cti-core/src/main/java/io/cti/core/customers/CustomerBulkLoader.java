package io.cti.core.customers;

import io.cti.core.CoreException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Loads many customers with their whole history into PostgreSQL fast, with COPY: customers, phones, purchases,
 * interactions, service requests, satisfaction scores, campaign participation and care-plan contacts.
 *
 * <p>Customers are taken from the source in batches, a customer's rows always in the same batch as the
 * customer. Customer and interaction ids are taken from their identity sequences in blocks before the COPY (COPY
 * writes the given ids into identity columns), so loads run safely beside other writers and a later load
 * continues the ids. Where the database role allows it, PostgreSQL's row-by-row foreign-key checks are skipped
 * for these rows, whose references the loader makes itself ({@link Options#trustReferences()}). A load runs in
 * one of two ways:
 * <ul>
 *   <li><b>Into empty tables</b> ({@link Options#rebuildIndexesWhenEmpty()}, and every table the loader writes
 *       is empty): the whole load is one transaction on one connection, which locks those tables, drops their
 *       secondary indexes (the unique index on phone numbers included), copies every batch, builds the indexes
 *       again and commits. It is all or nothing: any failure, a number given twice in the load, or a crash,
 *       rolls back to empty tables with every index in place. Batches are still encoded on several threads
 *       ({@link Options#writers()}) while one is sent. Other sessions wait for the tables until it commits.</li>
 *   <li><b>Otherwise</b>, each batch is written in its own transaction on its own connection, several at once:
 *       a failure never leaves a half-written customer: batches already committed stay (with several writers,
 *       that may include one written at the same time as the failing one), the failing one leaves nothing, and
 *       no batch is started after it.</li>
 * </ul>
 *
 * <p>Derived figures are not computed per customer: call {@link #loadAndRefresh} to have all of them
 * recomputed once at the end, or run {@link CustomerFigures#refreshAll()} later (cards recompute a customer's
 * figures on demand until then). Thread-safe; each call is independent.
 */
public final class CustomerBulkLoader {

    /** A customer to load, with everything recorded about them. Lists are written in their order. */
    public interface Source {
        CustomerProfile profile();

        List<Purchase> purchases();

        List<Interaction> interactions();

        List<ServiceRequest> serviceRequests();

        List<Score> satisfactionScores();

        List<Campaign> campaigns();

        List<CarePlanContact> carePlan();
    }

    /**
     * A satisfaction score (1-5), given after the interaction at position {@code interaction} of the customer's
     * {@link Source#interactions()} (-1: not after a particular contact). Immutable.
     */
    public record Score(int score, Instant recordedAt, String comment, int interaction) {
        public Score {
            Objects.requireNonNull(recordedAt, "recordedAt");
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("satisfaction score must be 1-5: " + score);
            }
            if (interaction < -1) {
                throw new IllegalArgumentException("interaction position must be -1 or an index: " + interaction);
            }
        }
    }

    /** A campaign the customer took part in, the day they joined it, and how they responded. Immutable. */
    public record Campaign(String campaign, LocalDate joinedOn, String response) {
        public Campaign {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(joinedOn, "joinedOn");
        }
    }

    /**
     * @param batchSize               customers per transaction (per COPY, when the load is one transaction)
     * @param writers                 batches written at once, each on its own connection (the pool must have
     *                                that many free besides one for the id sequences); into empty tables, batches
     *                                encoded at once while one connection sends them
     * @param trustReferences         skip PostgreSQL's row-by-row foreign-key checks for the rows the loader
     *                                writes, where the database role may ({@code session_replication_role =
     *                                replica} for the batch's transaction: a superuser, or a role granted SET on
     *                                that parameter). Safe for these rows because the loader makes every
     *                                reference itself: each row points at a customer (or an interaction) written
     *                                in the same transaction. It also keeps insert triggers from firing on these
     *                                rows; the schema has none. The checks are about half of the database's work
     *                                in a load.
     * @param rebuildIndexesWhenEmpty when every table the loader writes is empty, load in one transaction with
     *                                the secondary indexes dropped and built again at the end (see the class
     *                                comment): a first load is then all or nothing, and the database spends less
     *                                CPU on it (building an index at once is cheaper than keeping it current row
     *                                by row), but one connection does all its writing, so with several writers
     *                                it is not faster on a machine of few cores (bench/RESULTS.md)
     */
    public record Options(int batchSize, int writers, boolean trustReferences, boolean rebuildIndexesWhenEmpty) {
        public static final Options DEFAULTS = new Options(5_000, 2, true, false);

        public Options {
            if (batchSize < 1 || writers < 1) {
                throw new IllegalArgumentException("batch size and writers must be at least 1: " + batchSize + ", " + writers);
            }
        }

        /** Batches in their own transactions, even into empty tables: what is committed stays if a later batch fails. */
        public Options(int batchSize, int writers, boolean trustReferences) {
            this(batchSize, writers, trustReferences, false);
        }
    }

    /**
     * What a load wrote. {@code firstCustomerId}/{@code lastCustomerId} are the lowest and highest ids given (0
     * when nothing was loaded); {@code referenceChecksSkipped} tells whether {@link Options#trustReferences()}
     * took effect; {@code indexesRebuilt} whether the load went into empty tables in one transaction, its
     * secondary indexes built at the end; {@code figuresRefreshed} is null when no refresh was asked for, -1 when
     * another process was running one.
     */
    public record Report(long customers, long phones, long purchases, long interactions, long serviceRequests,
                         long satisfactionScores, long campaigns, long carePlanContacts, long firstCustomerId,
                         long lastCustomerId, boolean referenceChecksSkipped, boolean indexesRebuilt, Duration loadTime,
                         Integer figuresRefreshed, Duration refreshTime) {

        public long rows() {
            return customers + phones + purchases + interactions + serviceRequests + satisfactionScores + campaigns
                    + carePlanContacts;
        }
    }

    /** Every table a load writes, parents before children. */
    private static final List<String> TABLES = List.of("customer", "customer_phone", "purchase", "interaction",
            "service_request", "satisfaction_score", "campaign_participation", "care_plan_contact");

    private final DataSource dataSource;
    private final Options options;
    private final BatchEncoder encoder = new BatchEncoder();

    public CustomerBulkLoader(DataSource dataSource) {
        this(dataSource, Options.DEFAULTS);
    }

    public CustomerBulkLoader(DataSource dataSource, Options options) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Loads every customer of the stream (closing it), without refreshing figures. */
    public Report load(Stream<? extends Source> customers) {
        try (customers) {
            return load(customers.iterator());
        }
    }

    /** Loads every customer the iterator gives, without refreshing figures. */
    public Report load(Iterator<? extends Source> customers) {
        long started = System.nanoTime();
        Plan plan = plan();
        Optional<Totals> intoEmpty = options.rebuildIndexesWhenEmpty() ? loadIntoEmptyTables(customers, plan)
                : Optional.empty();
        Totals totals = intoEmpty.orElseGet(() -> loadInBatches(customers, plan));
        return totals.report(plan.skipReferenceChecks(), intoEmpty.isPresent(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Loads every customer of the stream (closing it), then recomputes all figures and breakpoints once. */
    public Report loadAndRefresh(Stream<? extends Source> customers, CustomerFigures figures) {
        Report loaded = load(customers);
        long started = System.nanoTime();
        int refreshed = figures.refreshAll();
        return new Report(loaded.customers, loaded.phones, loaded.purchases, loaded.interactions, loaded.serviceRequests,
                loaded.satisfactionScores, loaded.campaigns, loaded.carePlanContacts, loaded.firstCustomerId,
                loaded.lastCustomerId, loaded.referenceChecksSkipped, loaded.indexesRebuilt, loaded.loadTime, refreshed,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Each batch in its own transaction on its own connection, several at once. */
    private Totals loadInBatches(Iterator<? extends Source> customers, Plan plan) {
        Totals totals = new Totals();
        Throwable failure = pump(customers, batch -> writeBatch(batch, plan), totals);
        if (failure != null) {
            throw CoreException.database("bulk loading customers (" + totals.customers() + " loaded and committed before"
                    + " the failure, in whole batches)", failure);
        }
        return totals;
    }

    /**
     * The whole load in one transaction on one connection, with the secondary indexes dropped and built again at
     * the end; empty when the tables are not all empty (or are in use), and nothing was read from the source.
     */
    private Optional<Totals> loadIntoEmptyTables(Iterator<? extends Source> customers, Plan plan) {
        try (Connection lead = dataSource.getConnection(); Connection ids = dataSource.getConnection()) {
            lead.setAutoCommit(false);
            try {
                if (!SecondaryIndexes.lockIfAllEmpty(lead, TABLES)) {
                    lead.rollback();
                    return Optional.empty();
                }
                skipReferenceChecks(lead, plan);
                SecondaryIndexes indexes = SecondaryIndexes.drop(lead, TABLES);
                CopyManager copy = lead.unwrap(PGConnection.class).getCopyAPI();
                Totals totals = new Totals();
                Throwable failure = pump(customers, batch -> {
                    BatchEncoder.Encoded encoded = encode(batch, plan, ids);
                    synchronized (lead) {
                        for (CopyWriter.Data table : encoded.tables()) {
                            table.send(copy);
                        }
                    }
                    return encoded.totals();
                }, totals);
                if (failure != null) {
                    throw CoreException.database("bulk loading customers into empty tables (nothing was loaded: the load"
                            + " was one transaction)", failure);
                }
                indexes.rebuild(lead);
                lead.commit();
                return Optional.of(totals);
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(lead, e);
                throw e;
            }
        } catch (SQLException e) {
            throw CoreException.database("bulk loading customers into empty tables (nothing was loaded)", e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    /** Writes one batch. */
    @FunctionalInterface
    private interface BatchWriter {
        Totals write(List<Source> batch) throws SQLException;
    }

    /**
     * Hands the customers to {@code writer} in batches, up to {@link Options#writers()} at once, adding what they
     * wrote to {@code totals}; returns the first failure (of the source or a batch), after which no batch starts.
     */
    private Throwable pump(Iterator<? extends Source> customers, BatchWriter writer, Totals totals) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Semaphore slots = new Semaphore(options.writers() + 1);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(options.writers(), task -> {
            Thread thread = new Thread(task, "customer-bulk-loader-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> pending = new ArrayList<>();
        try {
            while (failure.get() == null) {
                List<Source> batch = new ArrayList<>(options.batchSize());
                try {
                    while (batch.size() < options.batchSize() && customers.hasNext()) {
                        batch.add(Objects.requireNonNull(customers.next(), "customer"));
                    }
                } catch (RuntimeException e) {
                    // the source itself failed (a generator, a parser): the batches handed over still finish
                    awaitQuietly(pending);
                    failure.compareAndSet(null, e);
                    break;
                }
                if (batch.isEmpty()) {
                    break;
                }
                slots.acquire();
                if (failure.get() != null) {
                    slots.release();
                    break;
                }
                pending.add(writers.submit(() -> {
                    try {
                        if (failure.get() != null) {
                            return; // an earlier batch failed: start nothing new
                        }
                        totals.add(writer.write(batch));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        slots.release();
                    }
                }));
                pending.removeIf(Future::isDone);
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } finally {
            writers.shutdown();
        }
        return failure.get();
    }

    private static void awaitQuietly(List<Future<?>> pending) {
        for (Future<?> future : pending) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // already recorded by the task itself
            }
        }
    }

    /** What every batch of one load shares: the id sequences, and whether reference checks are skipped. */
    private record Plan(String customer, String interaction, boolean skipReferenceChecks) {
    }

    private Plan plan() {
        try (Connection connection = dataSource.getConnection()) {
            String customer;
            String interaction;
            try (var statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "select pg_get_serial_sequence('customer', 'id'), pg_get_serial_sequence('interaction', 'id')")) {
                rs.next();
                customer = rs.getString(1);
                interaction = rs.getString(2);
            }
            return new Plan(customer, interaction, options.trustReferences() && maySkipReferenceChecks(connection));
        } catch (SQLException e) {
            throw CoreException.database("finding the id sequences of customer and interaction", e);
        }
    }

    /** A superuser may set session_replication_role; since PostgreSQL 15 a role can also be granted it. */
    private static boolean maySkipReferenceChecks(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (var statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return true;
                }
            }
            try (ResultSet rs = statement.executeQuery("select has_parameter_privilege('session_replication_role', 'SET')")) {
                return rs.next() && rs.getBoolean(1);
            } catch (SQLException olderThan15) {
                return false;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** For the rest of the connection's transaction. */
    private static void skipReferenceChecks(Connection connection, Plan plan) throws SQLException {
        if (plan.skipReferenceChecks()) {
            try (var statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
            }
        }
    }

    /** Writes one batch in one transaction on a connection of its own; returns what it wrote. */
    private Totals writeBatch(List<Source> batch, Plan plan) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                skipReferenceChecks(connection, plan);
                BatchEncoder.Encoded encoded = encode(batch, plan, connection);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (CopyWriter.Data table : encoded.tables()) {
                    table.send(copy);
                }
                connection.commit();
                return encoded.totals();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Draws the batch's ids on {@code ids} (one thread at a time), then encodes it. */
    private BatchEncoder.Encoded encode(List<Source> batch, Plan plan, Connection ids) throws SQLException {
        long[] customerIds;
        long[] interactionIds;
        synchronized (ids) {
            customerIds = allocate(ids, plan.customer(), batch.size());
            interactionIds = allocate(ids, plan.interaction(), BatchEncoder.interactions(batch));
        }
        return encoder.encode(batch, customerIds, interactionIds);
    }

    /** {@code n} fresh values of a sequence, in the order it gave them. */
    private static long[] allocate(Connection connection, String sequence, int n) throws SQLException {
        long[] ids = new long[n];
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval(?::regclass) from generate_series(1, ?) as g order by g")) {
            statement.setString(1, sequence);
            statement.setInt(2, n);
            try (ResultSet rs = statement.executeQuery()) {
                int i = 0;
                while (rs.next()) {
                    ids[i++] = rs.getLong(1);
                }
                if (i != n) {
                    throw new SQLException("sequence " + sequence + " gave " + i + " values, " + n + " asked");
                }
            }
        }
        return ids;
    }

    /** What was written; added up over batches. */
    static final class Totals {
        long customers;
        long phones;
        long purchases;
        long interactions;
        long serviceRequests;
        long satisfactionScores;
        long campaigns;
        long carePlanContacts;
        long firstId;
        long lastId;

        synchronized long customers() {
            return customers;
        }

        synchronized void add(Totals batch) {
            customers += batch.customers;
            phones += batch.phones;
            purchases += batch.purchases;
            interactions += batch.interactions;
            serviceRequests += batch.serviceRequests;
            satisfactionScores += batch.satisfactionScores;
            campaigns += batch.campaigns;
            carePlanContacts += batch.carePlanContacts;
            if (batch.customers > 0) {
                firstId = firstId == 0 ? batch.firstId : Math.min(firstId, batch.firstId);
                lastId = Math.max(lastId, batch.lastId);
            }
        }

        synchronized Report report(boolean checksSkipped, boolean indexesRebuilt, Duration loadTime) {
            return new Report(customers, phones, purchases, interactions, serviceRequests, satisfactionScores, campaigns,
                    carePlanContacts, firstId, lastId, checksSkipped, indexesRebuilt, loadTime, null, Duration.ZERO);
        }
    }
}
