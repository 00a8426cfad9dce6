package io.cti.core.customers;

import io.cti.core.CoreException;
import io.cti.core.ids.CustomerId;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every customer's derived figures current. A single customer is refreshed after each change to their
 * history, scored against the breakpoints of the last full refresh; a full refresh recomputes the breakpoints
 * over all buyers and rewrites every customer's figures (run it periodically, since recency grows each day).
 * Thread-safe.
 */
public final class CustomerFigures {

    private static final String HISTORY = """
            with p as (
                select customer_id, count(*) as purchase_count, sum(amount) as monetary,
                       min(purchased_on) as first_on, max(purchased_on) as last_on,
                       coalesce(sum(amount) filter (where paid_on is null and due_on < ?), 0) as overdue
                from purchase %1$s group by customer_id),
            s as (select customer_id, avg(score) as satisfaction from satisfaction_score %1$s group by customer_id)
            select c.id, c.type, coalesce(p.purchase_count, 0) as purchase_count, coalesce(p.monetary, 0) as monetary,
                   p.first_on, p.last_on, coalesce(p.overdue, 0) as overdue, round(s.satisfaction, 2) as satisfaction
            from customer c left join p on p.customer_id = c.id left join s on s.customer_id = c.id
            %2$s""";

    private static final String UPSERT_COLUMNS = """
            customer_id, purchase_count, monetary, first_purchase_on, last_purchase_on, recency_days, purchase_cycle_days,
            r_score, f_score, m_score, lifetime_value, grade, top_value, loyalty_tier, overdue_amount, credit_flag,
            churn_warning, churn_reason, average_satisfaction, computed_on, computed_at""";

    private static final String ON_CONFLICT = """
            on conflict (customer_id) do update set purchase_count = excluded.purchase_count, monetary = excluded.monetary,
            first_purchase_on = excluded.first_purchase_on, last_purchase_on = excluded.last_purchase_on,
            recency_days = excluded.recency_days, purchase_cycle_days = excluded.purchase_cycle_days,
            r_score = excluded.r_score, f_score = excluded.f_score, m_score = excluded.m_score,
            lifetime_value = excluded.lifetime_value, grade = excluded.grade, top_value = excluded.top_value,
            loyalty_tier = excluded.loyalty_tier, overdue_amount = excluded.overdue_amount,
            credit_flag = excluded.credit_flag, churn_warning = excluded.churn_warning,
            churn_reason = excluded.churn_reason, average_satisfaction = excluded.average_satisfaction,
            computed_on = excluded.computed_on, computed_at = excluded.computed_at""";

    /** Advisory lock key of the full refresh ("FIGURES" in ASCII): one full refresh at a time. */
    private static final long FULL_REFRESH_LOCK = 0x4649_4755_5245_53L;
    /**
     * Advisory lock key guarding figure writes ("FIGWRIT"): single refreshes share it, a full refresh takes it
     * alone, so a full refresh never overwrites figures that a single refresh committed after its snapshot.
     */
    private static final long FIGURES_WRITE_LOCK = 0x4649_4757_5249_54L;
    private static final int FETCH_ROWS = 10_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FigureRules rules;
    private final Clock clock;

    public CustomerFigures(DataSource dataSource, FigureRules rules, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.rules = rules;
        this.clock = clock;
    }

    public FigureRules rules() {
        return rules;
    }

    /** Recomputes one customer's figures now (joins the caller's transaction if there is one). */
    public DerivedFigures refresh(CustomerId id) {
        return transactions.execute(status -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock_shared(?)) as locked").param(FIGURES_WRITE_LOCK).query(Integer.class).single();
            return refreshLocked(id);
        });
    }

    private DerivedFigures refreshLocked(CustomerId id) {
        LocalDate today = LocalDate.now(clock);
        PurchaseHistory history = jdbc.sql(HISTORY.formatted("where customer_id = ?", "where c.id = ?"))
                .params(java.sql.Date.valueOf(today), id.value(), id.value(), id.value())
                .query((rs, n) -> history(rs)).optional()
                .orElseThrow(() -> CoreException.noSuchCustomer(id.toString()));
        DerivedFigures figures = rules.derive(history, breakpoints(), today);
        jdbc.sql("insert into customer_figures (" + UPSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + ON_CONFLICT)
                .params(row(id.value(), figures, Timestamp.from(clock.instant())))
                .update();
        return figures;
    }

    public Optional<DerivedFigures> find(CustomerId id) {
        return jdbc.sql("select * from customer_figures where customer_id = ?").param(id.value())
                .query((rs, n) -> figures(rs)).optional();
    }

    /** The breakpoints of the last full refresh, or {@link Breakpoints#NONE} before the first. */
    public Breakpoints breakpoints() {
        return jdbc.sql("select * from figure_breakpoints where id = 1")
                .query((rs, n) -> new Breakpoints(ints(rs.getArray("recency_cuts")), ints(rs.getArray("frequency_cuts")),
                        decimals(rs.getArray("monetary_cuts")), rs.getBigDecimal("top_value_threshold"),
                        rs.getInt("customers_scored"), rs.getTimestamp("computed_at").toInstant()))
                .optional().orElse(Breakpoints.NONE);
    }

    /**
     * Recomputes the breakpoints over all buyers and every customer's figures in one transaction, streaming
     * the histories and writing the figures with COPY. Returns the number of customers refreshed, or -1 when
     * another process holds the refresh (a transaction-scoped advisory lock keeps runs from overlapping).
     */
    public int refreshAll() {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        Integer count = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(FULL_REFRESH_LOCK)
                    .query(Boolean.class).single();
            if (!mine) {
                return -1;
            }
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(?)) as locked").param(FIGURES_WRITE_LOCK).query(Integer.class).single();
            Breakpoints breakpoints = computeBreakpoints(today, now);
            storeBreakpoints(breakpoints);
            return rewriteAll(today, now, breakpoints);
        });
        return count == null ? 0 : count;
    }

    private Breakpoints computeBreakpoints(LocalDate today, Instant now) {
        return jdbc.sql("""
                        with p as (select customer_id, count(*) as f, sum(amount) as m, ? - max(purchased_on) as r
                                   from purchase group by customer_id)
                        select count(*) as n,
                               percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by r) as r_cuts,
                               percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by f) as f_cuts,
                               percentile_disc(array[0.2, 0.4, 0.6, 0.8]) within group (order by m) as m_cuts,
                               percentile_disc(0.8) within group (order by m) as top
                        from p""")
                .param(java.sql.Date.valueOf(today))
                .query((rs, n) -> rs.getInt("n") == 0 ? Breakpoints.NONE
                        : new Breakpoints(ints(rs.getArray("r_cuts")), ints(rs.getArray("f_cuts")),
                        decimals(rs.getArray("m_cuts")), rs.getBigDecimal("top"), rs.getInt("n"), now))
                .single();
    }

    private void storeBreakpoints(Breakpoints b) {
        jdbc.sql("""
                        insert into figure_breakpoints (id, recency_cuts, frequency_cuts, monetary_cuts, top_value_threshold,
                            customers_scored, computed_at) values (1, ?, ?, ?, ?, ?, ?)
                        on conflict (id) do update set recency_cuts = excluded.recency_cuts,
                            frequency_cuts = excluded.frequency_cuts, monetary_cuts = excluded.monetary_cuts,
                            top_value_threshold = excluded.top_value_threshold, customers_scored = excluded.customers_scored,
                            computed_at = excluded.computed_at""")
                .params(b.recencyCuts().toArray(Integer[]::new), b.frequencyCuts().toArray(Integer[]::new),
                        b.monetaryCuts().toArray(BigDecimal[]::new), b.topValueThreshold(), b.customersScored(),
                        Timestamp.from(b.computedAt()))
                .update();
    }

    private int rewriteAll(LocalDate today, Instant now, Breakpoints breakpoints) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var create = connection.createStatement()) {
            create.execute("create temp table figures_load (like customer_figures including defaults) on commit drop");
            int rows = 0;
            try (var read = connection.prepareStatement(HISTORY.formatted("", ""))) {
                // Inside the transaction the driver reads through a cursor, FETCH_ROWS at a time; each batch is
                // copied before the next fetch, since a connection cannot fetch while a COPY is open on it.
                read.setFetchSize(FETCH_ROWS);
                read.setDate(1, java.sql.Date.valueOf(today));
                try (ResultSet rs = read.executeQuery()) {
                    StringBuilder batch = new StringBuilder(1 << 20);
                    int inBatch = 0;
                    while (rs.next()) {
                        PurchaseHistory history = history(rs);
                        appendCsv(batch, row(rs.getLong("id"), rules.derive(history, breakpoints, today), Timestamp.from(now)));
                        rows++;
                        if (++inBatch == FETCH_ROWS) {
                            copy(connection, batch);
                            inBatch = 0;
                        }
                    }
                    copy(connection, batch);
                }
            }
            create.execute("insert into customer_figures (" + UPSERT_COLUMNS + ") select " + UPSERT_COLUMNS
                    + " from figures_load " + ON_CONFLICT);
            return rows;
        } catch (SQLException e) {
            throw CoreException.database("refreshing all customer figures", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copy(Connection connection, StringBuilder batch) throws SQLException {
        if (batch.length() == 0) {
            return;
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy figures_load (" + UPSERT_COLUMNS + ") from stdin with (format csv)");
        write(copy, batch);
        copy.endCopy();
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    private static void appendCsv(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            if (value != null) {
                String text = value.toString();
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private static PurchaseHistory history(ResultSet rs) throws SQLException {
        return new PurchaseHistory(CustomerType.valueOf(rs.getString("type")), rs.getInt("purchase_count"),
                rs.getBigDecimal("monetary"), CustomerRepository.localDate(rs, "first_on"),
                CustomerRepository.localDate(rs, "last_on"), rs.getBigDecimal("overdue"), rs.getBigDecimal("satisfaction"));
    }

    private static List<Object> row(long customerId, DerivedFigures f, Timestamp at) {
        return Arrays.asList(customerId, f.purchaseCount(), f.monetary(), date(f.firstPurchaseOn()), date(f.lastPurchaseOn()),
                f.recencyDays(), f.purchaseCycleDays(), f.recencyScore(), f.frequencyScore(), f.monetaryScore(),
                f.lifetimeValue(), f.grade().name(), f.topValue(), f.loyaltyTier().name(), f.overdueAmount(),
                f.creditFlag(), f.churnWarning(), f.churnReason(), f.averageSatisfaction(), date(f.computedOn()), at);
    }

    private static java.sql.Date date(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }

    static DerivedFigures figures(ResultSet rs) throws SQLException {
        return new DerivedFigures(rs.getInt("purchase_count"), rs.getBigDecimal("monetary"),
                CustomerRepository.localDate(rs, "first_purchase_on"), CustomerRepository.localDate(rs, "last_purchase_on"),
                (Integer) rs.getObject("recency_days"), rs.getBigDecimal("purchase_cycle_days"),
                smallint(rs, "r_score"), smallint(rs, "f_score"), smallint(rs, "m_score"),
                rs.getBigDecimal("lifetime_value"), Grade.valueOf(rs.getString("grade")), rs.getBoolean("top_value"),
                LoyaltyTier.valueOf(rs.getString("loyalty_tier")), rs.getBigDecimal("overdue_amount"),
                rs.getBoolean("credit_flag"), rs.getBoolean("churn_warning"), rs.getString("churn_reason"),
                rs.getBigDecimal("average_satisfaction"), CustomerRepository.localDate(rs, "computed_on"));
    }

    private static Integer smallint(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static List<Integer> ints(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static List<BigDecimal> decimals(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> new BigDecimal(v.toString())).toList();
    }
}
