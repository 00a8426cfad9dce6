package io.cti.router.callbacks;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.CustomerId;
import io.cti.core.ids.QueueName;
import io.cti.core.messages.OriginateOutcome;
import io.cti.core.phone.PhoneNumber;
import io.cti.router.RouterException;
import io.cti.router.queues.RouterSchema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Stores callbacks and their attempts in PostgreSQL ({@code router_callback}, {@code router_callback_attempt}).
 * Every change is one statement or one transaction, conditional on the status it expects, so two router processes
 * never both act on one callback: {@link #claimDue} takes each due callback once ({@code FOR UPDATE SKIP LOCKED}),
 * and a step on a callback that moved on meanwhile changes nothing. Thread-safe.
 */
public final class CallbackRepository {

    private static final String COLUMNS = """
            id, kind, queue, number, customer_id, preferred_agent, requested_by, source_call_id, dnis, ivr_choices,
            note, entered_at, due_at, status, attempts, max_attempts, offers, last_outcome, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /** {@code schema} proves the router's tables exist in {@code dataSource}. */
    public CallbackRepository(DataSource dataSource, RouterSchema schema) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Files a callback, pending until its due time; empty when one was already filed for the same kind and source
     * call (a redelivered request).
     */
    public Optional<Callback> file(CallbackRequest request) {
        return jdbc.sql("insert into router_callback (kind, queue, number, customer_id, preferred_agent, requested_by, "
                        + "source_call_id, dnis, ivr_choices, note, entered_at, due_at, status, max_attempts) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?) "
                        + "on conflict (kind, source_call_id) where source_call_id is not null do nothing "
                        + "returning " + COLUMNS)
                .params(request.kind().name(), request.queue().value(), request.number().e164(),
                        request.customer() == null ? null : request.customer().value(),
                        text(request.preferredAgent()), text(request.requestedBy()), text(request.sourceCall()),
                        request.dnis(), String.join("\n", request.ivrChoices()), request.note(),
                        Timestamp.from(request.enteredAt()), Timestamp.from(request.dueAt()), request.maxAttempts())
                .query(CallbackRepository::callback).optional();
    }

    public Optional<Callback> find(CallbackId id) {
        return jdbc.sql("select " + COLUMNS + " from router_callback where id = ?").param(id.value())
                .query(CallbackRepository::callback).optional();
    }

    /** Callbacks by due time: the open ones only, or all; at most {@code limit}. */
    public List<Callback> list(boolean openOnly, int limit) {
        return jdbc.sql("select " + COLUMNS + " from router_callback"
                        + (openOnly ? " where status in ('PENDING', 'QUEUED')" : "") + " order by due_at, id limit ?")
                .param(limit).query(CallbackRepository::callback).list();
    }

    /**
     * Takes up to {@code limit} callbacks due by {@code now} for {@code claimant}: each becomes QUEUED with one more
     * offer (its new call id), in one statement that skips rows another router is claiming, so every due callback
     * is taken exactly once. Earliest due first.
     */
    public List<Callback> claimDue(Instant now, int limit, String claimant) {
        List<Callback> claimed = jdbc.sql("update router_callback c set status = 'QUEUED', offers = c.offers + 1, "
                        + "claimed_by = ?, updated_at = now() where c.id in (select id from router_callback "
                        + "where status = 'PENDING' and due_at <= ? order by due_at, id limit ? for update skip locked) "
                        + "returning " + COLUMNS)
                .params(claimant, Timestamp.from(now), limit).query(CallbackRepository::callback).list();
        return claimed.stream().sorted(Comparator.comparing(Callback::dueAt).thenComparing(c -> c.id().value()))
                .toList();
    }

    /** Puts a queued callback in its queue again under a new call id (after RONA); empty if it is no longer queued. */
    public Optional<Callback> reoffer(CallbackId id) {
        return jdbc.sql("update router_callback set offers = offers + 1, updated_at = now() "
                        + "where id = ? and status = 'QUEUED' returning " + COLUMNS)
                .param(id.value()).query(CallbackRepository::callback).optional();
    }

    /** A queued callback waits again until {@code dueAt}; false if it was no longer queued. */
    public boolean pendAgain(CallbackId id, Instant dueAt) {
        return jdbc.sql("update router_callback set status = 'PENDING', due_at = ?, updated_at = now() "
                        + "where id = ? and status = 'QUEUED'")
                .params(Timestamp.from(dueAt), id.value()).update() == 1;
    }

    /**
     * Records a dial of the customer that did not reach them; answers the callback as it now stands (attempts
     * counted), or empty if it was no longer queued (nothing recorded).
     */
    public Optional<Callback> recordMiss(CallbackId id, CallId call, AgentId agent, OriginateOutcome outcome,
                                         String dialStatus, Instant at) {
        return attempt(id, call, agent, outcome, dialStatus, at, "QUEUED");
    }

    /** The customer was reached: the attempt is recorded and the callback done; empty if it was no longer queued. */
    public Optional<Callback> markDone(CallbackId id, CallId call, AgentId agent, Instant at) {
        return attempt(id, call, agent, OriginateOutcome.ANSWERED, "ANSWER", at, "DONE");
    }

    /** Gives a queued callback up, saying why; false if it was no longer queued. */
    public boolean giveUp(CallbackId id, String why) {
        return jdbc.sql("update router_callback set status = 'GAVE_UP', last_outcome = ?, updated_at = now() "
                        + "where id = ? and status = 'QUEUED'")
                .params(why, id.value()).update() == 1;
    }

    /**
     * Withdraws a callback that is not yet due. {@code no-such-callback} if there is none, {@code callback-not-pending}
     * if it is already in its queue, done or given up.
     */
    public Callback cancel(CallbackId id) {
        return jdbc.sql("update router_callback set status = 'CANCELLED', updated_at = now() "
                        + "where id = ? and status = 'PENDING' returning " + COLUMNS)
                .param(id.value()).query(CallbackRepository::callback).optional()
                .orElseGet(() -> {
                    Callback found = find(id).orElseThrow(() -> RouterException.noSuchCallback(id.value()));
                    throw RouterException.callbackNotPending(id.value(), found.status().name());
                });
    }

    /** The dials of a callback's customer so far, in order. */
    public List<CallbackAttempt> attempts(CallbackId id) {
        return jdbc.sql("select attempt, call_id, agent_id, outcome, dial_status, at from router_callback_attempt "
                        + "where callback_id = ? order by attempt")
                .param(id.value())
                .query((rs, n) -> new CallbackAttempt(rs.getInt("attempt"), CallId.of(rs.getString("call_id")),
                        rs.getString("agent_id") == null ? null : AgentId.of(rs.getString("agent_id")),
                        OriginateOutcome.valueOf(rs.getString("outcome")), rs.getString("dial_status"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Callbacks queued (claimed or re-offered) more than {@code olderThan} ago, by the database's clock. */
    public List<Callback> queuedLongerThan(Duration olderThan, int limit) {
        return jdbc.sql("select " + COLUMNS + " from router_callback where status = 'QUEUED' "
                        + "and updated_at < now() - make_interval(secs => ?) order by updated_at limit ?")
                .params(olderThan.toMillis() / 1000.0, limit).query(CallbackRepository::callback).list();
    }

    private Optional<Callback> attempt(CallbackId id, CallId call, AgentId agent, OriginateOutcome outcome,
                                       String dialStatus, Instant at, String nextStatus) {
        return transactions.execute(status -> {
            Optional<Callback> updated = jdbc.sql("update router_callback set attempts = attempts + 1, status = ?, "
                            + "last_outcome = ?, updated_at = now() where id = ? and status = 'QUEUED' "
                            + "returning " + COLUMNS)
                    .params(nextStatus, outcome.name(), id.value()).query(CallbackRepository::callback).optional();
            updated.ifPresent(callback -> jdbc.sql("insert into router_callback_attempt (callback_id, attempt, call_id, "
                            + "agent_id, outcome, dial_status, at) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id.value(), callback.attempts(), call.value(), text(agent), outcome.name(), dialStatus,
                            Timestamp.from(at))
                    .update());
            return updated;
        });
    }

    private static String text(Object id) {
        return id == null ? null : id.toString();
    }

    private static Callback callback(ResultSet rs, int row) throws SQLException {
        long customer = rs.getLong("customer_id");
        boolean noCustomer = rs.wasNull();
        String ivr = rs.getString("ivr_choices");
        return new Callback(CallbackId.of(rs.getLong("id")), CallbackKind.valueOf(rs.getString("kind")),
                QueueName.of(rs.getString("queue")), new PhoneNumber(rs.getString("number")),
                noCustomer ? null : CustomerId.of(customer), agent(rs.getString("preferred_agent")),
                agent(rs.getString("requested_by")),
                rs.getString("source_call_id") == null ? null : CallId.of(rs.getString("source_call_id")),
                rs.getString("dnis"), ivr.isEmpty() ? List.of() : Arrays.asList(ivr.split("\n")), rs.getString("note"),
                rs.getTimestamp("entered_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                CallbackStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getInt("max_attempts"),
                rs.getInt("offers"), rs.getString("last_outcome"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static AgentId agent(String id) {
        return id == null ? null : AgentId.of(id);
    }
}
