package io.cti.core.customers;

import io.cti.core.CoreException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * <p>Customers are taken from the source in batches; each batch is written in one transaction on its own
 * connection, a customer's rows always in the same batch as the customer, so a failure never leaves a
 * half-written customer: batches already committed stay (with several writers, that may include one written at
 * the same time as the failing one), the failing one leaves nothing, and no batch is started after it. Customer and interaction ids are taken from their identity sequences in blocks before the COPY
 * (COPY writes the given ids into identity columns), so loads run safely beside other writers and a later load
 * continues the ids. Several batches are written at once on separate connections ({@link Options#writers()}).
 * Where the database role allows it, PostgreSQL's row-by-row foreign-key checks are skipped for these rows, whose
 * references the loader makes itself ({@link Options#trustReferences()}).
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
     * @param batchSize       customers per transaction
     * @param writers         batches written at once, each on its own connection (the pool must have that many
     *                        free besides one for the id sequences)
     * @param trustReferences skip PostgreSQL's row-by-row foreign-key checks for the rows the loader writes, where
     *                        the database role may ({@code session_replication_role = replica} for the batch's
     *                        transaction: a superuser, or a role granted SET on that parameter). Safe for these
     *                        rows because the loader makes every reference itself: each row points at a customer
     *                        (or an interaction) written in the same transaction. It also keeps insert triggers
     *                        from firing on these rows; the schema has none. The checks are about half of the
     *                        database's work in a load.
     */
    public record Options(int batchSize, int writers, boolean trustReferences) {
        public static final Options DEFAULTS = new Options(5_000, 2, true);

        public Options {
            if (batchSize < 1 || writers < 1) {
                throw new IllegalArgumentException("batch size and writers must be at least 1: " + batchSize + ", " + writers);
            }
        }
    }

    /**
     * What a load wrote. {@code firstCustomerId}/{@code lastCustomerId} are the lowest and highest ids given (0
     * when nothing was loaded); {@code referenceChecksSkipped} tells whether {@link Options#trustReferences()}
     * took effect; {@code figuresRefreshed} is null when no refresh was asked for, -1 when another process was
     * running one.
     */
    public record Report(long customers, long phones, long purchases, long interactions, long serviceRequests,
                         long satisfactionScores, long campaigns, long carePlanContacts, long firstCustomerId,
                         long lastCustomerId, boolean referenceChecksSkipped, Duration loadTime,
                         Integer figuresRefreshed, Duration refreshTime) {

        public long rows() {
            return customers + phones + purchases + interactions + serviceRequests + satisfactionScores + campaigns
                    + carePlanContacts;
        }
    }

    private static final String CUSTOMER_COLUMNS = "id, kind, type, name, email, address_line, city, region, postal_code,"
            + " country, time_zone, preferred_language, birth_date, gender, occupation, education, industry,"
            + " legal_representative, contact_person, customer_since, attributes";

    private final DataSource dataSource;
    private final Options options;
    private final JsonMapper json = JsonMapper.builder().build();

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
        return run(customers);
    }

    /** Loads every customer of the stream (closing it), then recomputes all figures and breakpoints once. */
    public Report loadAndRefresh(Stream<? extends Source> customers, CustomerFigures figures) {
        Report loaded = load(customers);
        long started = System.nanoTime();
        int refreshed = figures.refreshAll();
        return new Report(loaded.customers, loaded.phones, loaded.purchases, loaded.interactions, loaded.serviceRequests,
                loaded.satisfactionScores, loaded.campaigns, loaded.carePlanContacts, loaded.firstCustomerId,
                loaded.lastCustomerId, loaded.referenceChecksSkipped, loaded.loadTime, refreshed,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private Report run(Iterator<? extends Source> customers) {
        long started = System.nanoTime();
        Plan plan = plan();
        Totals totals = new Totals();
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
                        totals.add(writeBatch(batch, plan));
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
        Throwable cause = failure.get();
        if (cause != null) {
            throw CoreException.database("bulk loading customers (" + totals.customers() + " loaded and committed before"
                    + " the failure, in whole batches)", cause);
        }
        return totals.report(plan.skipReferenceChecks(), Duration.ofNanos(System.nanoTime() - started));
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

    /** Writes one batch in one transaction; returns what it wrote. */
    private Totals writeBatch(List<Source> batch, Plan plan) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Totals written = copyBatch(connection, batch, plan);
                connection.commit();
                return written;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private Totals copyBatch(Connection connection, List<Source> batch, Plan plan) throws SQLException {
        Totals totals = new Totals();
        int interactionCount = 0;
        for (Source source : batch) {
            interactionCount += source.interactions().size();
        }
        if (plan.skipReferenceChecks()) {
            try (var statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
            }
        }
        long[] customerIds = allocate(connection, plan.customer(), batch.size());
        long[] interactionIds = allocate(connection, plan.interaction(), interactionCount);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();

        try (CopyWriter out = new CopyWriter(copy, "customer (" + CUSTOMER_COLUMNS + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                CustomerProfile p = batch.get(i).profile();
                Address a = p.address();
                out.int8(customerIds[i]).text(p.kind().name()).text(p.type().name()).text(p.name()).text(p.email())
                        .text(a.line()).text(a.city()).text(a.region()).text(a.postalCode()).text(a.country())
                        .text(p.timeZone() == null ? null : p.timeZone().getId()).text(p.preferredLanguage())
                        .date(p.birthDate()).text(p.gender() == null ? null : p.gender().name()).text(p.occupation())
                        .text(p.education()).text(p.industry()).text(p.legalRepresentative()).text(p.contactPerson())
                        .date(p.customerSince()).jsonb(json.writeValueAsString(p.attributes())).endRow();
            }
            out.finish();
        }
        totals.customers = batch.size();
        totals.firstId = customerIds.length == 0 ? 0 : customerIds[0];
        totals.lastId = customerIds.length == 0 ? 0 : customerIds[customerIds.length - 1];

        totals.phones = copyPhones(copy, batch, customerIds);
        totals.purchases = copyRows(copy, "purchase (customer_id, purchased_on, product, amount, quantity, due_on, paid_on)",
                batch, customerIds, Source::purchases, (out, id, purchases) -> {
                    for (Purchase p : purchases) {
                        out.int8(id).date(p.purchasedOn()).text(p.product()).numeric(p.amount()).int4(p.quantity())
                                .date(p.dueOn()).date(p.paidOn()).endRow();
                    }
                    return purchases.size();
                });
        if (interactionCount > 0) {
            try (CopyWriter out = new CopyWriter(copy, "interaction (id, customer_id, channel, direction, agent_id, call_id,"
                    + " queue, outcome, disposition, notes, started_at, ended_at, wait_seconds, talk_seconds)")) {
                int next = 0;
                for (int i = 0; i < batch.size(); i++) {
                    for (Interaction x : batch.get(i).interactions()) {
                        out.int8(interactionIds[next++]).int8(customerIds[i]).text(x.channel().name())
                                .text(x.direction().name()).text(x.agentId()).text(x.callId()).text(x.queue())
                                .text(x.outcome()).text(x.disposition()).text(x.notes()).timestamp(x.startedAt())
                                .timestamp(x.endedAt()).int4(x.waitSeconds()).int4(x.talkSeconds()).endRow();
                    }
                }
                out.finish();
            }
            totals.interactions = interactionCount;
        }
        totals.serviceRequests = copyRows(copy, "service_request (customer_id, kind, subject, status, opened_at, closed_at)",
                batch, customerIds, Source::serviceRequests, (out, id, requests) -> {
                    for (ServiceRequest r : requests) {
                        out.int8(id).text(r.kind().name()).text(r.subject()).text(r.status().name())
                                .timestamp(r.openedAt()).timestamp(r.closedAt()).endRow();
                    }
                    return requests.size();
                });
        totals.satisfactionScores = copyScores(copy, batch, customerIds, interactionIds);
        totals.campaigns = copyRows(copy, "campaign_participation (customer_id, campaign, joined_on, response)",
                batch, customerIds, Source::campaigns, (out, id, campaigns) -> {
                    for (Campaign c : campaigns) {
                        out.int8(id).text(c.campaign()).date(c.joinedOn()).text(c.response()).endRow();
                    }
                    return campaigns.size();
                });
        totals.carePlanContacts = copyRows(copy, "care_plan_contact (customer_id, planned_at, purpose, channel, owner_agent, done_at)",
                batch, customerIds, Source::carePlan, (out, id, contacts) -> {
                    for (CarePlanContact c : contacts) {
                        out.int8(id).timestamp(c.plannedAt()).text(c.purpose()).text(c.channel().name())
                                .text(c.ownerAgent()).timestamp(c.doneAt()).endRow();
                    }
                    return contacts.size();
                });
        return totals;
    }

    /**
     * Phones in number order: the unique index on the number takes them as a run of neighbouring keys rather than
     * scattered over the whole index.
     */
    private static long copyPhones(CopyManager copy, List<Source> batch, long[] customerIds) throws SQLException {
        List<Object[]> rows = new ArrayList<>(batch.size() * 2);
        for (int i = 0; i < batch.size(); i++) {
            for (CustomerPhone phone : batch.get(i).profile().phones()) {
                rows.add(new Object[]{phone.number().e164(), customerIds[i], phone});
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        rows.sort(java.util.Comparator.comparing(row -> (String) row[0]));
        try (CopyWriter out = new CopyWriter(copy, "customer_phone (customer_id, e164, label, is_primary)")) {
            for (Object[] row : rows) {
                CustomerPhone phone = (CustomerPhone) row[2];
                out.int8((Long) row[1]).text((String) row[0]).text(phone.label().name()).bool(phone.primary()).endRow();
            }
            out.finish();
        }
        return rows.size();
    }

    private long copyScores(CopyManager copy, List<Source> batch, long[] customerIds, long[] interactionIds) throws SQLException {
        boolean any = batch.stream().anyMatch(s -> !s.satisfactionScores().isEmpty());
        if (!any) {
            return 0;
        }
        long rows = 0;
        try (CopyWriter out = new CopyWriter(copy, "satisfaction_score (customer_id, score, interaction_id, recorded_at, comment)")) {
            int firstInteraction = 0;
            for (int i = 0; i < batch.size(); i++) {
                Source source = batch.get(i);
                int interactions = source.interactions().size();
                for (Score s : source.satisfactionScores()) {
                    if (s.interaction() >= interactions) {
                        throw new IllegalArgumentException("a satisfaction score refers to interaction " + s.interaction()
                                + " of a customer with " + interactions);
                    }
                    out.int8(customerIds[i]).int2(s.score())
                            .int8(s.interaction() < 0 ? null : interactionIds[firstInteraction + s.interaction()])
                            .timestamp(s.recordedAt()).text(s.comment()).endRow();
                    rows++;
                }
                firstInteraction += interactions;
            }
            out.finish();
        }
        return rows;
    }

    @FunctionalInterface
    private interface RowWriter<T> {
        int write(CopyWriter out, long customerId, T value) throws SQLException;
    }

    private static <T> long copyRows(CopyManager copy, String target, List<Source> batch, long[] customerIds,
                                     java.util.function.Function<Source, T> part, RowWriter<T> rows) throws SQLException {
        boolean any = false;
        for (Source source : batch) {
            T value = part.apply(source);
            if (!(value instanceof List<?> list) || !list.isEmpty()) {
                any = true;
                break;
            }
        }
        if (!any) {
            return 0;
        }
        long count = 0;
        try (CopyWriter out = new CopyWriter(copy, target)) {
            for (int i = 0; i < batch.size(); i++) {
                count += rows.write(out, customerIds[i], part.apply(batch.get(i)));
            }
            out.finish();
        }
        return count;
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
    private static final class Totals {
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

        synchronized Report report(boolean checksSkipped, Duration loadTime) {
            return new Report(customers, phones, purchases, interactions, serviceRequests, satisfactionScores, campaigns,
                    carePlanContacts, firstId, lastId, checksSkipped, loadTime, null, Duration.ZERO);
        }
    }

    /**
     * Streams rows to one {@code COPY ... FROM STDIN} in PostgreSQL's binary format: each value is sent as the
     * server keeps it (no text for the server to parse), strings encoded as UTF-8 straight into the buffer. The
     * column types are the schema's: the caller writes each value with the method of its column's type.
     * Not thread-safe.
     */
    static final class CopyWriter implements AutoCloseable {

        private static final int FLUSH_AT = 1 << 18;
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
        /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
        private static final long PG_EPOCH_DAY = 10_957;
        private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;
        private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

        private final CopyIn copy;
        private byte[] buffer = new byte[FLUSH_AT + 4096];
        private int length;
        private int rowStart = -1;
        private int fields;

        CopyWriter(CopyManager manager, String target) throws SQLException {
            this.copy = manager.copyIn("copy " + target + " from stdin with (format binary)");
            ensure(SIGNATURE.length + 8);
            System.arraycopy(SIGNATURE, 0, buffer, 0, SIGNATURE.length);
            length = SIGNATURE.length;
            putInt(0); // flags
            putInt(0); // header extension length
        }

        CopyWriter text(String value) {
            if (value == null) {
                return nullValue();
            }
            field();
            int lengthAt = length;
            putInt(0);
            int n = value.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    // not ASCII (Chinese names, notes): encode the rest at once
                    byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
                    ensure(bytes.length);
                    System.arraycopy(bytes, 0, buffer, length, bytes.length);
                    length += bytes.length;
                    break;
                }
                buffer[length++] = (byte) c;
            }
            patchInt(lengthAt, length - lengthAt - 4);
            return this;
        }

        /** A jsonb value: format version 1, then the JSON text. */
        CopyWriter jsonb(String json) {
            if (json == null) {
                return nullValue();
            }
            field();
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length + 1);
            putByte(1);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            return this;
        }

        CopyWriter int8(long value) {
            field();
            putInt(8);
            putLong(value);
            return this;
        }

        CopyWriter int8(Long value) {
            return value == null ? nullValue() : int8(value.longValue());
        }

        CopyWriter int4(int value) {
            field();
            putInt(4);
            putInt(value);
            return this;
        }

        CopyWriter int4(Integer value) {
            return value == null ? nullValue() : int4(value.intValue());
        }

        CopyWriter int2(int value) {
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw new IllegalArgumentException("not a smallint: " + value);
            }
            field();
            putInt(2);
            putShort(value);
            return this;
        }

        CopyWriter bool(boolean value) {
            field();
            putInt(1);
            return putByte(value ? 1 : 0);
        }

        /** Days since 2000-01-01. */
        CopyWriter date(LocalDate value) {
            if (value == null) {
                return nullValue();
            }
            field();
            putInt(4);
            putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
            return this;
        }

        /** Microseconds since 2000-01-01 UTC (PostgreSQL keeps no finer time). */
        CopyWriter timestamp(Instant value) {
            if (value == null) {
                return nullValue();
            }
            field();
            putInt(8);
            putLong(Math.addExact(Math.multiplyExact(value.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L),
                    value.getNano() / 1_000));
            return this;
        }

        /**
         * PostgreSQL's numeric on the wire: digit count, weight (of the first base-10000 digit), sign, display
         * scale, then the base-10000 digits.
         */
        CopyWriter numeric(BigDecimal value) {
            if (value == null) {
                return nullValue();
            }
            field();
            int scale = Math.max(0, value.scale());
            BigInteger unscaled = value.setScale(scale).unscaledValue();
            int sign = unscaled.signum() < 0 ? 0x4000 : 0;
            // align the decimal point on a base-10000 digit boundary
            int pad = (4 - scale % 4) % 4;
            BigInteger digitsValue = unscaled.abs().multiply(BigInteger.TEN.pow(pad));
            int fractionGroups = (scale + pad) / 4;
            short[] groups = new short[digitsValue.bitLength() / 13 + 2];
            int count = 0;
            if (digitsValue.bitLength() < 63) {
                long rest = digitsValue.longValue();
                while (rest != 0) {
                    groups[count++] = (short) (rest % 10_000);
                    rest /= 10_000;
                }
            } else {
                BigInteger rest = digitsValue;
                while (rest.signum() != 0) {
                    BigInteger[] qr = rest.divideAndRemainder(TEN_THOUSAND);
                    groups[count++] = qr[1].shortValue();
                    rest = qr[0];
                }
            }
            putInt(8 + 2 * count);
            putShort(count);
            putShort(count == 0 ? 0 : count - 1 - fractionGroups);
            putShort(sign);
            putShort(scale);
            for (int i = count - 1; i >= 0; i--) {
                putShort(groups[i]);
            }
            return this;
        }

        void endRow() throws SQLException {
            if (rowStart < 0) {
                throw new IllegalStateException("a row needs at least one value");
            }
            buffer[rowStart] = (byte) (fields >>> 8);
            buffer[rowStart + 1] = (byte) fields;
            rowStart = -1;
            if (length >= FLUSH_AT) {
                flush();
            }
        }

        /** Sends what is left and ends the COPY: the rows are in the table (once the transaction commits). */
        void finish() throws SQLException {
            putShort(-1); // trailer
            flush();
            copy.endCopy();
        }

        /** Cancels the COPY unless {@link #finish()} ended it: a failed batch sends nothing half-done. */
        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private void flush() throws SQLException {
            if (length > 0) {
                copy.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        /** Starts a field, and a row (with its field count to fill in) before the first. */
        private void field() {
            if (rowStart < 0) {
                ensure(2);
                rowStart = length;
                length += 2;
                fields = 0;
            }
            fields++;
        }

        private CopyWriter nullValue() {
            field();
            putInt(-1);
            return this;
        }

        private CopyWriter putByte(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
            return this;
        }

        private void putShort(int v) {
            ensure(2);
            buffer[length++] = (byte) (v >>> 8);
            buffer[length++] = (byte) v;
        }

        private void putInt(int v) {
            ensure(4);
            patchInt(length, v);
            length += 4;
        }

        private void patchInt(int at, int v) {
            buffer[at] = (byte) (v >>> 24);
            buffer[at + 1] = (byte) (v >>> 16);
            buffer[at + 2] = (byte) (v >>> 8);
            buffer[at + 3] = (byte) v;
        }

        private void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }
}
