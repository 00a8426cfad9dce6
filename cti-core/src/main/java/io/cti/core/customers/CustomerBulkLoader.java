package io.cti.core.customers;

import io.cti.core.CoreException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
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
 * half-written customer: batches already committed stay, the failing one leaves nothing, and no later batch
 * is started. Customer and interaction ids are taken from their identity sequences in blocks before the COPY
 * (COPY writes the given ids into identity columns), so loads run safely beside other writers and a later load
 * continues the ids. Several batches are written at once on separate connections ({@link Options#writers()}).
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
     * @param batchSize customers per transaction
     * @param writers   batches written at once, each on its own connection (the pool must have that many free)
     */
    public record Options(int batchSize, int writers) {
        public static final Options DEFAULTS = new Options(5_000, 2);

        public Options {
            if (batchSize < 1 || writers < 1) {
                throw new IllegalArgumentException("batch size and writers must be at least 1: " + batchSize + ", " + writers);
            }
        }
    }

    /**
     * What a load wrote. {@code firstCustomerId}/{@code lastCustomerId} are the lowest and highest ids given (0
     * when nothing was loaded); {@code figuresRefreshed} is null when no refresh was asked for, -1 when another
     * process was running one.
     */
    public record Report(long customers, long phones, long purchases, long interactions, long serviceRequests,
                         long satisfactionScores, long campaigns, long carePlanContacts, long firstCustomerId,
                         long lastCustomerId, Duration loadTime, Integer figuresRefreshed, Duration refreshTime) {

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
                loaded.lastCustomerId, loaded.loadTime, refreshed, Duration.ofNanos(System.nanoTime() - started));
    }

    private Report run(Iterator<? extends Source> customers) {
        long started = System.nanoTime();
        Sequences sequences = sequences();
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
            while (failure.get() == null && customers.hasNext()) {
                List<Source> batch = new ArrayList<>(options.batchSize());
                while (batch.size() < options.batchSize() && customers.hasNext()) {
                    batch.add(Objects.requireNonNull(customers.next(), "customer"));
                }
                slots.acquire();
                if (failure.get() != null) {
                    slots.release();
                    break;
                }
                pending.add(writers.submit(() -> {
                    try {
                        totals.add(writeBatch(batch, sequences));
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
        } catch (RuntimeException e) {
            // the source itself failed (a generator, a parser): batches already handed over still finish
            failure.compareAndSet(null, e);
            awaitQuietly(pending);
        } finally {
            writers.shutdown();
        }
        Throwable cause = failure.get();
        if (cause != null) {
            throw CoreException.database("bulk loading customers (" + totals.customers + " loaded and committed before"
                    + " the failure, in whole batches)", cause);
        }
        return totals.report(Duration.ofNanos(System.nanoTime() - started));
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

    private record Sequences(String customer, String interaction) {
    }

    private Sequences sequences() {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select pg_get_serial_sequence('customer', 'id'), pg_get_serial_sequence('interaction', 'id')")) {
            rs.next();
            return new Sequences(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw CoreException.database("finding the id sequences of customer and interaction", e);
        }
    }

    /** Writes one batch in one transaction; returns what it wrote. */
    private Totals writeBatch(List<Source> batch, Sequences sequences) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Totals written = copyBatch(connection, batch, sequences);
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

    private Totals copyBatch(Connection connection, List<Source> batch, Sequences sequences) throws SQLException {
        Totals totals = new Totals();
        int interactionCount = 0;
        for (Source source : batch) {
            interactionCount += source.interactions().size();
        }
        long[] customerIds = allocate(connection, sequences.customer(), batch.size());
        long[] interactionIds = allocate(connection, sequences.interaction(), interactionCount);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();

        try (CopyWriter out = new CopyWriter(copy, "customer (" + CUSTOMER_COLUMNS + ")")) {
            for (int i = 0; i < batch.size(); i++) {
                CustomerProfile p = batch.get(i).profile();
                Address a = p.address();
                out.number(customerIds[i]).text(p.kind().name()).text(p.type().name()).text(p.name()).text(p.email())
                        .text(a.line()).text(a.city()).text(a.region()).text(a.postalCode()).text(a.country())
                        .text(p.timeZone() == null ? null : p.timeZone().getId()).text(p.preferredLanguage())
                        .date(p.birthDate()).text(p.gender() == null ? null : p.gender().name()).text(p.occupation())
                        .text(p.education()).text(p.industry()).text(p.legalRepresentative()).text(p.contactPerson())
                        .date(p.customerSince()).text(json.writeValueAsString(p.attributes())).endRow();
            }
            out.finish();
        }
        totals.customers = batch.size();
        totals.firstId = customerIds.length == 0 ? 0 : customerIds[0];
        totals.lastId = customerIds.length == 0 ? 0 : customerIds[customerIds.length - 1];

        totals.phones = copyRows(copy, "customer_phone (customer_id, e164, label, is_primary)", batch, customerIds,
                Source::profile, (out, id, profile) -> {
                    for (CustomerPhone phone : profile.phones()) {
                        out.number(id).text(phone.number().e164()).text(phone.label().name()).bool(phone.primary()).endRow();
                    }
                    return profile.phones().size();
                });
        totals.purchases = copyRows(copy, "purchase (customer_id, purchased_on, product, amount, quantity, due_on, paid_on)",
                batch, customerIds, Source::purchases, (out, id, purchases) -> {
                    for (Purchase p : purchases) {
                        out.number(id).date(p.purchasedOn()).text(p.product()).decimal(p.amount()).number(p.quantity())
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
                        out.number(interactionIds[next++]).number(customerIds[i]).text(x.channel().name())
                                .text(x.direction().name()).text(x.agentId()).text(x.callId()).text(x.queue())
                                .text(x.outcome()).text(x.disposition()).text(x.notes()).timestamp(x.startedAt())
                                .timestamp(x.endedAt()).number(x.waitSeconds()).number(x.talkSeconds()).endRow();
                    }
                }
                out.finish();
            }
            totals.interactions = interactionCount;
        }
        totals.serviceRequests = copyRows(copy, "service_request (customer_id, kind, subject, status, opened_at, closed_at)",
                batch, customerIds, Source::serviceRequests, (out, id, requests) -> {
                    for (ServiceRequest r : requests) {
                        out.number(id).text(r.kind().name()).text(r.subject()).text(r.status().name())
                                .timestamp(r.openedAt()).timestamp(r.closedAt()).endRow();
                    }
                    return requests.size();
                });
        totals.satisfactionScores = copyScores(copy, batch, customerIds, interactionIds);
        totals.campaigns = copyRows(copy, "campaign_participation (customer_id, campaign, joined_on, response)",
                batch, customerIds, Source::campaigns, (out, id, campaigns) -> {
                    for (Campaign c : campaigns) {
                        out.number(id).text(c.campaign()).date(c.joinedOn()).text(c.response()).endRow();
                    }
                    return campaigns.size();
                });
        totals.carePlanContacts = copyRows(copy, "care_plan_contact (customer_id, planned_at, purpose, channel, owner_agent, done_at)",
                batch, customerIds, Source::carePlan, (out, id, plan) -> {
                    for (CarePlanContact c : plan) {
                        out.number(id).timestamp(c.plannedAt()).text(c.purpose()).text(c.channel().name())
                                .text(c.ownerAgent()).timestamp(c.doneAt()).endRow();
                    }
                    return plan.size();
                });
        return totals;
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
                    out.number(customerIds[i]).number(s.score())
                            .number(s.interaction() < 0 ? null : interactionIds[firstInteraction + s.interaction()])
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

        synchronized Report report(Duration loadTime) {
            return new Report(customers, phones, purchases, interactions, serviceRequests, satisfactionScores, campaigns,
                    carePlanContacts, firstId, lastId, loadTime, null, Duration.ZERO);
        }
    }

    /**
     * Streams rows to one {@code COPY ... FROM STDIN} in PostgreSQL's text format (tab-separated, {@code \N} for
     * null), encoding UTF-8 straight into a buffer. Not thread-safe.
     */
    static final class CopyWriter implements AutoCloseable {

        private static final int FLUSH_AT = 1 << 18;

        private final CopyIn copy;
        private byte[] buffer = new byte[FLUSH_AT + 4096];
        private int length;
        private boolean rowStarted;

        CopyWriter(CopyManager manager, String target) throws SQLException {
            this.copy = manager.copyIn("copy " + target + " from stdin");
        }

        CopyWriter text(String value) {
            separator();
            if (value == null) {
                return nullValue();
            }
            int n = value.length();
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (c < 0x80) {
                    switch (c) {
                        case '\\' -> put('\\').put('\\');
                        case '\t' -> put('\\').put('t');
                        case '\n' -> put('\\').put('n');
                        case '\r' -> put('\\').put('r');
                        default -> put((byte) c);
                    }
                } else {
                    // rare in ASCII data, common in Chinese: encode the rest of the value at once
                    byte[] bytes = value.substring(i).getBytes(StandardCharsets.UTF_8);
                    for (byte b : bytes) {
                        switch (b) {
                            case '\\' -> put('\\').put('\\');
                            case '\t' -> put('\\').put('t');
                            case '\n' -> put('\\').put('n');
                            case '\r' -> put('\\').put('r');
                            default -> put(b);
                        }
                    }
                    return this;
                }
            }
            return this;
        }

        CopyWriter number(long value) {
            separator();
            if (value == Long.MIN_VALUE) {
                return raw(Long.toString(value));
            }
            if (value < 0) {
                put('-');
                value = -value;
            }
            ensure(20);
            int start = length;
            do {
                buffer[length++] = (byte) ('0' + value % 10);
                value /= 10;
            } while (value != 0);
            reverse(start, length - 1);
            return this;
        }

        CopyWriter number(Number value) {
            if (value == null) {
                separator();
                return nullValue();
            }
            return number(value.longValue());
        }

        CopyWriter bool(boolean value) {
            separator();
            return put(value ? 't' : 'f');
        }

        CopyWriter decimal(BigDecimal value) {
            separator();
            return value == null ? nullValue() : raw(value.toPlainString());
        }

        CopyWriter date(LocalDate value) {
            separator();
            if (value == null) {
                return nullValue();
            }
            int year = value.getYear();
            if (year < 1000 || year > 9999) {
                return raw(value.toString());
            }
            digits(year, 4).put('-').digits(value.getMonthValue(), 2).put('-').digits(value.getDayOfMonth(), 2);
            return this;
        }

        /** An instant in UTC, to the microsecond (PostgreSQL keeps no more). */
        CopyWriter timestamp(Instant value) {
            separator();
            if (value == null) {
                return nullValue();
            }
            long seconds = value.getEpochSecond();
            long day = Math.floorDiv(seconds, 86_400);
            int secondOfDay = (int) Math.floorMod(seconds, 86_400);
            LocalDate date = LocalDate.ofEpochDay(day);
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                return raw(value.toString());
            }
            digits(date.getYear(), 4).put('-').digits(date.getMonthValue(), 2).put('-').digits(date.getDayOfMonth(), 2)
                    .put(' ').digits(secondOfDay / 3600, 2).put(':').digits(secondOfDay / 60 % 60, 2).put(':')
                    .digits(secondOfDay % 60, 2);
            int micros = value.getNano() / 1000;
            if (micros != 0) {
                put('.').digits(micros, 6);
            }
            return put('+').put('0').put('0');
        }

        void endRow() throws SQLException {
            put('\n');
            rowStarted = false;
            if (length >= FLUSH_AT) {
                flush();
            }
        }

        /** Sends what is left and ends the COPY: the rows are in the table (once the transaction commits). */
        void finish() throws SQLException {
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

        private void separator() {
            if (rowStarted) {
                put('\t');
            }
            rowStarted = true;
        }

        private CopyWriter nullValue() {
            return put('\\').put('N');
        }

        private CopyWriter raw(String ascii) {
            ensure(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                buffer[length++] = (byte) ascii.charAt(i);
            }
            return this;
        }

        private CopyWriter digits(int value, int width) {
            ensure(width);
            for (int i = width - 1; i >= 0; i--) {
                buffer[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += width;
            return this;
        }

        private CopyWriter put(char c) {
            return put((byte) c);
        }

        private CopyWriter put(byte b) {
            ensure(1);
            buffer[length++] = b;
            return this;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }

        private void reverse(int from, int to) {
            while (from < to) {
                byte t = buffer[from];
                buffer[from++] = buffer[to];
                buffer[to--] = t;
            }
        }
    }
}
